package io.jredis.bootstrap.e2e;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.ZStoreArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sorted sets through Jedis (RESP2) and Lettuce (RESP3: nested score pairs, doubles), against
 * jredis and against real Redis, so a failure on jredis alone is jredis's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZSetClientsIT {

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
    void jedisLeaderboard(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            jedis.del("jz:board", "jz:other", "jz:sum");
            assertEquals(3, jedis.zadd("jz:board", Map.of("ann", 10.5, "bob", 7.0, "cid", 12.25)));
            assertEquals(0, jedis.zadd("jz:board", Map.of("ann", 1.0), ZAddParams.zAddParams().nx()));
            assertEquals(11.6, jedis.zincrby("jz:board", 1.1, "ann"), 1e-12);
            assertEquals(1.1 + 10.5, jedis.zscore("jz:board", "ann"));
            assertNull(jedis.zscore("jz:board", "nobody"));
            assertEquals(List.of("cid", "ann", "bob"), jedis.zrevrange("jz:board", 0, -1));
            List<Tuple> top = jedis.zrangeWithScores("jz:board", -2, -1);
            assertEquals(List.of(new Tuple("ann", 11.6), new Tuple("cid", 12.25)), top);
            assertEquals(0L, jedis.zrank("jz:board", "bob"));
            assertEquals(2, jedis.zcount("jz:board", "(7", "+inf"));
            assertEquals(List.of("bob", "ann"), jedis.zrangeByScore("jz:board", "-inf", "12"));
            jedis.zadd("jz:other", Map.of("bob", 1.0, "dan", 2.0));
            assertEquals(4, jedis.zunionstore("jz:sum", "jz:board", "jz:other"));
            assertEquals(8.0, jedis.zscore("jz:sum", "bob"));
            assertEquals(new Tuple("dan", 2.0), jedis.zpopmin("jz:sum"));
            assertTrue(Set.of("ann", "cid", "bob").contains(jedis.zrandmember("jz:sum")));
            ScanResult<Tuple> scan = jedis.zscan("jz:sum", ScanParams.SCAN_POINTER_START);
            assertEquals("0", scan.getCursor());
            assertEquals(3, scan.getResult().size());
            assertEquals(2, jedis.zrem("jz:board", "ann", "bob", "nobody"));
            assertEquals(1, jedis.zcard("jz:board"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void lettuceOverResp3(String server) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> c = conn.sync();
            c.del("lz:a", "lz:b", "lz:big", "lz:dst");
            assertEquals(3, c.zadd("lz:a", ScoredValue.just(1.0, "x"), ScoredValue.just(2.5, "y"),
                    ScoredValue.just(Double.POSITIVE_INFINITY, "z")));
            assertEquals(List.of(ScoredValue.just(1.0, "x"), ScoredValue.just(2.5, "y"),
                    ScoredValue.just(Double.POSITIVE_INFINITY, "z")), c.zrangeWithScores("lz:a", 0, -1));
            assertEquals(3.5, c.zaddincr("lz:a", 1, "y"));
            assertEquals(0, c.zadd("lz:a", ZAddArgs.Builder.xx(), 5.0, "nobody"));
            assertEquals(List.of("y", "x"), c.zrevrangebyscore("lz:a", Range.create(0, 4), Limit.create(0, 5)));
            assertEquals(List.of("x"), c.zrangebylex("lz:a", Range.create("a", "x"), Limit.unlimited()));
            assertEquals(ScoredValue.just(Double.POSITIVE_INFINITY, "z"), c.zpopmax("lz:a"));
            assertEquals(List.of(ScoredValue.just(1.0, "x")), c.zpopmin("lz:a", 1));
            for (int i = 0; i < 300; i++) {
                c.zadd("lz:big", i * 0.5, "m" + i);
            }
            assertEquals(300, c.zcard("lz:big"));
            assertEquals(Long.valueOf(150), c.zrank("lz:big", "m150"));
            assertEquals(List.of(1.5, 149.5), c.zmscore("lz:big", "m3", "m299"));
            c.zadd("lz:b", 1.0, "m3", 1.0, "m4");
            assertEquals(2, c.zinterstore("lz:dst", ZStoreArgs.Builder.weights(2, 10).max(), "lz:big", "lz:b"));
            assertEquals(List.of(ScoredValue.just(10.0, "m3"), ScoredValue.just(10.0, "m4")),
                    c.zrangeWithScores("lz:dst", 0, -1));
            Set<String> seen = new HashSet<>();
            io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
            do {
                io.lettuce.core.ScoredValueScanCursor<String> page = c.zscan("lz:big", cursor);
                page.getValues().forEach(v -> seen.add(v.getValue()));
                cursor = page;
            } while (!cursor.isFinished());
            assertEquals(300, seen.size());
            assertEquals(100, c.zremrangebyrank("lz:big", 0, 99));
            assertEquals(ScoredValue.just(50.0, "m100"), c.zrangeWithScores("lz:big", 0, 0).get(0));
        } finally {
            client.shutdown();
        }
    }
}
