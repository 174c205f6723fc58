package io.jredis.domain.keyspace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The keyspace's hash of binary keys: eight bytes per step, a per-process random seed (so keys
 * chosen by a client cannot be made to collide on purpose across servers), and a final mix.
 */
final class Hashing {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = new java.util.SplittableRandom().nextLong() | 1L;
    private static final long M = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    static int hash(byte[] buf, int off, int len) {
        long h = SEED ^ (len * M);
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long k = (long) LONGS.get(buf, i);
            h = Long.rotateLeft(h ^ (k * M), 29) * 0xBF58476D1CE4E5B9L;
            i += 8;
        }
        if (i < end) {
            long k = 0;
            int shift = 0;
            while (i < end) {
                k |= (buf[i++] & 0xFFL) << shift;
                shift += 8;
            }
            h = Long.rotateLeft(h ^ (k * M), 29) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return (int) h ^ (int) (h >>> 32);
    }
}
