package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;
import redis.clients.jedis.resps.Slowlog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MONITOR through redis-cli, SLOWLOG and CLIENT PAUSE through Jedis: jredis shows what redis-server shows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsCommandsIT {

    private static final Path CLI = Path.of("/usr/bin/redis-cli");
    private JRedisProcess jredis;
    private RealRedisProcess redis;

    @BeforeAll
    void start() {
        Assumptions.assumeTrue(Files.isExecutable(CLI), CLI + " is not installed");
        jredis = JRedisProcess.start();
        redis = RealRedisProcess.start();
    }

    @AfterAll
    void stop() {
        if (jredis != null) {
            jredis.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** What `redis-cli monitor` prints while Jedis runs a few commands, without times and ports. */
    private List<String> monitored(int port) throws Exception {
        Process p = new ProcessBuilder(CLI.toString(), "-p", Integer.toString(port), "monitor")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.ISO_8859_1))) {
            assertEquals("OK", in.readLine());
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                jedis.set("mon:k", "a\"b\nc\u0001");
                jedis.get("mon:k");
                jedis.configGet("maxmemory"); // admin: not shown
                jedis.select(2);
                jedis.incr("mon:n");
                jedis.echo("done");
            }
            String line;
            while ((line = in.readLine()) != null) {
                // "1700000000.123456 [0 127.0.0.1:5555] ..." without the time and the client port
                lines.add(line.replaceFirst("^\\d+\\.\\d{6} ", "").replaceFirst(":\\d+\\] ", "] "));
                if (line.endsWith("\"done\"")) {
                    break;
                }
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return lines;
    }

    @Test
    void monitorThroughRedisCli() throws Exception {
        List<String> want = monitored(redis.port());
        List<String> got = monitored(jredis.port());
        assertEquals(want, got);
        assertTrue(got.contains("[0 127.0.0.1] \"SET\" \"mon:k\" \"a\\\"b\\nc\\x01\""), got.toString());
    }

    private static List<String> slowlogArgs(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.configSet("slowlog-log-slower-than", "0");
            jedis.slowlogReset();
            jedis.clientSetname("ops");
            jedis.set("sl:k", "x".repeat(200));
            jedis.get("sl:k");
            List<String> out = new ArrayList<>();
            for (Slowlog e : jedis.slowlogGet(3)) {
                out.add(String.join(" ", e.getArgs()) + " | " + e.getClientName());
            }
            jedis.configSet("slowlog-log-slower-than", "10000");
            return out;
        }
    }

    @Test
    void slowlogThroughJedis() {
        assertEquals(slowlogArgs(redis.port()), slowlogArgs(jredis.port()));
    }

    private static String pausedWrite(int port) throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", port); Jedis other = new Jedis("127.0.0.1", port)) {
            other.set("pause:k", "0");
            assertEquals("OK", admin.clientPause(60_000, ClientPauseMode.WRITE));
            assertEquals("0", other.get("pause:k")); // reads go through
            Thread writer = new Thread(() -> other.incr("pause:k"));
            writer.start();
            writer.join(300);
            boolean heldWhilePaused = writer.isAlive() && admin.get("pause:k").equals("0");
            admin.clientUnpause();
            writer.join(10_000);
            return heldWhilePaused + " " + admin.get("pause:k");
        }
    }

    @Test
    void clientPauseHoldsWritesUntilUnpause() throws Exception {
        assertEquals("true 1", pausedWrite(redis.port()));
        assertEquals("true 1", pausedWrite(jredis.port()));
    }
}
