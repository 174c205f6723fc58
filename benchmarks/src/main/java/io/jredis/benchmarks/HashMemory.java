package io.jredis.benchmarks;

import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.KeyspaceListener;
import io.jredis.domain.value.HashValue;

import java.nio.charset.StandardCharsets;

/**
 * Heap bytes per small hash, key and keyspace entry included, next to Redis's MEMORY USAGE and
 * used_memory/RSS growth for the same 1,000,000 keys. Method: fill one {@link Database} as HSET
 * does (the key copied to its exact size, a {@link HashValue} per key), then divide the growth
 * of the used heap, measured after full GCs, by the number of keys; the same again holding the
 * hashes alone in an array (the value part). Run with
 * {@code java -Xmx3g -cp benchmarks/target/classes:redis-domain/target/classes io.jredis.benchmarks.HashMemory}.
 */
public final class HashMemory {

    private static final int KEYS = 1_000_000;

    private HashMemory() {
    }

    public static void main(String[] args) {
        measure("2 fields (field1, field2 -> \"abc\"), key hash:%07d", n -> {
            HashValue h = new HashValue();
            h.put(b("field1"), b("abc"));
            h.put(b("field2"), b("abc"));
            return h;
        }, "hash:%07d");
        measure("redis-benchmark HSET shape (element:%012d -> \"xxx\"), key myhash:%012d", n -> {
            HashValue h = new HashValue();
            h.put(b(String.format("element:%012d", n)), b("xxx"));
            return h;
        }, "myhash:%012d");
    }

    private interface Maker {
        HashValue make(int n);
    }

    private static void measure(String what, Maker make, String keyFormat) {
        long before = used();
        Database db = new Database(0, KeyspaceListener.NONE);
        for (int i = 0; i < KEYS; i++) {
            db.put(b(String.format(keyFormat, i)), make.make(i), Database.NO_EXPIRY, 0);
        }
        long after = used();
        System.out.printf("%-75s %6.1f bytes/key with key and keyspace entry (%d keys)%n", what,
                (double) (after - before) / KEYS, db.size());
        db = null;
        before = used();
        HashValue[] hold = new HashValue[KEYS];
        for (int i = 0; i < KEYS; i++) {
            hold[i] = make.make(i);
        }
        after = used();
        System.out.printf("%-75s %6.1f bytes/hash, value alone (%d hashes, %s)%n", what,
                (double) (after - before) / KEYS - 4, hold.length, hold[0].encoding());
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
