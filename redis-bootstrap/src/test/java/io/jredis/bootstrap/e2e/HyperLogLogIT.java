package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HyperLogLogs and bitmaps are plain strings whose bytes must be Redis's: the same PFADDs give
 * the same bytes in jredis and redis-server 7.0.15, an RDB saved by jredis loads into Redis with
 * equal values and counts, and a real Redis replica of jredis ends with the same values.
 */
class HyperLogLogIT {

    private static final String[] QUICK = {"--repl-diskless-sync-delay", "0", "--repl-ping-replica-period", "3600"};

    @TempDir
    Path dir;

    /** Sparse, near the sparse limit, promoted, dense, merged, cached — and bitmaps. */
    private static void fill(RespConnection c) throws IOException {
        c.call("PFADD", "small", "a", "b", "c");
        pfadd(c, "medium", 0, 600);
        pfadd(c, "promoted", 0, 2500);
        pfadd(c, "dense", 0, 30_000);
        c.call("PFADD", "empty");
        c.call("PFMERGE", "merged", "small", "medium");
        c.call("PFMERGE", "mergedDense", "medium", "dense");
        c.call("PFCOUNT", "medium");
        c.call("PFDEBUG", "TODENSE", "small");
        c.call("SETBIT", "bits", "1000", "1");
        c.call("BITFIELD", "fields", "SET", "i17", "#3", "-12345", "INCRBY", "u9", "3", "700");
        c.call("SET", "src", "foobar");
        c.call("BITOP", "NOT", "notted", "src");
    }

    private static void pfadd(RespConnection c, String key, int from, int to) throws IOException {
        for (int i = from; i < to; i += 1000) {
            List<String> a = new ArrayList<>(List.of("PFADD", key));
            for (int j = i; j < Math.min(to, i + 1000); j++) {
                a.add("e" + j);
            }
            c.call(a.toArray(String[]::new));
        }
    }

    private static final List<String> KEYS = List.of("small", "medium", "promoted", "dense", "empty", "merged",
            "mergedDense", "bits", "fields", "notted");

    /** key → raw GET reply (the value's bytes). */
    private static Map<String, String> values(RespConnection c) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : KEYS) {
            m.put(k, c.call("GET", k));
        }
        return m;
    }

    /** key → PFCOUNT and PFDEBUG ENCODING (which turn no HLL dense). */
    private static Map<String, String> counts(RespConnection c) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : KEYS.subList(0, 7)) {
            m.put(k, c.call("PFCOUNT", k) + c.call("PFDEBUG", "ENCODING", k));
        }
        m.put("union", c.call("PFCOUNT", "small", "promoted", "dense"));
        return m;
    }

    @Test
    void sameCommandsGiveRedissBytesAndAnRdbCarriesThem() throws Exception {
        Map<String, String> redisValues;
        Map<String, String> redisCounts;
        try (RealRedisProcess redis = RealRedisProcess.start();
             RespConnection c = RespConnection.to(redis)) {
            fill(c);
            redisValues = values(c);
            redisCounts = counts(c);
        }
        assertTrue(redisValues.get("dense").startsWith("$12304\r\nHYLL\u0000"), "Redis made it dense");
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString());
             RespConnection c = RespConnection.to(jredis)) {
            fill(c);
            assertEquals(redisValues, values(c));
            assertEquals(redisCounts, counts(c));
            // the counts cached the cardinalities: still Redis's bytes
            Map<String, String> cached = values(c);
            assertEquals("+OK\r\n", c.call("SAVE"));
            try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString());
                 RespConnection r = RespConnection.to(redis)) {
                assertEquals(cached, values(r));
                assertEquals(redisCounts, counts(r));
                assertEquals(":1\r\n", r.call("PFADD", "promoted", "one more"));
                assertEquals(":1\r\n", c.call("PFADD", "promoted", "one more"));
                assertEquals(r.call("GET", "promoted"), c.call("GET", "promoted"));
            }
        }
    }

    @Test
    void realReplicaOfJredisHoldsTheSameValues() throws Exception {
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            m.call("PFADD", "before", "x", "y");
            try (RealRedisProcess replica = RealRedisProcess.start(
                    "--replicaof", "127.0.0.1", Integer.toString(master.port()));
                 RespConnection r = RespConnection.to(replica)) {
                ReplicationMasterIT.awaitLinkUp(replica);
                fill(m);
                // a refreshed cache reaches the replica as PFCOUNT: its copy caches the same count
                m.call("PFCOUNT", "dense");
                m.call("PFADD", "before", "z");
                assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                assertEquals(values(m), values(r));
                assertEquals(m.call("GET", "before"), r.call("GET", "before"));
                ReplicationMasterIT.assertSameDataset(master, replica);
            }
        }
    }
}
