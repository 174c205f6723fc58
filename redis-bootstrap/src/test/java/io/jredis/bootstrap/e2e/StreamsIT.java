package io.jredis.bootstrap.e2e;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams end to end with Jedis (RESP2) and Lettuce (RESP3), each test against jredis and real
 * Redis: one XADD serving every blocked reader, consumer groups, blocking group reads, timeouts,
 * and the errors a blocked group reader gets when its stream or group goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsIT {

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
    void oneXaddServesEveryBlockedReader(String server) throws Exception {
        int n = 20;
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        List<StatefulRedisConnection<String, String>> conns = new ArrayList<>();
        try (Jedis admin = new Jedis("127.0.0.1", port(server))) {
            admin.del("xs");
            admin.xadd("xs", new StreamEntryID(1, 1), Map.of("f", "old"));
            List<RedisFuture<List<StreamMessage<String, String>>>> reads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StatefulRedisConnection<String, String> c = client.connect();
                conns.add(c);
                reads.add(c.async().xread(XReadArgs.Builder.block(0), XReadArgs.StreamOffset.latest("xs")));
                SideBySide.awaitBlocked(admin, i + 1);
            }
            admin.xadd("xs", new StreamEntryID(2, 0), Map.of("f", "new"));
            for (int i = 0; i < n; i++) {
                List<StreamMessage<String, String>> got = reads.get(i).get(10, TimeUnit.SECONDS);
                assertEquals(1, got.size(), "reader " + i);
                assertEquals("2-0", got.get(0).getId());
                assertEquals(Map.of("f", "new"), got.get(0).getBody());
            }
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
    void consumerGroupWithJedis(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            jedis.del("xg");
            jedis.xgroupCreate("xg", "g", new StreamEntryID(0, 0), true);
            for (int i = 1; i <= 5; i++) {
                jedis.xadd("xg", new StreamEntryID(i, 0), Map.of("n", Integer.toString(i)));
            }
            List<Map.Entry<String, List<StreamEntry>>> got = jedis.xreadGroup("g", "alice",
                    XReadGroupParams.xReadGroupParams().count(2), Map.of("xg", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertEquals(1, got.size());
            assertEquals(List.of(new StreamEntryID(1, 0), new StreamEntryID(2, 0)),
                    got.get(0).getValue().stream().map(StreamEntry::getID).toList());
            jedis.xreadGroup("g", "bob", XReadGroupParams.xReadGroupParams().count(1),
                    Map.of("xg", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            StreamPendingSummary summary = jedis.xpending("xg", "g");
            assertEquals(3, summary.getTotal());
            assertEquals(new StreamEntryID(1, 0), summary.getMinId());
            assertEquals(new StreamEntryID(3, 0), summary.getMaxId());
            assertEquals(Map.of("alice", 2L, "bob", 1L), summary.getConsumerMessageCount());
            assertEquals(1, jedis.xack("xg", "g", new StreamEntryID(1, 0), new StreamEntryID(9, 0)));
            List<StreamGroupInfo> groups = jedis.xinfoGroups("xg");
            assertEquals(1, groups.size());
            assertEquals(2L, groups.get(0).getPending());
            assertEquals(new StreamEntryID(3, 0), groups.get(0).getLastDeliveredId());
            assertEquals(2L, groups.get(0).getGroupInfo().get("lag"));
            assertEquals(3L, groups.get(0).getGroupInfo().get("entries-read"));
            assertEquals(1, jedis.xdel("xg", new StreamEntryID(4, 0)));
            // a deletion after the group's id: the lag is unknown
            assertNull(jedis.xinfoGroups("xg").get(0).getGroupInfo().get("lag"));
            assertEquals(4L, jedis.xlen("xg"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void blockingGroupReadWithLettuceAndTimeoutWithJedis(String server) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port(server)));
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             StatefulRedisConnection<String, String> c = client.connect()) {
            admin.del("xb");
            admin.xgroupCreate("xb", "g", StreamEntryID.XGROUP_LAST_ENTRY, true);
            RedisFuture<List<StreamMessage<String, String>>> read = c.async().xreadgroup(Consumer.from("g", "c"),
                    XReadArgs.Builder.block(0).count(5), XReadArgs.StreamOffset.lastConsumed("xb"));
            SideBySide.awaitBlocked(admin, 1);
            admin.xadd("xb", new StreamEntryID(7, 1), Map.of("k", "v"));
            List<StreamMessage<String, String>> got = read.get(10, TimeUnit.SECONDS);
            assertEquals("7-1", got.get(0).getId());
            assertEquals(1L, admin.xpending("xb", "g").getTotal());
            long start = System.nanoTime();
            assertNull(admin.xread(XReadParams.xReadParams().block(200), Map.of("xb", new StreamEntryID(7, 1))));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 195 && ms < 2000, "took " + ms + " ms");
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void blockedGroupReaderLearnsThatItsStreamOrGroupWent(String server) throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", port(server));
             RespConnection raw = new RespConnection(new java.net.Socket("127.0.0.1", port(server)))) {
            admin.del("xd");
            admin.xgroupCreate("xd", "g", StreamEntryID.XGROUP_LAST_ENTRY, true);
            raw.write("XREADGROUP GROUP g c BLOCK 0 STREAMS xd >\r\n");
            SideBySide.awaitBlocked(admin, 1);
            admin.xgroupDestroy("xd", "g");
            assertEquals("-NOGROUP the consumer group this client was blocked on no longer exists\r\n",
                    raw.readReplyText());
            admin.xgroupCreate("xd", "g", StreamEntryID.XGROUP_LAST_ENTRY, true);
            raw.write("XREADGROUP GROUP g c BLOCK 0 STREAMS xd >\r\nXREAD BLOCK 50 STREAMS xd $\r\n");
            SideBySide.awaitBlocked(admin, 1);
            admin.del("xd");
            assertEquals("-UNBLOCKED the stream key no longer exists\r\n", raw.readReplyText());
            assertEquals("*-1\r\n", raw.readReplyText());
        }
    }
}
