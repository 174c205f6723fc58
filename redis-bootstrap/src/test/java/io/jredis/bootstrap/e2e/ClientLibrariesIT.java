package io.jredis.bootstrap.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Jedis and Lettuce as applications use them. Each test runs against real Redis too, so a
 * failure on jredis alone is jredis's. Both libraries send handshake commands on connect
 * (Lettuce HELLO, both CLIENT SETINFO) and must cope with however jredis answers them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLibrariesIT {

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
    void jedisBasics(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            assertEquals("PONG", jedis.ping());
            assertEquals("hi", jedis.echo("hi"));
            assertEquals("OK", jedis.set("jedis:k", "v1"));
            assertEquals("v1", jedis.get("jedis:k"));
            assertNull(jedis.get("jedis:missing"));
            byte[] binary = {0, 1, 2, (byte) 0xFF, '\r', '\n'};
            assertEquals("OK", jedis.set("jedis:bin".getBytes(), binary));
            assertEquals(java.util.Arrays.toString(binary), java.util.Arrays.toString(jedis.get("jedis:bin".getBytes())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisPipeline(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            Pipeline p = jedis.pipelined();
            List<Response<String>> sets = new ArrayList<>();
            List<Response<String>> gets = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sets.add(p.set("jedis:p" + i, "v" + i));
                gets.add(p.get("jedis:p" + i));
            }
            p.sync();
            for (int i = 0; i < 1000; i++) {
                assertEquals("OK", sets.get(i).get());
                assertEquals("v" + i, gets.get(i).get());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void lettuceSyncAndPipelinedAsync(String server) throws Exception {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port(server))
                .withTimeout(Duration.ofSeconds(20)).build());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> sync = c.sync();
            assertEquals("PONG", sync.ping());
            assertEquals("OK", sync.set("lettuce:k", "v"));
            assertEquals("v", sync.get("lettuce:k"));
            assertNull(sync.get("lettuce:missing"));

            RedisAsyncCommands<String, String> async = c.async();
            c.setAutoFlushCommands(false);
            List<RedisFuture<String>> futures = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                async.set("lettuce:p" + i, "v" + i);
                futures.add(async.get("lettuce:p" + i));
            }
            c.flushCommands();
            for (int i = 0; i < 1000; i++) {
                assertEquals("v" + i, futures.get(i).get(20, TimeUnit.SECONDS));
            }
            c.setAutoFlushCommands(true);
        } finally {
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }
}
