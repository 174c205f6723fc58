package io.jredis.domain.value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Redis's intset: sorted distinct integers in one byte array, each 2, 4 or 8 bytes wide, as
 * wide as the widest member needs (the width only grows, as in Redis).
 */
final class IntSet {

    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int width;
    private int size;

    IntSet() {
        width = 2;
        data = new byte[4 * width];
    }

    private IntSet(IntSet o) {
        width = o.width;
        size = o.size;
        data = Arrays.copyOf(o.data, Math.max(size * width, width));
    }

    IntSet copy() {
        return new IntSet(this);
    }

    /** Bytes of the members at the current width. */
    long bytes() {
        return (long) size * width;
    }

    int size() {
        return size;
    }

    /**
     * Redis's intset layout of these members: encoding (the width in bytes) and length as 32-bit
     * little-endian, then the members sorted, little-endian at that width (as they are held here).
     */
    byte[] layout() {
        byte[] out = new byte[8 + size * width];
        INTS.set(out, 0, width);
        INTS.set(out, 4, size);
        System.arraycopy(data, 0, out, 8, size * width);
        return out;
    }

    long get(int i) {
        return switch (width) {
            case 2 -> (short) SHORTS.get(data, i * 2);
            case 4 -> (int) INTS.get(data, i * 4);
            default -> (long) LONGS.get(data, i * 8);
        };
    }

    private void set(int i, long v) {
        switch (width) {
            case 2 -> SHORTS.set(data, i * 2, (short) v);
            case 4 -> INTS.set(data, i * 4, (int) v);
            default -> LONGS.set(data, i * 8, v);
        }
    }

    /** The index of v, or -(insertion point) - 1. */
    int search(long v) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = get(mid);
            if (m < v) {
                lo = mid + 1;
            } else if (m > v) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Adds v; false when it was there. */
    boolean add(long v) {
        int need = v == (short) v ? 2 : v == (int) v ? 4 : 8;
        if (need > width) {
            widen(need);
        }
        int at = search(v);
        if (at >= 0) {
            return false;
        }
        at = -at - 1;
        if ((size + 1) * width > data.length) {
            data = Arrays.copyOf(data, Math.max((size + 1) * width, (size + (size >> 1)) * width));
        }
        System.arraycopy(data, at * width, data, (at + 1) * width, (size - at) * width);
        size++;
        set(at, v);
        return true;
    }

    void removeAt(int i) {
        System.arraycopy(data, (i + 1) * width, data, i * width, (size - i - 1) * width);
        size--;
    }

    private void widen(int to) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = get(i);
        }
        width = to;
        data = new byte[Math.max(size + 1, 4) * to];
        for (int i = 0; i < size; i++) {
            set(i, values[i]);
        }
    }
}
