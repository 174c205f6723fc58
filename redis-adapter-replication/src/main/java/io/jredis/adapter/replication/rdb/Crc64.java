package io.jredis.adapter.replication.rdb;

/**
 * CRC-64/Jones as Redis computes it for RDB files and DUMP payloads: polynomial
 * 0xad93d23594c935a9, reflected input and output, initial value 0, no final xor
 * (check value of "123456789": 0xe9c6d914c4b8d9ca).
 */
public final class Crc64 {

    /** The reflected form of the Jones polynomial. */
    private static final long POLY_REFLECTED = 0x95ac9329ac4bc9b5L;
    private static final long[] TABLE = new long[256];

    static {
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc64() {
    }

    public static long update(long crc, byte[] b, int off, int len) {
        long c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
        }
        return c;
    }

    public static long update(long crc, int b) {
        return TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }
}
