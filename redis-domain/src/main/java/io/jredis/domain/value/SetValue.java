package io.jredis.domain.value;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A set, in Redis 7.0's two encodings. While every member is the canonical decimal form of a
 * 64-bit integer and there are at most {@link #INTSET_MAX_ENTRIES} of them, it is an "intset":
 * a sorted {@code long[]}. Otherwise it is a "hashtable" of binary members, and never goes back
 * (7.0 has no listpack sets).
 *
 * <p>The intset keeps each member 2, 4 or 8 bytes wide, as Redis's does.
 *
 * <p>Members are addressed by an index in 0..size-1 (ascending for an intset, table order
 * otherwise), valid until the next change.
 */
public final class SetValue implements TypedValue {

    // Defaults only: the limits in force are EncodingLimits' (CONFIG SET changes them).
    /** Redis 7.0's default set-max-intset-entries. */
    public static final int INTSET_MAX_ENTRIES = 512;

    /** Receives a member as a slice, valid only during the call. */
    @FunctionalInterface
    public interface MemberSink {
        void member(byte[] buf, int off, int len);
    }

    /** Intset encoding; null once a hashtable. */
    private IntSet ints;
    private BinaryTable table;

    /** An empty set; it starts as an intset, as Redis's set algebra results do. */
    public SetValue() {
        ints = new IntSet();
    }

    private SetValue(SetValue o) {
        if (o.table != null) {
            table = o.table.copy();
        } else {
            ints = o.ints.copy();
        }
    }

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public String encoding() {
        return table == null ? "intset" : "hashtable";
    }

    @Override
    public SetValue copy() {
        return new SetValue(this);
    }

    /**
     * An intset: the object and the intset (8-byte header, members at their width); a hashtable:
     * dict, buckets and per member its dictEntry and sds, sampled as Redis does.
     */
    public long footprint(int samples) {
        if (table == null) {
            return Footprint.OBJECT + Footprint.alloc(8L + ints.bytes());
        }
        int size = table.size();
        int n = samples <= 0 ? size : Math.min(samples, size);
        long sampled = 0;
        for (int i = 0; i < n; i++) {
            sampled += Footprint.DICT_ENTRY + Footprint.sds(table.keyAt(i).length);
        }
        return Footprint.OBJECT + Footprint.dict(size) + (n == 0 ? 0 : sampled * size / n);
    }

    public int size() {
        return table == null ? ints.size() : table.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public boolean isIntset() {
        return table == null;
    }

    public boolean contains(byte[] buf, int off, int len) {
        if (table != null) {
            return table.find(buf, off, len) >= 0;
        }
        return Numbers.isCanonicalLong(buf, off, len) && ints.search(Numbers.parseLong(buf, off, len)) >= 0;
    }

    /** Adds a member given as a slice (copied only when it is stored); true when it is new. */
    public boolean add(byte[] buf, int off, int len) {
        if (table == null) {
            if (Numbers.isCanonicalLong(buf, off, len)) {
                if (!ints.add(Numbers.parseLong(buf, off, len))) {
                    return false;
                }
                if (ints.size() > EncodingLimits.setMaxIntsetEntries()) {
                    toTable();
                }
                return true;
            }
            toTable();
        }
        if (table.find(buf, off, len) >= 0) {
            return false;
        }
        table.add(Arrays.copyOfRange(buf, off, off + len), null);
        return true;
    }

    public boolean add(byte[] member) {
        return add(member, 0, member.length);
    }

    /** Removes a member given as a slice; true when it was there. */
    public boolean remove(byte[] buf, int off, int len) {
        if (table != null) {
            int i = table.find(buf, off, len);
            if (i < 0) {
                return false;
            }
            table.removeAt(i);
            return true;
        }
        if (!Numbers.isCanonicalLong(buf, off, len)) {
            return false;
        }
        int at = ints.search(Numbers.parseLong(buf, off, len));
        if (at < 0) {
            return false;
        }
        ints.removeAt(at);
        return true;
    }

    /** Removes the member at an index. */
    public void removeAt(int i) {
        if (table != null) {
            table.removeAt(i);
            return;
        }
        ints.removeAt(i);
    }

    /** The member at an index as a new array. */
    public byte[] memberAt(int i) {
        return table == null ? Numbers.toBytes(ints.get(i)) : table.keyAt(i);
    }

    /** Hands the member at an index to a sink without allocating for table members. */
    public void memberAt(int i, byte[] scratch, MemberSink sink) {
        if (table != null) {
            byte[] m = table.keyAt(i);
            sink.member(m, 0, m.length);
        } else {
            sink.member(scratch, 0, Numbers.writeDecimal(ints.get(i), scratch, 0));
        }
    }

    /** The members in Redis's intset layout (as DUMP and RDB files carry it), or null for a hashtable. */
    public byte[] intsetLayout() {
        return table == null ? ints.layout() : null;
    }

    /** Hands every member to a sink, in index order. */
    public void forEach(MemberSink sink) {
        byte[] scratch = table == null ? new byte[20] : null;
        int n = size();
        for (int i = 0; i < n; i++) {
            memberAt(i, scratch, sink);
        }
    }

    /**
     * Visits member indexes from {@code cursor} on, as SSCAN: an intset hands out everything at
     * once and returns 0, as Redis does; a hashtable scans buckets.
     */
    public long scan(long cursor, long count, IntConsumer visitor) {
        if (table == null) {
            for (int i = 0; i < ints.size(); i++) {
                visitor.accept(i);
            }
            return 0;
        }
        return table.scan(cursor, count, visitor);
    }

    private void toTable() {
        BinaryTable t = new BinaryTable(ints.size() + 1, false);
        for (int i = 0; i < ints.size(); i++) {
            t.add(Numbers.toBytes(ints.get(i)), null);
        }
        table = t;
        ints = null;
    }
}
