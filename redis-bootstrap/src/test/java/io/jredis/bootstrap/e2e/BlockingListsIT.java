package io.jredis.bootstrap.e2e;

import io.lettuce.core.KeyValue;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.UnblockType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocking list commands end to end with Jedis and Lettuce, each test against jredis and real
 * Redis: many waiters served first come first served, BLMOVE chains, timeouts, a client
 * disconnecting while blocked, and pipelined commands that wait behind a blocked one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockingListsIT {

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
    void fiveHundredWaitersAreServedInArrivalOrder(String server) throws Exception {
        int n = 500;
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        List<StatefulRedisConnection<String, String>> conns = new ArrayList<>();
        try (Jedis admin = new Jedis("127.0.0.1", port(server))) {
            admin.del("fifo");
            List<RedisFuture<KeyValue<String, String>>> pops = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StatefulRedisConnection<String, String> c = client.connect();
                conns.add(c);
                pops.add(c.async().blpop(0, "fifo"));
                SideBySide.awaitBlocked(admin, i + 1);
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = "v" + i;
            }
            assertEquals(n, admin.rpush("fifo", values));
            for (int i = 0; i < n; i++) {
                KeyValue<String, String> kv = pops.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("fifo", kv.getKey());
                assertEquals("v" + i, kv.getValue(), "waiter " + i);
            }
            assertFalse(admin.exists("fifo"));
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
    void blmoveChainIsServedInOnePass(String server) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             StatefulRedisConnection<String, String> c1 = client.connect();
             StatefulRedisConnection<String, String> c2 = client.connect();
             StatefulRedisConnection<String, String> c3 = client.connect()) {
            admin.del("chain:a", "chain:b", "chain:c");
            RedisFuture<String> m1 = c1.async().blmove("chain:a", "chain:b", LMoveArgs.Builder.leftRight(), 0);
            SideBySide.awaitBlocked(admin, 1);
            RedisFuture<String> m2 = c2.async().brpoplpush(0, "chain:b", "chain:c");
            SideBySide.awaitBlocked(admin, 2);
            RedisFuture<KeyValue<String, String>> p = c3.async().brpop(0, "chain:c");
            SideBySide.awaitBlocked(admin, 3);
            admin.rpush("chain:a", "x");
            assertEquals("x", m1.get(10, TimeUnit.SECONDS));
            assertEquals("x", m2.get(10, TimeUnit.SECONDS));
            assertEquals(KeyValue.just("chain:c", "x"), p.get(10, TimeUnit.SECONDS));
            assertEquals(0, admin.exists("chain:a", "chain:b", "chain:c"));
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void timeoutRepliesNullAfterTheTimeout(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            long start = System.nanoTime();
            assertNull(jedis.blpop(0.2, "timeout:none"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 195 && ms < 2000, "took " + ms + " ms");
            assertNull(jedis.blmove("timeout:none", "timeout:dst", ListDirection.LEFT,
                    ListDirection.LEFT, 0.05));
            assertEquals("PONG", jedis.ping());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void aClientDisconnectingWhileBlockedLosesNothing(String server) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        try (Jedis admin = new Jedis("127.0.0.1", port(server))) {
            admin.del("gone");
            StatefulRedisConnection<String, String> c = client.connect();
            c.async().blpop(0, "gone");
            SideBySide.awaitBlocked(admin, 1);
            c.close();
            SideBySide.awaitBlocked(admin, 0);
            admin.rpush("gone", "kept");
            assertEquals(List.of("kept"), admin.lrange("gone", 0, -1));
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void pipelinedCommandsWaitBehindABlockedOne(String server) throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             RespConnection raw = new RespConnection(new java.net.Socket("127.0.0.1", port(server)))) {
            admin.del("pipe");
            raw.write("BLPOP pipe 0\r\nRPUSH pipe own\r\nLRANGE pipe 0 -1\r\n");
            SideBySide.awaitBlocked(admin, 1);
            assertEquals(0, admin.llen("pipe"), "the RPUSH behind the BLPOP has not run");
            admin.rpush("pipe", "x");
            assertEquals("*2\r\n$4\r\npipe\r\n$1\r\nx\r\n", raw.readReplyText());
            assertEquals(":1\r\n", raw.readReplyText());
            assertEquals("*1\r\n$3\r\nown\r\n", raw.readReplyText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void clientUnblockWithError(String server) throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             RespConnection raw = new RespConnection(new java.net.Socket("127.0.0.1", port(server)))) {
            String id = raw.call("CLIENT", "ID");
            raw.write("BRPOP unblock:k 0\r\n");
            SideBySide.awaitBlocked(admin, 1);
            assertEquals(1L, admin.clientUnblock(Long.parseLong(id.substring(1).trim()),
                    UnblockType.ERROR));
            assertEquals("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", raw.readReplyText());
            assertEquals("+PONG\r\n", raw.call("PING"));
        }
    }
}
