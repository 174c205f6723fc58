package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * maxmemory through a real client, against jredis and real Redis alike: the same fill meets the
 * same OOM error, the eviction policies keep used_memory near the limit, and INFO reports the
 * same fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaxmemoryIT {

    private static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    private static final String VALUE = "x".repeat(1000);

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private static long info(Jedis j, String section, String field) {
        for (String line : j.info(section).split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1));
            }
        }
        throw new AssertionError(field + " missing from INFO " + section);
    }

    /** Empties the server and sets a limit of what it uses now plus {@code room}. */
    private static long reset(Jedis j, String policy, long room) {
        j.configSet("maxmemory", "0");
        j.flushAll();
        j.configSet("maxmemory-policy", policy);
        j.configResetStat();
        long limit = info(j, "memory", "used_memory") + room;
        j.configSet("maxmemory", Long.toString(limit));
        return limit;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void noevictionRefusesWritesWithRedisError(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            reset(j, "noeviction", 300_000);
            int written = 0;
            JedisDataException oom = null;
            for (; written < 2000 && oom == null; written++) {
                try {
                    j.set("k" + written, VALUE);
                } catch (JedisDataException e) {
                    oom = e;
                }
            }
            assertNotNull(oom, "300 KB must fill up before 2000 KB were written");
            assertEquals(OOM, oom.getMessage());
            assertTrue(written > 100, "about 300 values fit, " + written + " were written");
            assertEquals(VALUE, j.get("k0"), "reads are served");
            assertEquals(1, j.del("k0"), "DEL is allowed");
            assertEquals(0, info(j, "stats", "evicted_keys"));
            // fill again, then a transaction: the queued write is refused and EXEC aborts
            for (int i = 0; i < 10; i++) {
                try {
                    j.set("again" + i, VALUE);
                } catch (JedisDataException e) {
                    break;
                }
            }
            Transaction tx = j.multi();
            tx.set("t", "v");
            JedisDataException aborted = assertThrows(JedisDataException.class, tx::exec);
            assertEquals("EXECABORT Transaction discarded because of previous errors.", aborted.getMessage());
            j.configSet("maxmemory", "0");
            assertEquals("OK", j.set("k0", "v"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void allkeysLruKeepsUsedMemoryNearTheLimit(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            long limit = reset(j, "allkeys-lru", 500_000);
            for (int i = 0; i < 3000; i++) {
                j.set("k" + i, VALUE);
            }
            long used = info(j, "memory", "used_memory");
            long evicted = info(j, "stats", "evicted_keys");
            long keys = j.dbSize();
            assertTrue(used <= limit * 1.02, "used_memory " + used + " stays near maxmemory " + limit);
            assertTrue(evicted > 2000 && keys > 100 && keys + evicted == 3000,
                    keys + " keys left, " + evicted + " evicted");
            // Not asserted: that the newest key stays. Redis's LRU clock ticks once a second, so keys
            // written in the same second look equally old and any of them may go (seen on redis-server).
            String memory = j.info("memory");
            for (String field : List.of("used_memory", "used_memory_peak", "used_memory_dataset",
                    "used_memory_startup", "maxmemory", "maxmemory_policy", "used_memory_rss")) {
                assertTrue(memory.contains("\r\n" + field + ":"), field + " in INFO memory");
            }
            assertTrue(memory.contains("maxmemory_policy:allkeys-lru\r\n"));
            j.configSet("maxmemory", "0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void volatileTtlEvictsOnlyKeysWithATimeToLive(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            reset(j, "volatile-ttl", 400_000);
            for (int i = 0; i < 100; i++) {
                j.set("p" + i, VALUE);
            }
            JedisDataException oom = null;
            int i = 0;
            for (; i < 3000 && oom == null; i++) {
                try {
                    j.setex("t" + i, 100_000 + i, VALUE);
                } catch (JedisDataException e) {
                    oom = e;
                }
            }
            assertTrue(info(j, "stats", "evicted_keys") > 0);
            for (int p = 0; p < 100; p++) {
                assertEquals(VALUE, j.get("p" + p), "keys without a time to live are never evicted");
            }
            // writes without a TTL replace the volatile keys until none is left, then OOM
            for (int k = 0; oom == null && k < 3000; k++) {
                try {
                    j.set("q" + k, VALUE);
                } catch (JedisDataException e) {
                    oom = e;
                }
            }
            assertNotNull(oom);
            assertEquals(OOM, oom.getMessage());
            assertEquals(0, j.keys("t*").size(), "every volatile key went before the refusal");
            j.configSet("maxmemory", "0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void loweringMaxmemoryEvictsAtOnceAndMemoryUsageAnswers(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            reset(j, "allkeys-random", 10_000_000);
            for (int i = 0; i < 500; i++) {
                j.set("k" + i, VALUE);
            }
            assertEquals(1072L, j.memoryUsage("k0"), "a 1000-byte raw string, as Redis counts it");
            long used = info(j, "memory", "used_memory");
            long limit = used - 200_000;
            j.configSet("maxmemory", Long.toString(limit));
            // Eviction is time-boxed (maxmemory-eviction-tenacity): on a busy machine the cron
            // finishes what CONFIG SET began, in both servers; no command here adds data.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (info(j, "memory", "used_memory") > limit && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            long evicted = info(j, "stats", "evicted_keys");
            assertTrue(evicted >= 150 && evicted < 300, evicted + " evicted by CONFIG SET and the cron");
            j.configSet("maxmemory", "0");
        }
    }
}
