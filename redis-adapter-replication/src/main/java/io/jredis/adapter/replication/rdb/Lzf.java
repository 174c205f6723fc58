package io.jredis.adapter.replication.rdb;

/**
 * LZF, the compression Redis uses for long strings in RDB files and DUMP payloads. The format: a
 * control byte below 32 starts a literal run of control+1 bytes; otherwise its top three bits
 * are the match length minus 2 (7 = an extra length byte follows) and its low five bits with
 * the next byte are the distance back minus 1.
 *
 * <p>The compressor makes the same choices as the liblzf 3.6 Redis 7.0 is built with (a 2^16
 * slot hash of three bytes, the VERY_FAST variant that rehashes the last two positions of a
 * match, a table that starts empty so that offset 0 is never referenced), so that DUMP payloads
 * and RDB strings come out byte for byte as Redis's.
 */
public final class Lzf {

    private static final int HASH_LOG = 16;
    private static final int HASH_SIZE = 1 << HASH_LOG;
    private static final int MAX_LITERAL = 1 << 5;
    private static final int MAX_OFFSET = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    /**
     * Per-thread hash table and the generation each slot was written in: a slot from an older
     * call reads as empty, so no call clears or allocates 256 KiB.
     */
    private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(Table::new);

    private static final class Table {
        final int[] positions = new int[HASH_SIZE];
        final int[] stamps = new int[HASH_SIZE];
        int generation;

        int swap(int slot, int position) {
            int old = stamps[slot] == generation ? positions[slot] : 0;
            positions[slot] = position;
            stamps[slot] = generation;
            return old;
        }

        void set(int slot, int position) {
            positions[slot] = position;
            stamps[slot] = generation;
        }

        void next() {
            if (++generation == 0) { // wrapped: forget everything for real
                java.util.Arrays.fill(stamps, 0);
                generation = 1;
            }
        }
    }

    private Lzf() {
    }

    private static int index(int h) {
        return ((h >>> (3 * 8 - HASH_LOG)) - h * 5) & (HASH_SIZE - 1);
    }

    /**
     * Compresses {@code in[0..len)} into {@code out}; returns the compressed length, or 0 when
     * the result would not fit in {@code out} (the caller then stores the string uncompressed).
     */
    public static int compress(byte[] in, int len, byte[] out) {
        int outEnd = out.length;
        if (len == 0 || outEnd == 0) {
            return 0;
        }
        Table table = TABLES.get();
        table.next();
        int ip = 0;
        int op = 1; // room for the first literal run's control byte
        int lit = 0;
        int hval = len > 1 ? (in[0] & 0xff) << 8 | (in[1] & 0xff) : 0;
        while (ip < len - 2) {
            hval = hval << 8 | (in[ip + 2] & 0xff);
            int ref = table.swap(index(hval), ip);
            int off = ip - ref - 1;
            if (ref < ip && off < MAX_OFFSET && ref > 0 && in[ref + 2] == in[ip + 2]
                    && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]) {
                int matched = 2;
                int maxlen = Math.min(len - ip - matched, MAX_REF);
                if (op + 3 + 1 >= outEnd && op - (lit == 0 ? 1 : 0) + 3 + 1 >= outEnd) {
                    return 0;
                }
                out[op - lit - 1] = (byte) (lit - 1); // close the literal run
                op -= lit == 0 ? 1 : 0; // or take back its control byte when empty
                boolean stopped = false;
                if (maxlen > 16) { // liblzf's unrolled first 16 steps, which do not look at maxlen
                    for (int k = 0; k < 16; k++) {
                        matched++;
                        if (in[ref + matched] != in[ip + matched]) {
                            stopped = true;
                            break;
                        }
                    }
                }
                if (!stopped) {
                    do {
                        matched++;
                    } while (matched < maxlen && in[ref + matched] == in[ip + matched]);
                }
                matched -= 2;
                ip++;
                if (matched < 7) {
                    out[op++] = (byte) ((off >>> 8) + (matched << 5));
                } else {
                    out[op++] = (byte) ((off >>> 8) + (7 << 5));
                    out[op++] = (byte) (matched - 7);
                }
                out[op++] = (byte) off;
                lit = 0;
                op++; // a new literal run
                ip += matched + 1;
                if (ip >= len - 2) {
                    break;
                }
                ip -= 2; // VERY_FAST: hash the last two positions of the match
                hval = (in[ip] & 0xff) << 8 | (in[ip + 1] & 0xff);
                hval = hval << 8 | (in[ip + 2] & 0xff);
                table.set(index(hval), ip);
                ip++;
                hval = hval << 8 | (in[ip + 2] & 0xff);
                table.set(index(hval), ip);
                ip++;
            } else {
                if (op >= outEnd) {
                    return 0;
                }
                lit++;
                out[op++] = in[ip++];
                if (lit == MAX_LITERAL) {
                    out[op - lit - 1] = (byte) (lit - 1);
                    lit = 0;
                    op++;
                }
            }
        }
        if (op + 3 > outEnd) {
            return 0;
        }
        while (ip < len) {
            if (op >= outEnd) {
                return 0;
            }
            lit++;
            out[op++] = in[ip++];
            if (lit == MAX_LITERAL) {
                out[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                op++;
            }
        }
        out[op - lit - 1] = (byte) (lit - 1);
        op -= lit == 0 ? 1 : 0;
        return op;
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
