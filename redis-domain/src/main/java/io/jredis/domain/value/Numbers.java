package io.jredis.domain.value;

/** Integer parsing with Redis's exact rules (its string2ll): no sign but '-', no leading zeros, no spaces. */
public final class Numbers {

    private Numbers() {
    }

    /** True when the bytes are the canonical decimal form of a 64-bit integer. */
    public static boolean isCanonicalLong(byte[] b, int off, int len) {
        if (len == 0 || len > 20) {
            return false;
        }
        if (len == 1 && b[off] == '0') {
            return true;
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (b[i] == '-') {
            negative = true;
            if (++i == end) {
                return false;
            }
        }
        if (b[i] < '1' || b[i] > '9') {
            return false;
        }
        long v = 0; // accumulated as a negative number so that Long.MIN_VALUE fits
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (v < Long.MIN_VALUE / 10 || v * 10 < Long.MIN_VALUE + d) {
                return false;
            }
            long next = v * 10 - d;
            v = next;
        }
        return negative || v != Long.MIN_VALUE;
    }

    /**
     * Parses a canonical 64-bit integer; callers check {@link #isCanonicalLong} first (the split
     * keeps the hot path free of exceptions and allocation).
     */
    public static long parseLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        for (; i < end; i++) {
            v = v * 10 - (b[i] - '0');
        }
        return negative ? v : -v;
    }

    /** Number of bytes of the decimal form of v. */
    public static int decimalLength(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int n = v < 0 ? 2 : 1;
        long x = Math.abs(v);
        while (x >= 10) {
            x /= 10;
            n++;
        }
        return n;
    }

    /** The decimal form of v, as bytes. */
    public static byte[] toBytes(long v) {
        byte[] out = new byte[decimalLength(v)];
        writeDecimal(v, out, 0);
        return out;
    }

    /** Writes the decimal form of v at off; returns the offset after it. */
    public static int writeDecimal(long v, byte[] out, int off) {
        int len = decimalLength(v);
        int pos = off + len;
        if (v == Long.MIN_VALUE) {
            byte[] min = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(min, 0, out, off, min.length);
            return off + min.length;
        }
        long x = Math.abs(v);
        do {
            out[--pos] = (byte) ('0' + (x % 10));
            x /= 10;
        } while (x != 0);
        if (v < 0) {
            out[off] = '-';
        }
        return off + len;
    }
}
