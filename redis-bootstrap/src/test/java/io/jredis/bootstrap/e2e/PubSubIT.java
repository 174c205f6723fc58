package io.jredis.bootstrap.e2e;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisProtocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pub/sub end to end: the raw frames of a scripted session compared byte for byte with
 * redis-server's, Jedis and Lettuce subscribers (RESP2 and RESP3) against both servers, a slow
 * subscriber cut off at its pubsub-class output limit, and PUBLISH crossing replication both
 * ways with real Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PubSubIT {

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    // ---------------------------------------------------------------- raw frames

    /**
     * Runs steps "connection:command" on two connections; after each step a PING with a marker
     * on every connection delimits what each received, so frames delivered out of turn are
     * captured in place. Returns the transcript of raw replies.
     */
    private static List<String> transcript(int port, String... steps) throws IOException {
        List<String> out = new ArrayList<>();
        RespConnection[] conns = new RespConnection[3];
        try {
            for (int i = 0; i < conns.length; i++) {
                conns[i] = new RespConnection(new java.net.Socket("127.0.0.1", port));
            }
            int marker = 0;
            boolean[] inMulti = new boolean[conns.length];
            for (String step : steps) {
                int c = step.charAt(0) - 'a';
                String[] argv = step.substring(2).split(" ");
                String name = argv[0].toUpperCase(java.util.Locale.ROOT);
                conns[c].write(RespConnection.encode(argv));
                out.add(step);
                if (inMulti[c] || name.equals("MULTI")) {
                    // a marker would only be queued: the one reply is QUEUED (or an error)
                    String reply = conns[c].readReplyText();
                    out.add("  " + step.charAt(0) + " <- " + reply);
                    if (name.equals("MULTI")) {
                        inMulti[c] = reply.equals("+OK\r\n"); // refused while subscribed
                    }
                }
                for (int k = 0; k < conns.length; k++) {
                    if (inMulti[k]) {
                        continue;
                    }
                    String m = "marker-" + (marker++);
                    conns[k].write(RespConnection.encode("PING", m));
                    while (true) {
                        String reply = conns[k].readReplyText();
                        if (reply.contains(m)) {
                            break;
                        }
                        // client ids differ between the servers (HELLO's reply shows them)
                        out.add("  " + (char) ('a' + k) + " <- " + reply.replaceAll("\\$2\r\nid\r\n:\\d+", "id"));
                    }
                }
                if (name.equals("EXEC") || name.equals("DISCARD")) {
                    inMulti[c] = false;
                }
            }
        } finally {
            for (RespConnection c : conns) {
                if (c != null) {
                    c.close();
                }
            }
        }
        return out;
    }

    private void sameFrames(String... steps) throws IOException {
        List<String> want = transcript(servers.port("redis"), steps);
        List<String> got = transcript(servers.port("jredis"), steps);
        assertEquals(String.join("\n", want), String.join("\n", got));
    }

    /** Where several names are involved in one frame sequence Redis follows its hash order; each step here has one. */
    @Test
    void resp2FramesMatchRedis() throws IOException {
        sameFrames("a:UNSUBSCRIBE", "a:PUNSUBSCRIBE", "a:SUNSUBSCRIBE",
                "a:SUBSCRIBE r2a r2b r2a", "a:PSUBSCRIBE r2* zz?", "a:SSUBSCRIBE r2s1 r2s2",
                "a:PING", "a:PING x", "a:GET r2a", "a:HELLO 2", "a:CLIENT INFO", "a:MULTI",
                "b:PUBLISH r2a hi", "b:PUBLISH r2zz hi2", "b:SPUBLISH r2s2 sh", "b:PUBLISH r2s2 x",
                "a:SUNSUBSCRIBE r2s1", "a:UNSUBSCRIBE r2b nope", "a:UNSUBSCRIBE r2a",
                "a:PUNSUBSCRIBE zz?", "a:GET r2a", "a:PUNSUBSCRIBE", "a:GET r2a", "a:SUNSUBSCRIBE", "a:GET r2a",
                "a:PSUBSCRIBE x*", "a:UNSUBSCRIBE", "a:RESET", "a:GET r2a",
                "b:MULTI", "b:SUBSCRIBE q", "b:PUBLISH q x", "b:GET q", "b:EXEC", "b:GET q", "b:UNSUBSCRIBE",
                "b:MULTI", "b:PUBLISH q 1", "b:EXEC",
                "c:SUBSCRIBE", "c:PUBLISH a", "c:PSUBSCRIBE", "c:PUBSUB", "c:PUBSUB NOPE", "c:PUBSUB NUMPAT x",
                "c:PUBSUB channels a b", "c:PUBSUB HELP", "c:PUBSUB NUMSUB", "c:PUBSUB SHARDNUMSUB");
    }

    @Test
    void resp3FramesMatchRedis() throws IOException {
        sameFrames("a:HELLO 3", "a:UNSUBSCRIBE", "a:SUBSCRIBE r3a", "a:PSUBSCRIBE r3*", "a:UNSUBSCRIBE",
                "a:PING", "a:GET r3x", "a:PUBLISH r3a m", "b:PUBLISH r3b m2", "a:SSUBSCRIBE r3s",
                "a:SPUBLISH r3s y", "b:SUBSCRIBE r3a", "c:PUBSUB NUMSUB r3a r3b", "c:PUBSUB NUMPAT",
                "c:PUBSUB SHARDNUMSUB r3s", "c:PUBSUB SHARDCHANNELS", "c:PUBSUB CHANNELS r3*",
                "a:HELLO 2", "a:PING", "a:GET r3x", "a:RESET", "a:PING",
                "c:PUBLISH r3a last");
    }

    /** Keyspace notifications of the commands that emit them, frame for frame as redis-server 7.0.15. */
    @Test
    void keyspaceNotificationsMatchRedis() throws IOException {
        try {
            sameFrames("c:CONFIG SET notify-keyspace-events KEA", "c:CONFIG GET notify-keyspace-events",
                    "c:CONFIG SET notify-keyspace-events KEAq", "a:PSUBSCRIBE __key*__:kn*",
                    "c:SET kn:k v", "c:SET kn:k v EX 100", "c:SETEX kn:k2 100 v", "c:SETNX kn:k v",
                    "c:MSET kn:m1 1 kn:m2 2", "c:INCR kn:m1", "c:INCRBYFLOAT kn:m1 1.5", "c:APPEND kn:k x",
                    "c:SETRANGE kn:k 0 y", "c:GETSET kn:k z", "c:GETEX kn:k EX 100", "c:GETEX kn:k PERSIST",
                    "c:GETDEL kn:k", "c:DEL kn:m1 kn:m2 kn:nope", "c:EXPIRE kn:k2 1000", "c:PERSIST kn:k2",
                    "c:RENAME kn:k2 kn:k3", "c:COPY kn:k3 kn:k4", "c:MOVE kn:k4 3", "c:SELECT 3", "c:DEL kn:k4",
                    "c:SELECT 0", "c:EXPIRE kn:k3 -1",
                    "c:RPUSH kn:l a b c d", "c:LPUSH kn:l e", "c:LPOP kn:l", "c:RPOP kn:l 2",
                    "c:LMOVE kn:l kn:l2 LEFT RIGHT", "c:LINSERT kn:l BEFORE zz x", "c:LSET kn:l2 0 y",
                    "c:LREM kn:l2 0 y", "c:LTRIM kn:l 5 6", "c:RPUSH kn:b a", "c:BLPOP kn:b 0",
                    "c:HSET kn:h f v", "c:HSETNX kn:h g 1", "c:HINCRBY kn:h n 1", "c:HINCRBYFLOAT kn:h n 1.5",
                    "c:HDEL kn:h f g n", "c:SADD kn:s a", "c:SREM kn:s a", "c:SADD kn:s a b", "c:SMOVE kn:s kn:s2 a",
                    "c:ZADD kn:z 1 a 2 b 3 c", "c:ZINCRBY kn:z 1 a", "c:ZADD kn:z 1 a", "c:ZREM kn:z c",
                    "c:ZPOPMIN kn:z", "c:ZREMRANGEBYRANK kn:z 0 -1",
                    "c:XADD kn:x 1-1 f v", "c:XADD kn:x 1-2 f v", "c:XDEL kn:x 1-1", "c:XTRIM kn:x MAXLEN 0",
                    "c:SADD kn:s1 a b", "c:SADD kn:s2 b c", "c:SINTERSTORE kn:d kn:s1 kn:s2",
                    "c:sunionstore kn:d kn:s1 kn:s2", "c:SDIFFSTORE kn:d kn:s1 kn:s1", "c:ZADD kn:z1 1 a",
                    "c:ZUNIONSTORE kn:zd 1 kn:z1", "c:ZDIFFSTORE kn:zd 2 kn:z1 kn:z1", "c:ZRANGESTORE kn:zd kn:z1 0 -1",
                    "c:DEL kn:l kn:s kn:s2 kn:x kn:b kn:s1 kn:z1 kn:zd", "c:CONFIG SET notify-keyspace-events Elg",
                    "c:LPUSH kn:l a", "c:SET kn:k v", "c:DEL kn:l kn:k");
        } finally {
            for (String server : List.of("redis", "jredis")) {
                try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
                    j.configSet("notify-keyspace-events", "");
                }
            }
        }
    }

    // ---------------------------------------------------------------- client libraries

    /** Waits for a condition without spinning hot (the cores are shared). */
    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @ParameterizedTest
    @CsvSource({"jredis,2", "jredis,3", "redis,2", "redis,3"})
    void jedisSubscriberGetsMessagesInOrder(String server, int resp) throws Exception {
        int port = servers.port(server);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                events.add("message " + channel + " " + message);
            }

            @Override
            public void onPMessage(String pattern, String channel, String message) {
                events.add("pmessage " + pattern + " " + channel + " " + message);
            }

            @Override
            public void onSubscribe(String channel, int count) {
                events.add("subscribe " + channel + " " + count);
            }

            @Override
            public void onPSubscribe(String pattern, int count) {
                events.add("psubscribe " + pattern + " " + count);
            }

            @Override
            public void onUnsubscribe(String channel, int count) {
                events.add("unsubscribe " + channel + " " + count);
            }

            @Override
            public void onPUnsubscribe(String pattern, int count) {
                events.add("punsubscribe " + pattern + " " + count);
            }
        };
        var config = DefaultJedisClientConfig.builder()
                .protocol(resp == 3 ? RedisProtocol.RESP3 : RedisProtocol.RESP2).build();
        String ch = "jedis" + resp;
        try (Jedis subscriber = new Jedis(new HostAndPort("127.0.0.1", port), config);
             Jedis publisher = new Jedis("127.0.0.1", port)) {
            CompletableFuture<Void> loop = CompletableFuture.runAsync(() -> subscriber.subscribe(listener, ch));
            await(() -> events.contains("subscribe " + ch + " 1"), "SUBSCRIBE");
            listener.psubscribe(ch + "*");
            await(() -> events.contains("psubscribe " + ch + "* 2"), "PSUBSCRIBE");
            for (int i = 0; i < 100; i++) {
                assertEquals(2, publisher.publish(ch, "m" + i));
            }
            assertEquals(1, publisher.publish(ch + "x", "tail"));
            await(() -> events.contains("pmessage " + ch + "* " + ch + "x tail"), "the last message");
            listener.unsubscribe();
            await(() -> events.contains("unsubscribe " + ch + " 1"), "UNSUBSCRIBE");
            listener.punsubscribe();
            loop.get(20, TimeUnit.SECONDS);
            List<String> want = new ArrayList<>(List.of("subscribe " + ch + " 1", "psubscribe " + ch + "* 2"));
            for (int i = 0; i < 100; i++) {
                want.add("message " + ch + " m" + i);
                want.add("pmessage " + ch + "* " + ch + " m" + i);
            }
            want.addAll(List.of("pmessage " + ch + "* " + ch + "x tail", "unsubscribe " + ch + " 1",
                    "punsubscribe " + ch + "* 0"));
            assertEquals(want, events);
            assertEquals(0L, publisher.publish(ch, "nobody"));
        }
    }

    @ParameterizedTest
    @CsvSource({"jredis,2", "jredis,3", "redis,2", "redis,3"})
    void lettuceSubscriberGetsMessages(String server, int resp) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", servers.port(server)));
        client.setOptions(ClientOptions.builder()
                .protocolVersion(resp == 3 ? ProtocolVersion.RESP3 : ProtocolVersion.RESP2).build());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        String ch = "lettuce" + resp;
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
             var pub = client.connect()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + "=" + message);
                }

                @Override
                public void message(String pattern, String channel, String message) {
                    received.add(pattern + ":" + channel + "=" + message);
                }

                @Override
                public void smessage(String channel, String message) {
                    received.add("shard " + channel + "=" + message);
                }
            });
            sub.sync().subscribe(ch);
            sub.sync().psubscribe("lett*");
            sub.sync().ssubscribe(ch + "s");
            assertEquals(2L, pub.sync().publish(ch, "hello"));
            assertEquals(1L, pub.sync().spublish(ch + "s", "sharded"));
            assertEquals(java.util.Map.of(ch, 1L), pub.sync().pubsubNumsub(ch));
            assertEquals(1L, pub.sync().pubsubNumpat());
            assertEquals(ch + "=hello", received.poll(20, TimeUnit.SECONDS));
            assertEquals("lett*:" + ch + "=hello", received.poll(20, TimeUnit.SECONDS));
            assertEquals("shard " + ch + "s=sharded", received.poll(20, TimeUnit.SECONDS));
            if (resp == 3) {
                // RESP3: a subscribed connection runs ordinary commands too
                assertEquals("PONG", sub.sync().ping());
                sub.sync().set(ch + "k", "v");
                assertEquals("v", sub.sync().get(ch + "k"));
            }
            sub.sync().unsubscribe(ch);
            sub.sync().punsubscribe("lett*");
            if (resp == 3) {
                sub.sync().sunsubscribe(ch + "s"); // Lettuce itself refuses SUNSUBSCRIBE on a RESP2 subscriber
            }
            assertEquals(0L, pub.sync().publish(ch, "gone"));
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void disconnectedSubscribersLeaveNoTrace(String server) throws Exception {
        int port = servers.port(server);
        try (Jedis admin = new Jedis("127.0.0.1", port)) {
            for (int i = 0; i < 20; i++) {
                try (RespConnection c = new RespConnection(new java.net.Socket("127.0.0.1", port))) {
                    c.call("SUBSCRIBE", "gone", "gone" + i);
                    c.readReply();
                    c.call("PSUBSCRIBE", "gone*");
                }
            }
            await(() -> admin.pubsubNumSub("gone").get("gone") == 0L && admin.pubsubNumPat() == 0L,
                    "the subscribers to go");
            assertEquals(List.of(), admin.pubsubChannels("gone*"));
            assertEquals(0L, admin.publish("gone", "x"));
        }
    }

    // ---------------------------------------------------------------- output limits

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void slowSubscriberIsDisconnectedAtThePubsubHardLimit(String server) throws Exception {
        int port = servers.port(server);
        try (Jedis admin = new Jedis("127.0.0.1", port);
             java.net.Socket slow = new java.net.Socket()) {
            admin.configSet("client-output-buffer-limit", "pubsub 1mb 0 0");
            try {
                slow.setReceiveBufferSize(4096);
                slow.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                slow.getOutputStream().write(RespConnection.encode("SUBSCRIBE", "flood"));
                await(() -> admin.pubsubNumSub("flood").get("flood") == 1L, "the subscription");
                byte[] message = new byte[100_000];
                long delivered = 0;
                for (int i = 0; i < 200 && delivered == i; i++) {
                    delivered += admin.publish("flood".getBytes(StandardCharsets.US_ASCII), message);
                }
                assertTrue(delivered < 200, "the subscriber was never cut off");
                assertTrue(admin.clientList().lines().noneMatch(l -> l.contains("sub=1")), admin.clientList());
                // the subscriber reads what was sent before the cut, then the end of the stream
                slow.setSoTimeout(20_000);
                var in = slow.getInputStream();
                byte[] buf = new byte[1 << 16];
                while (in.read(buf) >= 0) {
                    // drain
                }
            } finally {
                admin.configSet("client-output-buffer-limit", "pubsub 32mb 8mb 60");
            }
        }
    }

    // ---------------------------------------------------------------- replication

    private static String info(Jedis j, String field) {
        for (String line : j.info("replication").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    /** PUBLISH on a master reaches the replica's subscribers: jredis → Redis and Redis → jredis. */
    @ParameterizedTest
    @ValueSource(strings = {"jredis-master", "redis-master"})
    void publishCrossesReplication(String topology) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RealRedisProcess.BINARY), "redis-server is not installed");
        boolean jredisMaster = topology.equals("jredis-master");
        int masterPort = servers.port(jredisMaster ? "jredis" : "redis");
        try (ServerProcess replica = jredisMaster
                ? RealRedisProcess.start("--replicaof", "127.0.0.1 " + masterPort)
                : JRedisProcess.start("--replicaof", "127.0.0.1 " + masterPort);
             Jedis master = new Jedis("127.0.0.1", masterPort);
             Jedis replicaAdmin = new Jedis("127.0.0.1", replica.port());
             RespConnection sub = new RespConnection(new java.net.Socket("127.0.0.1", replica.port()))) {
            await(() -> "up".equals(info(replicaAdmin, "master_link_status")), "the replication link");
            sub.call("SUBSCRIBE", "replicated");
            master.publish("replicated", "from-master");
            assertEquals("*3\r\n$7\r\nmessage\r\n$10\r\nreplicated\r\n$11\r\nfrom-master\r\n", sub.readReplyText());
        }
    }

    // ---------------------------------------------------------------- redis-cli

    private static final Path CLI = Path.of("/usr/bin/redis-cli");

    private static String cli(int port, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CLI.toString(), "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    /** redis-cli SUBSCRIBE prints what it prints against redis-server (stopped after one message). */
    @Test
    void redisCliSubscriberPrintsTheSame() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CLI), CLI + " is not installed");
        List<String> outputs = new ArrayList<>();
        for (String server : List.of("redis", "jredis")) {
            int port = servers.port(server);
            Process p = new ProcessBuilder(CLI.toString(), "-p", Integer.toString(port), "SUBSCRIBE", "clich")
                    .redirectErrorStream(true).start();
            try (Jedis admin = new Jedis("127.0.0.1", port)) {
                await(() -> admin.pubsubNumSub("clich").get("clich") == 1L, "redis-cli to subscribe");
                assertEquals(1L, admin.publish("clich", "hello cli"));
                var in = p.getInputStream();
                StringBuilder sb = new StringBuilder();
                while (!sb.toString().contains("hello cli\n")) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    sb.append((char) c);
                }
                outputs.add(sb.toString());
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            assertEquals(cli(servers.port("redis"), "PUBSUB", "NUMSUB", "x"), cli(port, "PUBSUB", "NUMSUB", "x"));
        }
        assertEquals(outputs.get(0), outputs.get(1));
    }
}
