package io.jredis.domain.value;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A set, in Redis 7.0's two encodings. While every member is the canonical decimal form of a
 * 64-bit integer and there are at most {@link #INTSET_MAX_ENTRIES} of them, it is an "intset":
 * a sorted {@code long[]}. Otherwise it is a "hashtable" of binary members, and never goes back
 * (7.0 has no listpack sets).
 *
 * <p>Members are addressed by an index in 0..size-1 (ascending for an intset, table order
 * otherwise), valid until the next change.
 */
public final class SetValue implements TypedValue {

    // TODO(config): set-max-intset-entries once ConfigOptions exists.
    /** Redis 7.0's default set-max-intset-entries. */
    public static final int INTSET_MAX_ENTRIES = 512;

    /** Receives a member as a slice, valid only during the call. */
    @FunctionalInterface
    public interface MemberSink {
        void member(byte[] buf, int off, int len);
    }

    /** Intset encoding: sorted; null once a hashtable. */
    private long[] ints;
    private int size;
    private BinaryTable table;

    /** An empty set; it starts as an intset, as Redis's set algebra results do. */
    public SetValue() {
        ints = new long[4];
    }

    private SetValue(SetValue o) {
        size = o.size;
        if (o.table != null) {
            table = o.table.copy();
        } else {
            ints = Arrays.copyOf(o.ints, Math.max(size, 1));
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

    public int size() {
        return table == null ? size : table.size();
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
        return Numbers.isCanonicalLong(buf, off, len)
                && Arrays.binarySearch(ints, 0, size, Numbers.parseLong(buf, off, len)) >= 0;
    }

    /** Adds a member given as a slice (copied only when it is stored); true when it is new. */
    public boolean add(byte[] buf, int off, int len) {
        if (table == null) {
            if (Numbers.isCanonicalLong(buf, off, len)) {
                long v = Numbers.parseLong(buf, off, len);
                int at = Arrays.binarySearch(ints, 0, size, v);
                if (at >= 0) {
                    return false;
                }
                at = -at - 1;
                if (size == ints.length) {
                    ints = Arrays.copyOf(ints, Math.min(Math.max(4, size + (size >> 1)), INTSET_MAX_ENTRIES + 1));
                }
                System.arraycopy(ints, at, ints, at + 1, size - at);
                ints[at] = v;
                size++;
                if (size > INTSET_MAX_ENTRIES) {
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
        int at = Arrays.binarySearch(ints, 0, size, Numbers.parseLong(buf, off, len));
        if (at < 0) {
            return false;
        }
        removeAt(at);
        return true;
    }

    /** Removes the member at an index. */
    public void removeAt(int i) {
        if (table != null) {
            table.removeAt(i);
            return;
        }
        System.arraycopy(ints, i + 1, ints, i, size - i - 1);
        size--;
    }

    /** The member at an index as a new array. */
    public byte[] memberAt(int i) {
        return table == null ? Numbers.toBytes(ints[i]) : table.keyAt(i);
    }

    /** Hands the member at an index to a sink without allocating for table members. */
    public void memberAt(int i, byte[] scratch, MemberSink sink) {
        if (table != null) {
            byte[] m = table.keyAt(i);
            sink.member(m, 0, m.length);
        } else {
            sink.member(scratch, 0, Numbers.writeDecimal(ints[i], scratch, 0));
        }
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
            for (int i = 0; i < size; i++) {
                visitor.accept(i);
            }
            return 0;
        }
        return table.scan(cursor, count, visitor);
    }

    private void toTable() {
        BinaryTable t = new BinaryTable(size + 1, false);
        for (int i = 0; i < size; i++) {
            t.add(Numbers.toBytes(ints[i]), null);
        }
        table = t;
        ints = null;
        size = 0;
    }
}
