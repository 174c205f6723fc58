package io.jredis.domain.value;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A hash, in Redis 7.0's two encodings. Small ones are a "listpack": one flat array of
 * alternating field and value, in insertion order, searched linearly. Past
 * {@link #LISTPACK_MAX_ENTRIES} fields, or once a field or value longer than
 * {@link #LISTPACK_MAX_VALUE} bytes is stored, it becomes a "hashtable" and never goes back.
 *
 * <p>Entries are addressed by an index in 0..size-1 (insertion order for a listpack, table order
 * otherwise), valid until the next change.
 */
public final class HashValue implements TypedValue {

    // TODO(config): hash-max-listpack-entries and hash-max-listpack-value once ConfigOptions exists.
    /** Redis 7.0's default hash-max-listpack-entries (its redis.conf and built-in default). */
    public static final int LISTPACK_MAX_ENTRIES = 512;
    /** Redis 7.0's default hash-max-listpack-value. */
    public static final int LISTPACK_MAX_VALUE = 64;

    /** Listpack encoding: field, value, field, value...; null once a hashtable. */
    private byte[][] pairs;
    private int size;
    private BinaryTable table;

    public HashValue() {
        pairs = new byte[4][];
    }

    private HashValue(HashValue o) {
        size = o.size;
        if (o.table != null) {
            table = o.table.copy();
        } else {
            pairs = new byte[o.pairs.length][];
            for (int i = 0; i < 2 * size; i++) {
                pairs[i] = o.pairs[i].clone();
            }
        }
    }

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public String encoding() {
        return table == null ? "listpack" : "hashtable";
    }

    @Override
    public HashValue copy() {
        return new HashValue(this);
    }

    public int size() {
        return table == null ? size : table.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The index of a field given as a slice, or -1. */
    public int indexOf(byte[] buf, int off, int len) {
        if (table != null) {
            return table.find(buf, off, len);
        }
        for (int i = 0; i < size; i++) {
            byte[] f = pairs[2 * i];
            if (f.length == len && Arrays.equals(f, 0, len, buf, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    public byte[] fieldAt(int i) {
        return table == null ? pairs[2 * i] : table.keyAt(i);
    }

    public byte[] valueAt(int i) {
        return table == null ? pairs[2 * i + 1] : table.valueAt(i);
    }

    /** The value of a field given as a slice, or null. */
    public byte[] get(byte[] buf, int off, int len) {
        int i = indexOf(buf, off, len);
        return i < 0 ? null : valueAt(i);
    }

    /**
     * Converts to a hashtable when an argument of {@code length} bytes is about to be written, as
     * Redis checks a command's arguments before it writes any of them (even for fields HSETNX
     * then leaves alone).
     */
    public void fitLength(int length) {
        if (table == null && length > LISTPACK_MAX_VALUE) {
            toTable();
        }
    }

    /** Sets a field (both arrays are stored as given); true when the field is new. */
    public boolean put(byte[] field, byte[] value) {
        fitLength(field.length);
        fitLength(value.length);
        if (table != null) {
            int i = table.find(field, 0, field.length);
            if (i >= 0) {
                table.setValueAt(i, value);
                return false;
            }
            table.add(field, value);
            return true;
        }
        int i = indexOf(field, 0, field.length);
        if (i >= 0) {
            pairs[2 * i + 1] = value;
            return false;
        }
        if (2 * size + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, Math.max(4, 2 * size + 2 + size));
        }
        pairs[2 * size] = field;
        pairs[2 * size + 1] = value;
        size++;
        if (size > LISTPACK_MAX_ENTRIES) {
            toTable();
        }
        return true;
    }

    /** Replaces the value at an index (from {@link #indexOf}). */
    public void setValueAt(int i, byte[] value) {
        fitLength(value.length);
        if (table != null) {
            table.setValueAt(i, value);
        } else {
            pairs[2 * i + 1] = value;
        }
    }

    /** Removes a field given as a slice; true when it was there. */
    public boolean remove(byte[] buf, int off, int len) {
        int i = indexOf(buf, off, len);
        if (i < 0) {
            return false;
        }
        if (table != null) {
            table.removeAt(i);
        } else {
            // A listpack keeps its order: later entries move up.
            System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, 2 * (size - i - 1));
            size--;
            pairs[2 * size] = null;
            pairs[2 * size + 1] = null;
        }
        return true;
    }

    /**
     * Visits entry indexes from {@code cursor} on, as HSCAN: a listpack hands out everything at
     * once and returns 0, as Redis does; a hashtable scans buckets (see {@link BinaryTable#scan}).
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

    /** Entries keep their indexes: the table adds them in listpack order. */
    private void toTable() {
        BinaryTable t = new BinaryTable(size + 1, true);
        for (int i = 0; i < size; i++) {
            t.add(pairs[2 * i], pairs[2 * i + 1]);
        }
        table = t;
        pairs = null;
        size = 0;
    }
}
