package io.jredis.domain.value;

/** Sizes of listpack elements as Redis encodes them (integers compactly, strings length-prefixed). */
final class Listpack {

    /** Total-bytes and element-count header plus the end byte. */
    static final int HEADER_AND_END = 7;

    private Listpack() {
    }

    /** Bytes of an integer element with its back-length. */
    static int intSize(long v) {
        int enc;
        if (v >= 0 && v <= 127) {
            enc = 1;
        } else if (v >= -4096 && v <= 4095) {
            enc = 2;
        } else if (v >= -32768 && v <= 32767) {
            enc = 3;
        } else if (v >= -8388608 && v <= 8388607) {
            enc = 4;
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            enc = 5;
        } else {
            enc = 9;
        }
        return enc + backlenSize(enc);
    }

    /** Bytes of a string element with its back-length: as an integer when it reads as one. */
    static int stringSize(byte[] b, int off, int len) {
        long[] v = new long[1];
        if (toLong(b, off, len, v)) {
            return intSize(v[0]);
        }
        int enc = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
        return enc + backlenSize(enc);
    }

    static int backlenSize(int l) {
        return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
    }

    /** Redis's string2ll: no sign but '-', no leading zeros, no spaces, within a long. */
    static boolean toLong(byte[] b, int off, int len, long[] out) {
        if (len == 0 || len > 20) {
            return false;
        }
        int p = off;
        int end = off + len;
        if (len == 1 && b[p] == '0') {
            out[0] = 0;
            return true;
        }
        boolean negative = false;
        if (b[p] == '-') {
            negative = true;
            p++;
            if (p == end) {
                return false;
            }
        }
        if (b[p] < '1' || b[p] > '9') {
            return false;
        }
        long v = 0; // accumulated as a negative number to reach Long.MIN_VALUE
        for (; p < end; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return false;
            }
            v = -v;
        }
        out[0] = v;
        return true;
    }
}
