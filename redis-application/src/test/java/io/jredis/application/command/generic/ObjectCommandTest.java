package io.jredis.application.command.generic;

import io.jredis.application.server.ServerConfig;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OBJECT subcommands as Redis 7.0.15 answers them. */
class ObjectCommandTest {

    private final CommandTester t = new CommandTester();

    @Test
    void encodingOfStrings() {
        t.run("SET", "n", "12");
        t.run("SET", "s", "hello");
        t.run("SET", "l", "x".repeat(45));
        t.run("SET", "e", "x".repeat(44));
        t.run("SET", "z", "012");
        assertEquals("\"int\"", t.run("OBJECT", "ENCODING", "n"));
        assertEquals("\"embstr\"", t.run("OBJECT", "encoding", "s"));
        assertEquals("\"embstr\"", t.run("OBJECT", "ENCODING", "e"));
        assertEquals("\"raw\"", t.run("OBJECT", "ENCODING", "l"));
        assertEquals("\"embstr\"", t.run("OBJECT", "ENCODING", "z"));
        assertEquals("(nil)", t.run("OBJECT", "ENCODING", "nokey"));
    }

    @Test
    void refcountOfSharedIntegers() {
        t.run("SET", "small", "1");
        t.run("SET", "big", "123456");
        t.run("SET", "s", "hello");
        assertEquals("(integer) 2147483647", t.run("OBJECT", "REFCOUNT", "small"));
        assertEquals("(integer) 1", t.run("OBJECT", "REFCOUNT", "big"));
        assertEquals("(integer) 1", t.run("OBJECT", "REFCOUNT", "s"));
        assertEquals("(nil)", t.run("OBJECT", "REFCOUNT", "nokey"));
        t.config.maxmemory = 1 << 20;
        t.config.maxmemoryPolicy = "allkeys-lru";
        assertEquals("(integer) 1", t.run("OBJECT", "REFCOUNT", "small"), "LRU policies do not share integers");
    }

    @Test
    void idletimeAndFreqDependOnThePolicy() {
        t.run("SET", "a", "1");
        t.clock.advance(3000);
        assertEquals("(integer) 3", t.run("OBJECT", "IDLETIME", "a"));
        assertEquals("(error) ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note"
                + " that when switching between policies at runtime LRU and LFU data will take some time to adjust.",
                t.run("OBJECT", "FREQ", "a"));
        assertEquals("(nil)", t.run("OBJECT", "FREQ", "nokey"), "a missing key is reported before the policy");
        assertEquals("OK", t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"));
        assertEquals("(error) ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when"
                + " switching between policies at runtime LRU and LFU data will take some time to adjust.",
                t.run("OBJECT", "IDLETIME", "a"));
        t.run("SET", "b", "1");
        assertEquals("(integer) 5", t.run("OBJECT", "FREQ", "b"), "a new key starts at LFU_INIT_VAL");
        t.clock.advance(3 * 60_000);
        assertEquals("(integer) 2", t.run("OBJECT", "FREQ", "b"), "one point less per idle minute (lfu-decay-time 1)");
        assertEquals("(integer) 2", t.run("OBJECT", "FREQ", "b"), "OBJECT FREQ itself is no access");
    }

    @Test
    void helpAndErrors() {
        String help = t.run("OBJECT", "HELP");
        assertTrue(help.startsWith("[OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:, ENCODING <key>,"));
        assertTrue(help.endsWith(", HELP,     Prints this help.]"));
        assertEquals(15, help.split(", (?=[A-Z ])").length);
        assertEquals("(error) ERR unknown subcommand 'foo'. Try OBJECT HELP.", t.run("OBJECT", "foo"));
        assertEquals("(error) ERR wrong number of arguments for 'object' command", t.run("OBJECT"));
        assertEquals("(error) ERR wrong number of arguments for 'object|encoding' command", t.run("OBJECT", "ENCODING"));
        assertEquals("(error) ERR wrong number of arguments for 'object|help' command", t.run("OBJECT", "HELP", "x"));
    }

    @Test
    void objectDoesNotTouchTheKey() {
        CommandTester c = new CommandTester(new ServerConfig());
        c.run("SET", "a", "1");
        c.clock.advance(4000);
        c.run("OBJECT", "ENCODING", "a");
        assertEquals("(integer) 4", c.run("OBJECT", "IDLETIME", "a"));
    }
}
