package io.jredis.bootstrap.e2e;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZPopArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.SortedSetOption;
import redis.clients.jedis.resps.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP end to end with Jedis (RESP2) and Lettuce (RESP3), each test
 * against jredis and real Redis: waiters served first come first served, timeouts, a key that
 * turns into another type while clients wait, and the exact RESP3 bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockingZSetsIT {

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
    void twoHundredWaitersAreServedInArrivalOrder(String server) throws Exception {
        int n = 200;
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        List<StatefulRedisConnection<String, String>> conns = new ArrayList<>();
        try (Jedis admin = new Jedis("127.0.0.1", port(server))) {
            admin.del("zfifo");
            List<RedisFuture<KeyValue<String, ScoredValue<String>>>> pops = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StatefulRedisConnection<String, String> c = client.connect();
                conns.add(c);
                pops.add(i % 2 == 0 ? c.async().bzpopmin(0L, "zfifo") : c.async().bzmpop(0L, ZPopArgs.Builder.min(), "zfifo"));
                SideBySide.awaitBlocked(admin, i + 1);
            }
            Map<String, Double> members = new HashMap<>();
            for (int i = 0; i < n; i++) {
                members.put("m" + i, (double) i);
            }
            assertEquals(n, admin.zadd("zfifo", members));
            for (int i = 0; i < n; i++) {
                KeyValue<String, ScoredValue<String>> kv = pops.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("zfifo", kv.getKey());
                assertEquals("m" + i, kv.getValue().getValue(), "waiter " + i);
                assertEquals(i, kv.getValue().getScore(), 0.0);
            }
            assertFalse(admin.exists("zfifo"));
            SideBySide.awaitBlocked(admin, 0);
        } finally {
            for (StatefulRedisConnection<String, String> c : conns) {
                c.close();
            }
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void bzmpopWithACountIsServedFromTheKeyThatBecameReady(String server) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             StatefulRedisConnection<String, String> c = client.connect()) {
            admin.del("zm:a", "zm:b");
            RedisFuture<KeyValue<String, List<ScoredValue<String>>>> pop =
                    c.async().bzmpop(0L, 2L, ZPopArgs.Builder.max(), "zm:a", "zm:b");
            SideBySide.awaitBlocked(admin, 1);
            admin.zadd("zm:b", Map.of("x", 1.0, "y", 2.0, "z", 3.0));
            KeyValue<String, List<ScoredValue<String>>> kv = pop.get(10, TimeUnit.SECONDS);
            assertEquals("zm:b", kv.getKey());
            assertEquals(List.of(ScoredValue.just(3.0, "z"), ScoredValue.just(2.0, "y")), kv.getValue());
            assertEquals(List.of("x"), admin.zrange("zm:b", 0, -1));
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisRepliesAndTimeouts(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            jedis.del("zt:none", "zt:z");
            long start = System.nanoTime();
            assertNull(jedis.bzpopmin(0.2, "zt:none"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 195 && ms < 2000, "took " + ms + " ms");
            assertNull(jedis.bzmpop(0.05, SortedSetOption.MAX, "zt:none"));
            jedis.zadd("zt:z", Map.of("a", 1.5, "b", 2.0, "c", 3.0));
            var max = jedis.bzpopmax(0, "zt:none", "zt:z");
            assertEquals("zt:z", max.getKey());
            assertEquals(new Tuple("c", 3.0), max.getValue());
            var m = jedis.bzmpop(0, SortedSetOption.MIN, 5, "zt:z");
            assertEquals(List.of(new Tuple("a", 1.5), new Tuple("b", 2.0)), m.getValue());
            assertEquals("PONG", jedis.ping());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void aKeyTurningIntoAnotherTypeLeavesTheWaiterWaiting(String server) throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             RespConnection raw = new RespConnection(new java.net.Socket("127.0.0.1", port(server)))) {
            admin.del("zk");
            raw.write("BZPOPMIN zk 0\r\nPING\r\n");
            SideBySide.awaitBlocked(admin, 1);
            admin.set("zk", "str");
            admin.del("zk");
            admin.rpush("zk", "v");
            assertEquals(List.of("v"), admin.lrange("zk", 0, -1));
            SideBySide.awaitBlocked(admin, 1);
            admin.del("zk");
            admin.zadd("zk", 7, "m");
            assertEquals("*3\r\n$2\r\nzk\r\n$1\r\nm\r\n$1\r\n7\r\n", raw.readReplyText());
            assertEquals("+PONG\r\n", raw.readReplyText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void resp3BytesOfAServedWaiterAndOfATimeout(String server) throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             RespConnection raw = new RespConnection(new java.net.Socket("127.0.0.1", port(server)))) {
            admin.del("z3");
            raw.call("HELLO", "3");
            raw.write("BZMPOP 0.01 1 z3 MIN\r\nBZPOPMAX z3 0\r\n");
            assertEquals("_\r\n", raw.readReplyText());
            SideBySide.awaitBlocked(admin, 1);
            admin.zadd("z3", 2.5, "m");
            assertEquals("*3\r\n$2\r\nz3\r\n$1\r\nm\r\n,2.5\r\n", raw.readReplyText());
        }
    }
}
