package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Raw request bytes — protocol errors, inline quoting, odd framing — sent to redis-server and to
 * jredis: the whole transcript (every reply byte, and whether the server closed) must be the same.
 * Each case is followed by an ECHO sentinel, so a case that leaves the connection open ends
 * without waiting for a timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawProtocolIT {

    private static final String SENTINEL = "*2\r\n$4\r\nECHO\r\n$8\r\nSENTINEL\r\n";
    private static final byte[] SENTINEL_REPLY = "$8\r\nSENTINEL\r\n".getBytes(StandardCharsets.US_ASCII);

    private RealRedisProcess redis;
    private JRedisProcess jredis;

    @BeforeAll
    void start() {
        redis = RealRedisProcess.start();
        jredis = JRedisProcess.start();
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

    /** waits: Redis never completes it; sentinel: followed by the ECHO sentinel. */
    record Case(String name, byte[] bytes, boolean waits, boolean sentinel) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String raw) {
        return new Case(DifferentialIT.escape(raw.length() > 60 ? raw.substring(0, 60) + "..." : raw),
                raw.getBytes(StandardCharsets.ISO_8859_1), false, true);
    }

    /** A request the server must close on by itself: no sentinel, whose CR would end its line. */
    private static Case closing(String raw) {
        return new Case(DifferentialIT.escape(raw.substring(0, 20)) + "... (" + raw.length() + " bytes)",
                raw.getBytes(StandardCharsets.ISO_8859_1), false, false);
    }

    /** A request Redis never completes: compared after a short quiet period instead. */
    private static Case waiting(String raw) {
        return new Case(DifferentialIT.escape(raw), raw.getBytes(StandardCharsets.ISO_8859_1), true, false);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (String s : List.of(
                "*x\r\n", "*1\r\nx\r\n", "*1\r\n$x\r\n", "*1\r\n$-1\r\n", "*1\r\n$-0\r\n", "*1\r\n$04\r\nPING\r\n",
                "*+1\r\n$4\r\nPING\r\n", "*\r\n", "* 1\r\n", "*2147483648\r\n", "*3000000000\r\n",
                "*1\r\n$\r\n", "*1\r\n$536870913\r\n",
                "*-5\r\nPING\r\n", "*0\r\nPING\r\n", "\r\n\n\nPING\n", "*1\r\n$4\r\nPINGxx",
                "*1\r\n$4\r\nPING\r\r\n", "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n",
                "PING \"a\r\n", "PING 'a'b\r\n", "ECHO \"a\"b\r\n", "ECHO a\"b\"c\r\n", "ECHO \"a\\\"\r\n",
                "ECHO a\"b c\"\r\n", "ECHO \"\\x41\\x4a\"\r\n", "ECHO \"a\\x4Ab\"\r\n", "ECHO \"a\\x4\"\r\n",
                "ECHO \"a\\x4g\"\r\n", "ECHO \"\\xFF\\x00\"\r\n", "ECHO \"\\q\\n\"\r\n",
                "ECHO \"\\a\\b\\t\\r\\n\\\"\\\\\"\r\n", "ECHO 'a\\'b'\r\n", "ECHO 'a\\nb'\r\n", "ECHO ''\r\n",
                "ECHO \"\"\r\n", "  ECHO   x  \r\n", "ECHO\ta\t\r\n", "ECHO a\rb\r\n", "ECHO a\u000cb\r\n",
                "ECHO \u000c\u000ba\r\n", "ECHO \"a\"\u000cb\r\n", "ECHO\u000ba\r\n", "ECHO *1\r\n",
                "ECHO a\nECHO b\n", "ECHO\r\n", "PING a b\r\n", "ping\r\n", "*1\r\n$4\r\nping\r\n",
                "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n",
                "ECHO x\r\nQUIT\r\nECHO y\r\n", "*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n")) {
            c.add(of(s));
        }
        // Lines over 64 KiB that do end are left out: whether Redis sees the end before the
        // limit depends on how its 16 KiB reads meet the TCP segments (the parser's unit test
        // covers them)
        c.add(closing("*" + "1".repeat(70_000)));
        c.add(closing("*1\r\n$" + "1".repeat(70_000)));
        c.add(closing("*1\r\n" + "x".repeat(70_000)));
        c.add(closing("PING " + "a".repeat(70_000)));
        c.add(waiting("*1\u0000\r\n$4\r\nPING\r\n"));
        c.add(waiting("ECHO a\u0000b\r\nPING\r\n"));
        c.add(waiting("*1\r\n$536870912\r\nabc"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameTranscriptAsRedis(Case c) throws IOException {
        String want = transcript(redis, c);
        String got = transcript(jredis, c);
        assertEquals(DifferentialIT.escape(want), DifferentialIT.escape(got));
    }

    /** Everything the server sends back, then "<closed>" (or reset), nothing (sentinel answered) or "<waiting>". */
    private static String transcript(ServerProcess server, Case c) throws IOException {
        try (Socket s = server.connect()) {
            s.setSoTimeout(c.waits() ? 300 : 10_000);
            s.getOutputStream().write(c.bytes());
            if (c.sentinel()) {
                s.getOutputStream().write(SENTINEL.getBytes(StandardCharsets.US_ASCII));
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    return out.toString(StandardCharsets.ISO_8859_1) + (c.waits() ? "<waiting>" : "<timeout>");
                } catch (SocketException e) {
                    // a close with client bytes still unread is a reset: when that happens
                    // depends on timing, so it counts as a close
                    return out.toString(StandardCharsets.ISO_8859_1) + "<closed>";
                }
                if (n < 0) {
                    return out.toString(StandardCharsets.ISO_8859_1) + "<closed>";
                }
                out.write(buf, 0, n);
                byte[] sofar = out.toByteArray();
                if (endsWith(sofar, SENTINEL_REPLY)) {
                    return new String(sofar, 0, sofar.length - SENTINEL_REPLY.length, StandardCharsets.ISO_8859_1);
                }
            }
        }
    }

    private static boolean endsWith(byte[] a, byte[] suffix) {
        if (a.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (a[a.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}
