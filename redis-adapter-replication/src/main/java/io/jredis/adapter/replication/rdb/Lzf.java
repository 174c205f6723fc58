package io.jredis.adapter.replication.rdb;

/**
 * LZF, the compression Redis uses for long strings in RDB files. The format: a control byte
 * below 32 starts a literal run of control+1 bytes; otherwise its top three bits are the match
 * length minus 2 (7 = an extra length byte follows) and its low five bits with the next byte are
 * the distance back minus 1. Our compressor need not match Redis's byte for byte, only its
 * format: any LZF decoder (Redis's included) must read what it writes.
 */
public final class Lzf {

    private static final int HASH_LOG = 14;
    private static final int MAX_LITERAL = 32;
    private static final int MAX_OFFSET = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    private Lzf() {
    }

    /**
     * Compresses {@code in[0..len)} into {@code out}; returns the compressed length, or 0 when
     * the result would not fit in {@code out} (the caller then stores the string uncompressed).
     */
    public static int compress(byte[] in, int len, byte[] out) {
        int[] table = new int[1 << HASH_LOG];
        java.util.Arrays.fill(table, -1);
        int ip = 0;
        int op = 0;
        int litStart = 0;
        int outEnd = out.length;
        while (ip + 2 < len) {
            int h = hash(in, ip);
            int ref = table[h];
            table[h] = ip;
            int off = ip - ref - 1;
            if (ref >= 0 && off < MAX_OFFSET && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]
                    && in[ref + 2] == in[ip + 2]) {
                int maxLen = Math.min(MAX_REF, len - ip);
                int matchLen = 3;
                while (matchLen < maxLen && in[ref + matchLen] == in[ip + matchLen]) {
                    matchLen++;
                }
                op = flushLiterals(in, litStart, ip, out, op, outEnd);
                if (op < 0 || op + 3 > outEnd) {
                    return 0;
                }
                int l = matchLen - 2;
                if (l < 7) {
                    out[op++] = (byte) ((l << 5) | (off >>> 8));
                } else {
                    out[op++] = (byte) ((7 << 5) | (off >>> 8));
                    out[op++] = (byte) (l - 7);
                }
                out[op++] = (byte) off;
                int end = ip + matchLen;
                ip++;
                while (ip < end) {
                    if (ip + 2 < len) {
                        table[hash(in, ip)] = ip;
                    }
                    ip++;
                }
                litStart = ip;
            } else {
                ip++;
            }
        }
        op = flushLiterals(in, litStart, len, out, op, outEnd);
        return op < 0 ? 0 : op;
    }

    private static int flushLiterals(byte[] in, int from, int to, byte[] out, int op, int outEnd) {
        int p = from;
        while (p < to) {
            int run = Math.min(MAX_LITERAL, to - p);
            if (op + 1 + run > outEnd) {
                return -1;
            }
            out[op++] = (byte) (run - 1);
            System.arraycopy(in, p, out, op, run);
            op += run;
            p += run;
        }
        return op;
    }

    private static int hash(byte[] in, int p) {
        int v = ((in[p] & 0xff) << 16) | ((in[p + 1] & 0xff) << 8) | (in[p + 2] & 0xff);
        return ((v * 0x9E3779B1) >>> (32 - HASH_LOG));
    }

    /**
     * Decompresses into exactly {@code outLen} bytes.
     *
     * @throws IllegalArgumentException when the input is not valid LZF for that length
     */
    public static byte[] decompress(byte[] in, int inLen, int outLen) {
        byte[] out = new byte[outLen];
        int ip = 0;
        int op = 0;
        while (ip < inLen) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                int run = ctrl + 1;
                if (op + run > outLen || ip + run > inLen) {
                    throw new IllegalArgumentException("invalid LZF data (literal run overflows)");
                }
                System.arraycopy(in, ip, out, op, run);
                ip += run;
                op += run;
            } else {
                int len = ctrl >>> 5;
                if (len == 7) {
                    if (ip >= inLen) {
                        throw new IllegalArgumentException("invalid LZF data (truncated back reference)");
                    }
                    len += in[ip++] & 0xff;
                }
                if (ip >= inLen) {
                    throw new IllegalArgumentException("invalid LZF data (truncated back reference)");
                }
                int ref = op - ((ctrl & 0x1f) << 8) - 1 - (in[ip++] & 0xff);
                len += 2;
                if (ref < 0 || op + len > outLen) {
                    throw new IllegalArgumentException("invalid LZF data (back reference out of range)");
                }
                for (int i = 0; i < len; i++) {
                    out[op++] = out[ref++];
                }
            }
        }
        if (op != outLen) {
            throw new IllegalArgumentException("invalid LZF data (" + op + " bytes instead of " + outLen + ")");
        }
        return out;
    }
}
