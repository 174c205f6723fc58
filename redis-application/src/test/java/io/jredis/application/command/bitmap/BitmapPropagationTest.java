package io.jredis.application.command.bitmap;

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
 * What bitmap and HyperLogLog commands send to replicas and the AOF: the expected lists are what
 * a real redis-server 7.0.15 sent to `redis-cli --replica` for the same commands (writes that
 * change nothing are not propagated; PFCOUNT is when it refreshed the cached cardinality).
 */
class BitmapPropagationTest {

    private final CommandTester t = new CommandTester();
    private final List<String> log = new ArrayList<>();

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
    }

    private List<String> after(String... command) {
        log.clear();
        t.run(command);
        return List.copyOf(log);
    }

    @Test
    void setbitPropagatesOnlyWhenItCreatesExtendsOrFlips() {
        assertEquals(List.of("setbit a 3 1"), after("setbit", "a", "3", "1"));
        assertEquals(List.of(), after("setbit", "a", "3", "1"));
        assertEquals(List.of("setbit a 100 0"), after("setbit", "a", "100", "0"));
        assertEquals(List.of(), after("setbit", "a", "100", "0"));
        assertEquals(List.of("setbit n1 5 0"), after("setbit", "n1", "5", "0"));
        t.run("set", "ii", "5");
        assertEquals(List.of(), after("setbit", "ii", "0", "0"));
    }

    @Test
    void bitfieldPropagatesWhenAWriteChangedSomething() {
        t.run("set", "b", "xx");
        assertEquals(List.of(), after("bitfield", "b", "get", "u8", "0"));
        assertEquals(List.of("bitfield b get u8 0 set u8 8 1"), after("bitfield", "b", "get", "u8", "0", "set", "u8", "8", "1"));
        assertEquals(List.of(), after("bitfield", "b", "incrby", "u8", "0", "0"));
        assertEquals(List.of(), after("bitfield", "b", "overflow", "fail", "incrby", "u8", "0", "1000"));
        // The key made room for a write that failed: it stays, unpropagated.
        assertEquals(List.of(), after("bitfield", "b", "overflow", "fail", "incrby", "u8", "100", "1000"));
        assertEquals("(integer) 14", t.run("strlen", "b"));
        assertEquals(List.of(), after("bitfield", "nk", "overflow", "fail", "incrby", "u8", "0", "1000"));
        assertEquals("(integer) 1", t.run("exists", "nk"));
        assertEquals(List.of("bitfield b set u8 200 0"), after("bitfield", "b", "set", "u8", "200", "0"));
        assertEquals(List.of("bitfield nk2 set u8 0 0"), after("bitfield", "nk2", "set", "u8", "0", "0"));
        assertEquals(List.of("bitfield c set u8 0 120 set u8 0 121"),
                after("bitfield", "c", "set", "u8", "0", "120", "set", "u8", "0", "121"));
        assertEquals(List.of(), after("bitfield", "c", "set", "u8", "0", "121", "set", "u8", "0", "121"));
        assertEquals(List.of(), after("bitfield_ro", "c", "get", "u8", "0"));
    }

    @Test
    void bitopOfNothingOntoNothingIsNotAWrite() {
        assertEquals(List.of(), after("bitop", "and", "d", "nokey"));
        t.run("set", "a", "x");
        assertEquals(List.of("bitop or d a"), after("bitop", "or", "d", "a"));
        assertEquals(List.of("bitop and d nokey"), after("bitop", "and", "d", "nokey"));
    }

    @Test
    void hyperLogLogWritesAndCacheRefreshes() {
        assertEquals(List.of("pfadd h x"), after("pfadd", "h", "x"));
        assertEquals(List.of(), after("pfadd", "h", "x"));
        assertEquals(List.of("pfcount h"), after("pfcount", "h"));
        assertEquals(List.of(), after("pfcount", "h"));
        assertEquals(List.of(), after("pfcount", "h", "h"));
        assertEquals(List.of("pfdebug getreg h"), after("pfdebug", "getreg", "h"));
        t.run("pfadd", "h2", "y");
        assertEquals(List.of("pfdebug todense h2"), after("pfdebug", "todense", "h2"));
        assertEquals(List.of(), after("pfdebug", "todense", "h2"));
        assertEquals(List.of("pfmerge h3 h h2"), after("pfmerge", "h3", "h", "h2"));
    }
}
