package io.jredis.domain.value;

/**
 * Bit-level reads and writes on string bytes, in Redis's bit order: bit 0 is the most significant
 * bit of the first byte; multi-bit fields are big-endian and may straddle bytes.
 */
public final class Bitmaps {

    private Bitmaps() {
    }

    /** Set bits in {@code a[off, off+len)}. */
    public static long popcount(byte[] a, int off, int len) {
        long count = 0;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            long w = (a[i] & 0xffL) | (a[i + 1] & 0xffL) << 8 | (a[i + 2] & 0xffL) << 16 | (a[i + 3] & 0xffL) << 24
                    | (a[i + 4] & 0xffL) << 32 | (a[i + 5] & 0xffL) << 40 | (a[i + 6] & 0xffL) << 48
                    | (a[i + 7] & 0xffL) << 56;
            count += Long.bitCount(w);
        }
        for (; i < end; i++) {
            count += Integer.bitCount(a[i] & 0xff);
        }
        return count;
    }

    /**
     * Redis's redisBitpos: the position (from {@code off}) of the first bit equal to {@code bit}
     * in {@code len} bytes. Not found: -1 when looking for 1; {@code len*8} when looking for 0
     * (the string is read as zero-padded on the right).
     */
    public static long bitpos(byte[] a, int off, int len, int bit) {
        int skip = bit == 1 ? 0 : 0xff;
        for (int i = 0; i < len; i++) {
            int b = a[off + i] & 0xff;
            if (b != skip) {
                int x = bit == 1 ? b : ~b & 0xff;
                return (long) i * 8 + Integer.numberOfLeadingZeros(x) - 24;
            }
        }
        return bit == 1 ? -1 : (long) len * 8;
    }

    /** The bit at {@code offset} (0 past the end). */
    public static int get(byte[] a, int len, long offset) {
        long at = offset >> 3;
        if (at >= len) {
            return 0;
        }
        return (a[(int) at] >> (7 - (int) (offset & 7))) & 1;
    }

    /** Sets or clears the bit at {@code offset}, which must be inside the array. */
    public static void set(byte[] a, long offset, int value) {
        int at = (int) (offset >> 3);
        int mask = 1 << (7 - (int) (offset & 7));
        a[at] = (byte) (value != 0 ? a[at] | mask : a[at] & ~mask);
    }

    /** A {@code bits}-wide unsigned field at bit {@code offset}; bits past {@code len} read as 0. */
    public static long getUnsigned(byte[] a, int len, long offset, int bits) {
        long value = 0;
        for (int j = 0; j < bits; j++, offset++) {
            value = value << 1 | get(a, len, offset);
        }
        return value;
    }

    /** The same field read as two's complement (sign-extended below 64 bits). */
    public static long getSigned(byte[] a, int len, long offset, int bits) {
        long value = getUnsigned(a, len, offset, bits);
        if (bits < 64 && (value & 1L << (bits - 1)) != 0) {
            value |= -1L << bits;
        }
        return value;
    }

    /** Writes the low {@code bits} bits of value at bit {@code offset}, which must be inside the array. */
    public static void setField(byte[] a, long offset, int bits, long value) {
        for (int j = 0; j < bits; j++, offset++) {
            set(a, offset, (int) (value >>> (bits - 1 - j)) & 1);
        }
    }
}
