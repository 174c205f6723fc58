package io.jredis.bootstrap.e2e;

import io.lettuce.core.KeyValue;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ValueScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hashes and sets through Jedis (RESP2) and Lettuce (RESP3: maps and sets), against jredis and
 * real Redis alike, so a failure on jredis alone is jredis's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HashesAndSetsIT {

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private int port(String server) {
        return servers.port(server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisHashes(String server) {
        try (Jedis j = new Jedis("127.0.0.1", port(server))) {
            j.del("jh", "jbig");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("a", "1");
            fields.put("b", "2");
            assertEquals(2, j.hset("jh", fields));
            assertEquals(0, j.hset("jh", "a", "10"));
            assertEquals("10", j.hget("jh", "a"));
            assertEquals(Map.of("a", "10", "b", "2"), j.hgetAll("jh"));
            assertEquals(java.util.Arrays.asList("10", null), j.hmget("jh", "a", "zz"));
            assertEquals(15, j.hincrBy("jh", "a", 5));
            assertEquals(2.5, j.hincrByFloat("jh", "c", 2.5));
            assertEquals(3, j.hlen("jh"));
            assertTrue(j.hexists("jh", "c"));
            assertEquals(1, j.hdel("jh", "c", "zz"));
            assertEquals(Set.of("a", "b"), j.hkeys("jh"));
            assertEquals("listpack", j.objectEncoding("jh"));
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.hincrBy("jh", "a", Long.MAX_VALUE));
            assertEquals("ERR increment or decrement would overflow", e.getMessage());

            Map<String, String> expected = new HashMap<>();
            for (int i = 0; i < 700; i++) {
                expected.put("f" + i, "v" + i);
            }
            j.hset("jbig", expected);
            assertEquals("hashtable", j.objectEncoding("jbig"));
            Map<String, String> scanned = new HashMap<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<Map.Entry<String, String>> page = j.hscan("jbig", cursor, new ScanParams().count(50));
                page.getResult().forEach(en -> scanned.put(en.getKey(), en.getValue()));
                cursor = page.getCursor();
            } while (!cursor.equals("0"));
            assertEquals(expected, scanned);
            List<String> picks = j.hrandfield("jbig", -30);
            assertEquals(30, picks.size());
            picks.forEach(f -> assertTrue(expected.containsKey(f), f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisSets(String server) {
        try (Jedis j = new Jedis("127.0.0.1", port(server))) {
            j.del("js1", "js2", "jsd", "jbigset");
            assertEquals(3, j.sadd("js1", "1", "2", "3"));
            assertEquals("intset", j.objectEncoding("js1"));
            assertEquals(2, j.sadd("js2", "3", "x"));
            assertEquals("hashtable", j.objectEncoding("js2"));
            assertEquals(Set.of("1", "2", "3"), j.smembers("js1"));
            assertEquals(Set.of("3"), j.sinter("js1", "js2"));
            assertEquals(Set.of("1", "2", "3", "x"), j.sunion("js1", "js2"));
            assertEquals(Set.of("1", "2"), j.sdiff("js1", "js2"));
            assertEquals(2, j.sdiffstore("jsd", "js1", "js2"));
            assertEquals(1, j.sintercard("js1", "js2"));
            assertEquals(List.of(true, false), j.smismember("js1", "1", "9"));
            assertEquals(1, j.smove("js1", "js2", "1"));
            assertEquals(3, j.scard("js2"));
            String popped = j.spop("js1");
            assertTrue(popped.equals("2") || popped.equals("3"), popped);
            assertEquals(1, j.srem("js1", "2", "3"));
            assertEquals(false, j.exists("js1"));
            for (int i = 0; i < 1000; i++) {
                j.sadd("jbigset", "m" + i);
            }
            Set<String> seen = new HashSet<>();
            String cursor = "0";
            do {
                ScanResult<String> page = j.sscan("jbigset", cursor, new ScanParams().match("m1*").count(100));
                seen.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals("0"));
            assertEquals(111, seen.size());
            assertEquals(20, new HashSet<>(j.srandmember("jbigset", 20)).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void lettuceSeesResp3MapsAndSets(String server) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port(server))
                .withTimeout(Duration.ofSeconds(20)).build());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> sync = c.sync();
            sync.del("lh", "ls", "ls2", "lbig");
            assertEquals(2L, sync.hset("lh", Map.of("a", "1", "b", "2")));
            assertEquals(Map.of("a", "1", "b", "2"), sync.hgetall("lh"));
            assertEquals("3.5", sync.hincrbyfloat("lh", "a", 2.5).toString());
            assertNull(sync.hget("lh", "zz"));
            List<KeyValue<String, String>> pairs = sync.hrandfieldWithvalues("lh", 5);
            assertEquals(2, pairs.size());
            pairs.forEach(kv -> assertTrue(kv.getKey().equals("a") ? kv.getValue().equals("3.5")
                    : kv.getValue().equals("2"), kv.toString()));
            assertEquals(4, sync.hrandfieldWithvalues("lh", -4).size());
            MapScanCursor<String, String> hs = sync.hscan("lh");
            assertTrue(hs.isFinished());
            assertEquals(Map.of("a", "3.5", "b", "2"), hs.getMap());

            assertEquals(4L, sync.sadd("ls", "a", "b", "c", "d"));
            assertEquals(Set.of("a", "b", "c", "d"), sync.smembers("ls"));
            sync.sadd("ls2", "c", "d", "e");
            assertEquals(Set.of("c", "d"), sync.sinter("ls", "ls2"));
            assertEquals(1L, sync.sintercard(1, "ls", "ls2"));
            Set<String> popped = sync.spop("ls", 2);
            assertEquals(2, popped.size());
            assertEquals(2L, sync.scard("ls"));
            assertEquals(Set.of(), sync.spop("nope:set", 2));
            for (int i = 0; i < 600; i++) {
                sync.sadd("lbig", Integer.toString(i));
            }
            assertEquals("hashtable", sync.objectEncoding("lbig"));
            Set<String> seen = new HashSet<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                ValueScanCursor<String> page = sync.sscan("lbig", cursor, ScanArgs.Builder.limit(40));
                seen.addAll(page.getValues());
                cursor = page;
            } while (!cursor.isFinished());
            assertEquals(600, seen.size());
        } finally {
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }
}
