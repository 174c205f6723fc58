package io.jredis.application.command.string;

import io.jredis.application.port.WriteLog;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What string commands send to replicas and the AOF. The expected argument vectors are those a
 * real Redis 7.0.15 sent to a replica (redis-cli --replica) for the same commands; only the
 * absolute times differ, being computed from this test's clock.
 */
class PropagationTest {

    private final CommandTester t = new CommandTester();
    private final List<String> log = new ArrayList<>();
    private long now;

    @BeforeEach
    void recordWrites() {
        t.server.setWriteLog(new WriteLog() {
            @Override
            public boolean active() {
                return true;
            }

            @Override
            public void append(int db, List<byte[]> argv) {
                log.add(argv.stream().map(b -> new String(b, StandardCharsets.UTF_8))
                        .collect(Collectors.joining(" ")));
            }

            @Override
            public void beginTransaction() {
            }

            @Override
            public void endTransaction() {
            }
        });
        now = t.clock.millis();
    }

    private List<String> after(String... command) {
        log.clear();
        t.run(command);
        return List.copyOf(log);
    }

    @Test
    void setWithAnyExpiryBecomesSetPxat() {
        assertEquals(List.of("SET a 1 PXAT " + (now + 100000)), after("set", "a", "1", "px", "100000"));
        assertEquals(List.of("SET b 1 PXAT 99999999999999"), after("set", "b", "1", "pxat", "99999999999999"));
        assertEquals(List.of("SET c 1 PXAT 99999999999999"), after("set", "c", "1", "get", "pxat", "99999999999999"));
        assertEquals(List.of("SET e 1 PXAT " + (now + 20000)), after("set", "e", "1", "ex", "10", "ex", "20"));
        assertEquals(List.of("SET e2 v PXAT 1000"), after("set", "e2", "v", "exat", "1"));
        t.run("set", "n", "old");
        assertEquals(List.of("SET n v PXAT " + (now + 5000)), after("set", "n", "v", "xx", "get", "px", "5000"));
    }

    @Test
    void setGetIsPropagatedWithoutGet() {
        assertEquals(List.of("set d 1 keepttl"), after("set", "d", "1", "get", "keepttl", "GET"));
        assertEquals(List.of("set n v nx"), after("set", "n", "v", "nx", "get"));
        assertEquals(List.of("set plain v"), after("set", "plain", "v"));
    }

    @Test
    void failedConditionalSetsPropagateNothing() {
        t.run("set", "k", "v");
        assertEquals(List.of(), after("set", "k", "w", "nx"));
        assertEquals(List.of(), after("set", "missing", "w", "xx", "get"));
        assertEquals(List.of(), after("setnx", "k", "w"));
        assertEquals(List.of(), after("msetnx", "k", "w", "other", "x"));
    }

    @Test
    void setexAndPsetexBecomeSetPxat() {
        assertEquals(List.of("SET f v PXAT " + (now + 10000)), after("setex", "f", "10", "v"));
        assertEquals(List.of("SET g v PXAT " + (now + 10000)), after("psetex", "g", "10000", "v"));
    }

    @Test
    void getsetAndGetdelBecomeSetAndDel() {
        assertEquals(List.of("SET g v2"), after("getset", "g", "v2"));
        assertEquals(List.of("DEL g"), after("getdel", "g"));
        assertEquals(List.of(), after("getdel", "g"));
    }

    @Test
    void getexBecomesPexpireatPersistOrDel() {
        t.run("set", "h", "v");
        assertEquals(List.of(), after("getex", "h"));
        assertEquals(List.of("PEXPIREAT h " + (now + 100000)), after("getex", "h", "ex", "100"));
        assertEquals(List.of("PEXPIREAT h 99999999999999"), after("getex", "h", "pxat", "99999999999999"));
        assertEquals(List.of("PERSIST h"), after("getex", "h", "persist"));
        assertEquals(List.of(), after("getex", "h", "persist"));
        assertEquals(List.of("DEL h"), after("getex", "h", "pxat", "1"));
        assertEquals("(nil)", t.run("get", "h"));
    }

    @Test
    void incrbyfloatBecomesSetKeepttl() {
        assertEquals(List.of("SET i2 1.5 KEEPTTL"), after("incrbyfloat", "i2", "1.5"));
        t.run("set", "j", "10.5");
        assertEquals(List.of("SET j 10.6 KEEPTTL"), after("incrbyfloat", "j", "0.1"));
        assertEquals(List.of(), after("incrbyfloat", "j", "abc"));
    }

    @Test
    void otherWritesArePropagatedAsSent() {
        assertEquals(List.of("setnx k v"), after("setnx", "k", "v"));
        assertEquals(List.of("mset l 1 m 2"), after("mset", "l", "1", "m", "2"));
        assertEquals(List.of("incr c"), after("incr", "c"));
        assertEquals(List.of("append c 0"), after("append", "c", "0"));
        assertEquals(List.of("setrange c 0 9"), after("setrange", "c", "0", "9"));
        assertEquals(List.of(), after("setrange", "c", "0", ""));
    }
}
