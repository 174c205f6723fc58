package io.jredis.bootstrap.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script past busy-reply-threshold, on jredis and redis-server 7.0.15 alike: the other
 * clients get BUSY, SCRIPT KILL stops a script that did not write (its client gets the killed
 * error), UNKILLABLE for one that did, which SHUTDOWN NOSAVE ends with the server.
 */
class BusyScriptIT {

    private static final String BUSY =
            "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n";

    private static ServerProcess start(String server) {
        return server.equals("redis") ? RealRedisProcess.start("--busy-reply-threshold", "100")
                : JRedisProcess.start("--busy-reply-threshold", "100");
    }

    /** Sends GET until the server answers BUSY: the script's EVAL may be read after the first GET. */
    private static void awaitBusy(RespConnection c) throws IOException {
        String reply = "";
        for (int i = 0; i < 50 && !reply.equals(BUSY); i++) {
            reply = c.call("GET", "x"); // waits for the script's threshold: no sleep needed
        }
        assertEquals(BUSY, reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void scriptKillStopsALoopingScript(String server) throws Exception {
        String body = "local n = 0 while true do n = n + 1 end";
        try (ServerProcess s = start(server);
             RespConnection runner = RespConnection.to(s);
             RespConnection other = RespConnection.to(s)) {
            runner.write(RespConnection.encode("EVAL", body, "0"));
            awaitBusy(other);
            assertEquals(BUSY, other.call("SET", "x", "1"));
            assertEquals(BUSY, other.call("SHUTDOWN"));
            assertEquals("+OK\r\n", other.call("MULTI"));
            assertEquals(BUSY, other.call("GET", "x"));
            assertEquals("-EXECABORT Transaction discarded because of: " + BUSY.substring(1), other.call("EXEC"));
            assertEquals("+OK\r\n", other.call("SCRIPT", "KILL"));
            assertEquals("-ERR Script killed by user with SCRIPT KILL... script: " + sha1(body)
                    + ", on @user_script:1.\r\n", runner.readReplyText());
            assertEquals("-NOTBUSY No scripts in execution right now.\r\n", other.call("SCRIPT", "KILL"));
            assertEquals("+PONG\r\n", runner.call("PING"));
            assertEquals("+OK\r\n", other.call("SET", "x", "1"));
            assertEquals("$1\r\n1\r\n", runner.call("GET", "x"));
            assertEquals(":3\r\n", runner.call("EVAL", "return 3", "0"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void aScriptThatWroteIsUnkillableUntilShutdownNosave(String server) throws Exception {
        try (ServerProcess s = start(server);
             RespConnection runner = RespConnection.to(s);
             RespConnection other = RespConnection.to(s)) {
            runner.write(RespConnection.encode("EVAL", "redis.call('set','k','v') while true do end", "0"));
            awaitBusy(other);
            assertEquals("-UNKILLABLE Sorry the script already executed write commands against the dataset. "
                    + "You can either wait the script termination or kill the server in a hard way using the "
                    + "SHUTDOWN NOSAVE command.\r\n", other.call("SCRIPT", "KILL"));
            assertEquals(BUSY, other.call("SHUTDOWN"));
            assertTrue(s.isAlive());
            other.write(RespConnection.encode("SHUTDOWN", "NOSAVE"));
            assertTrue(other.isClosedByServer());
            assertTrue(runner.isClosedByServer(), "the script's client gets no reply");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            assertFalse(s.isAlive(), "SHUTDOWN NOSAVE ends the server");
        }
    }

    private static String sha1(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(body.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
