package io.jredis.domain.value;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A hash, in Redis 7.0's two encodings. Small ones are a "listpack": one byte array of
 * entries, each a field then its value, each of those a length (a 7-bits-per-byte varint, one
 * byte up to 127) and its bytes, in insertion order and searched linearly, as Redis's listpack
 * is. No object per field: a two-field hash is this object and one array. Past
 * {@link #LISTPACK_MAX_ENTRIES} fields, or once a field or value longer than
 * {@link #LISTPACK_MAX_VALUE} bytes is stored, it becomes a "hashtable" ({@link BinaryTable})
 * and never goes back.
 *
 * <p>Entries are addressed by a position (the byte offset of the entry in a listpack, the table
 * index otherwise): {@link #first()} and {@link #next(int)} walk them, {@link #indexOf} finds
 * one, {@link #positionOf(int)} turns an ordinal 0..size-1 into one. A position is valid until
 * the next change.
 */
public final class HashValue implements TypedValue {

    // Defaults only: the limits in force are EncodingLimits' (CONFIG SET changes them).
    /** Redis 7.0's default hash-max-listpack-entries (its redis.conf and built-in default). */
    public static final int LISTPACK_MAX_ENTRIES = 512;
    /** Redis 7.0's default hash-max-listpack-value. */
    public static final int LISTPACK_MAX_VALUE = 64;

    private static final byte[] EMPTY = new byte[0];

    /** The listpack's bytes, or the {@link BinaryTable} of a hashtable. */
    private Object store;
    /** Listpack only: bytes in use and entries. */
    private int used;
    private int size;

    public HashValue() {
        store = EMPTY;
    }

    private HashValue(HashValue o) {
        if (o.store instanceof BinaryTable t) {
            store = t.copy();
        } else {
            store = Arrays.copyOf((byte[]) o.store, o.used);
            used = o.used;
            size = o.size;
        }
    }

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public String encoding() {
        return store instanceof BinaryTable ? "hashtable" : "listpack";
    }

    @Override
    public HashValue copy() {
        return new HashValue(this);
    }

    /**
     * A listpack: the object and the packed bytes (one back-length byte per element added to
     * this form's lengths); a hashtable: dict, buckets and per entry the dictEntry and two sds,
     * the first {@code samples} entries standing for all.
     */
    public long footprint(int samples) {
        if (store instanceof BinaryTable t) {
            int size = t.size();
            int n = samples <= 0 ? size : Math.min(samples, size);
            long sampled = 0;
            for (int i = 0; i < n; i++) {
                sampled += Footprint.DICT_ENTRY + Footprint.sds(t.keyAt(i).length) + Footprint.sds(t.valueAt(i).length);
            }
            return Footprint.OBJECT + Footprint.dict(size) + (n == 0 ? 0 : sampled * size / n);
        }
        return Footprint.OBJECT + Footprint.alloc(Listpack.HEADER_AND_END + used + 2L * size);
    }

    public int size() {
        return store instanceof BinaryTable t ? t.size() : size;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    // ------------------------------------------------------------------ positions

    /** The first entry's position, or -1 when empty. */
    public int first() {
        return size() == 0 ? -1 : 0;
    }

    /** The position after {@code p}, or -1 after the last entry. */
    public int next(int p) {
        if (store instanceof BinaryTable t) {
            return p + 1 < t.size() ? p + 1 : -1;
        }
        int n = skip((byte[]) store, skip((byte[]) store, p));
        return n < used ? n : -1;
    }

    /** The position of the entry with ordinal {@code i} (0..size-1): a walk in a listpack. */
    public int positionOf(int i) {
        if (store instanceof BinaryTable) {
            return i;
        }
        int p = 0;
        for (int k = 0; k < i; k++) {
            p = next(p);
        }
        return p;
    }

    /** The position of a field given as a slice, or -1. */
    public int indexOf(byte[] buf, int off, int len) {
        if (store instanceof BinaryTable t) {
            return t.find(buf, off, len);
        }
        byte[] d = (byte[]) store;
        int p = 0;
        while (p < used) {
            int fl = lengthAt(d, p);
            int fs = p + varSize(fl);
            int vp = fs + fl;
            if (fl == len && Arrays.equals(d, fs, vp, buf, off, off + len)) {
                return p;
            }
            p = skip(d, vp);
        }
        return -1;
    }

    // ------------------------------------------------------------------ entries as slices

    /** The array holding the field at position p; with {@link #fieldOffset} and {@link #fieldLength}. */
    public byte[] fieldArray(int p) {
        return store instanceof BinaryTable t ? t.keyAt(p) : (byte[]) store;
    }

    public int fieldOffset(int p) {
        return store instanceof BinaryTable ? 0 : p + varSize(lengthAt((byte[]) store, p));
    }

    public int fieldLength(int p) {
        return store instanceof BinaryTable t ? t.keyAt(p).length : lengthAt((byte[]) store, p);
    }

    /** The array holding the value at position p; with {@link #valueOffset} and {@link #valueLength}. */
    public byte[] valueArray(int p) {
        return store instanceof BinaryTable t ? t.valueAt(p) : (byte[]) store;
    }

    public int valueOffset(int p) {
        if (store instanceof BinaryTable) {
            return 0;
        }
        int vp = valuePosition((byte[]) store, p);
        return vp + varSize(lengthAt((byte[]) store, vp));
    }

    public int valueLength(int p) {
        if (store instanceof BinaryTable t) {
            return t.valueAt(p).length;
        }
        return lengthAt((byte[]) store, valuePosition((byte[]) store, p));
    }

    /** The field at position p as an array of its own (a copy for a listpack; do not modify). */
    public byte[] fieldAt(int p) {
        if (store instanceof BinaryTable t) {
            return t.keyAt(p);
        }
        int off = fieldOffset(p);
        return Arrays.copyOfRange((byte[]) store, off, off + fieldLength(p));
    }

    /** The value at position p as an array of its own (a copy for a listpack; do not modify). */
    public byte[] valueAt(int p) {
        if (store instanceof BinaryTable t) {
            return t.valueAt(p);
        }
        int off = valueOffset(p);
        return Arrays.copyOfRange((byte[]) store, off, off + valueLength(p));
    }

    /** The value of a field given as a slice as an array of its own, or null. */
    public byte[] get(byte[] buf, int off, int len) {
        int p = indexOf(buf, off, len);
        return p < 0 ? null : valueAt(p);
    }

    // ------------------------------------------------------------------ changes

    /**
     * Converts to a hashtable when an argument of {@code length} bytes is about to be written, as
     * Redis checks a command's arguments before it writes any of them (even for fields HSETNX
     * then leaves alone).
     */
    public void fitLength(int length) {
        if (!(store instanceof BinaryTable) && length > EncodingLimits.hashMaxListpackValue()) {
            toTable();
        }
    }

    /** Sets a field; true when the field is new. A hashtable keeps both arrays as given. */
    public boolean put(byte[] field, byte[] value) {
        fitLength(field.length);
        fitLength(value.length);
        if (store instanceof BinaryTable t) {
            int i = t.find(field, 0, field.length);
            if (i >= 0) {
                t.setValueAt(i, value);
                return false;
            }
            t.add(field, value);
            return true;
        }
        return putPacked(field, 0, field.length, value, 0, value.length);
    }

    /**
     * Sets a field from slices (a command's arguments): a listpack copies the bytes in place, a
     * hashtable copies them into arrays of their own. True when the field is new.
     */
    public boolean put(byte[] fb, int fo, int fl, byte[] vb, int vo, int vl) {
        fitLength(fl);
        fitLength(vl);
        if (store instanceof BinaryTable t) {
            byte[] value = Arrays.copyOfRange(vb, vo, vo + vl);
            int i = t.find(fb, fo, fl);
            if (i >= 0) {
                t.setValueAt(i, value);
                return false;
            }
            t.add(Arrays.copyOfRange(fb, fo, fo + fl), value);
            return true;
        }
        return putPacked(fb, fo, fl, vb, vo, vl);
    }

    private boolean putPacked(byte[] fb, int fo, int fl, byte[] vb, int vo, int vl) {
        int p = indexOf(fb, fo, fl);
        if (p >= 0) {
            replaceValue(p, vb, vo, vl);
            return false;
        }
        int need = varSize(fl) + fl + varSize(vl) + vl;
        byte[] d = reserve(used + need);
        int q = writeLength(d, used, fl);
        System.arraycopy(fb, fo, d, q, fl);
        q = writeLength(d, q + fl, vl);
        System.arraycopy(vb, vo, d, q, vl);
        used += need;
        size++;
        if (size > EncodingLimits.hashMaxListpackEntries()) {
            toTable();
        }
        return true;
    }

    /** Replaces the value at a position (from {@link #indexOf}). */
    public void setValueAt(int p, byte[] value) {
        if (store instanceof BinaryTable t) {
            t.setValueAt(p, value);
            return;
        }
        if (value.length > EncodingLimits.hashMaxListpackValue()) {
            byte[] field = fieldAt(p);
            toTable();
            BinaryTable t = (BinaryTable) store;
            t.setValueAt(t.find(field, 0, field.length), value);
            return;
        }
        replaceValue(p, value, 0, value.length);
    }

    /** Removes a field given as a slice; true when it was there. */
    public boolean remove(byte[] buf, int off, int len) {
        int p = indexOf(buf, off, len);
        if (p < 0) {
            return false;
        }
        if (store instanceof BinaryTable t) {
            t.removeAt(p);
            return true;
        }
        // A listpack keeps its order: later entries move up.
        byte[] d = (byte[]) store;
        int end = skip(d, skip(d, p));
        System.arraycopy(d, end, d, p, used - end);
        used -= end - p;
        size--;
        if (size == 0) {
            store = EMPTY;
            used = 0;
        } else if (d.length > 64 && used < d.length / 2) {
            store = Arrays.copyOf(d, capacityFor(used));
        }
        return true;
    }

    /**
     * Visits entry positions from {@code cursor} on, as HSCAN: a listpack hands out everything at
     * once and returns 0, as Redis does; a hashtable scans buckets (see {@link BinaryTable#scan}).
     */
    public long scan(long cursor, long count, IntConsumer visitor) {
        if (store instanceof BinaryTable t) {
            return t.scan(cursor, count, visitor);
        }
        for (int p = first(); p >= 0; p = next(p)) {
            visitor.accept(p);
        }
        return 0;
    }

    // ------------------------------------------------------------------ the listpack's bytes

    private void replaceValue(int p, byte[] vb, int vo, int vl) {
        byte[] d = (byte[]) store;
        int vp = valuePosition(d, p);
        int oldEnd = skip(d, vp);
        int newSpan = varSize(vl) + vl;
        int delta = newSpan - (oldEnd - vp);
        if (delta > 0) {
            d = reserve(used + delta);
        }
        System.arraycopy(d, oldEnd, d, oldEnd + delta, used - oldEnd);
        int q = writeLength(d, vp, vl);
        System.arraycopy(vb, vo, d, q, vl);
        used += delta;
    }

    /** The array, grown to hold at least {@code bytes}. */
    private byte[] reserve(int bytes) {
        byte[] d = (byte[]) store;
        if (bytes > d.length) {
            d = Arrays.copyOf(d, capacityFor(bytes));
            store = d;
        }
        return d;
    }

    /**
     * Exactly the bytes needed, rounded up to the 8 bytes the JVM pads an array to anyway, while
     * small; a quarter more once larger, so appending stays amortized O(1) per byte.
     */
    private static int capacityFor(int bytes) {
        return bytes <= 128 ? (bytes + 7) & ~7 : bytes + (bytes >> 2);
    }

    private static int valuePosition(byte[] d, int p) {
        return skip(d, p);
    }

    /** The position after the length-prefixed item at p. */
    private static int skip(byte[] d, int p) {
        int len = lengthAt(d, p);
        return p + varSize(len) + len;
    }

    private static int lengthAt(byte[] d, int p) {
        int b = d[p];
        if (b >= 0) {
            return b;
        }
        int v = b & 0x7F;
        int shift = 7;
        while (true) {
            b = d[++p];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private static int varSize(int len) {
        return len < 0x80 ? 1 : len < 0x4000 ? 2 : len < 0x200000 ? 3 : len < 0x10000000 ? 4 : 5;
    }

    /** Writes a length at p; returns the position after it. */
    private static int writeLength(byte[] d, int p, int len) {
        while (len >= 0x80) {
            d[p++] = (byte) (len | 0x80);
            len >>>= 7;
        }
        d[p++] = (byte) len;
        return p;
    }

    /** Entries keep their order: the table adds them in listpack order. */
    private void toTable() {
        BinaryTable t = new BinaryTable(size + 1, true);
        for (int p = first(); p >= 0; p = next(p)) {
            t.add(fieldAt(p), valueAt(p));
        }
        store = t;
        used = 0;
        size = 0;
    }
}
