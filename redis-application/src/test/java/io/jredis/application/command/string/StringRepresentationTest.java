package io.jredis.application.command.string;

import io.jredis.application.server.ServerConfig;
import io.jredis.application.testing.CommandTester;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Strings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How string values are held, binary safety, size limits and expired keys. */
class StringRepresentationTest {

    private final CommandTester t = new CommandTester();

    private Object stored(String key) {
        return t.server.keyspace().db(0).peek(key.getBytes(StandardCharsets.UTF_8), t.clock.millis());
    }

    @Test
    void appendGrowsAMutableStringInPlace() {
        t.run("append", "k", "12");
        assertInstanceOf(byte[].class, stored("k"), "a new key keeps the argument as is");
        assertEquals("int", Strings.encoding(stored("k")));
        t.run("append", "k", "3");
        MutableString m = assertInstanceOf(MutableString.class, stored("k"));
        assertEquals("raw", Strings.encoding(m));
        t.run("append", "k", "4");
        assertSame(m, stored("k"), "grown in place, not replaced");
        assertEquals("\"1234\"", t.run("get", "k"));
        assertEquals("(integer) 4", t.run("strlen", "k"));
        assertEquals("\"234\"", t.run("getrange", "k", "1", "-1"));
    }

    @Test
    void setrangeMakesAMutableStringAndReadsStopAtItsLength() {
        assertEquals("(integer) 3", t.run("setrange", "k", "0", "abc"));
        MutableString m = assertInstanceOf(MutableString.class, stored("k"));
        t.run("setrange", "k", "1", "Z");
        assertSame(m, stored("k"));
        assertEquals("\"aZc\"", t.run("get", "k"));
        assertEquals("[\"aZc\"]", t.run("mget", "k"));
        assertEquals("\"aZc\"", t.run("getex", "k"));
        assertEquals("\"aZc\"", t.run("lcs", "k", "k"));
    }

    @Test
    void integersWorkOnMutableStringsAndAreStoredAsIntegers() {
        t.run("set", "n", "1");
        t.run("append", "n", "0");
        assertEquals("(integer) 11", t.run("incr", "n"));
        assertInstanceOf(byte[].class, stored("n"));
        assertEquals("int", Strings.encoding(stored("n")));
        t.run("append", "f", "1.5");
        t.run("append", "f", "0");
        assertEquals("\"2.5\"", t.run("incrbyfloat", "f", "1"));
    }

    @Test
    void smallCountersShareOneArrayPerValue() {
        t.run("incr", "a");
        t.run("incr", "b");
        assertSame(stored("a"), stored("b"));
        t.run("incrby", "c", "123456");
        t.run("incrby", "d", "123456");
        assertArrayEquals((byte[]) stored("c"), (byte[]) stored("d"));
    }

    @Test
    void valuesAreBinarySafe() {
        // Replies as a real Redis 7.0.15 gave them for the same bytes.
        assertEquals("OK", t.run("set", "b", "a\u0000b\r\nc\u00e9"));
        assertEquals("(integer) 8", t.run("strlen", "b"));
        assertEquals("(integer) 9", t.run("append", "b", "\u0000"));
        assertEquals("\"\u0000b\r\"", t.run("getrange", "b", "1", "3"));
        assertEquals("(integer) 11", t.run("setrange", "b", "9", "\u00ff"));
        assertEquals("(integer) 11", t.run("lcs", "b", "b", "len"));
        assertEquals("OK", t.run("set", "k\u0000ey", "v"));
        assertEquals("[\"v\", (nil)]", t.run("mget", "k\u0000ey", "k"));
    }

    @Test
    void growthPastProtoMaxBulkLenIsRefused() {
        ServerConfig config = new ServerConfig();
        config.protoMaxBulkLen = 16;
        CommandTester small = new CommandTester(config);
        String tooLong = "(error) ERR string exceeds maximum allowed size (proto-max-bulk-len)";
        assertEquals("(integer) 10", small.run("append", "k", "0123456789"));
        assertEquals("(integer) 16", small.run("append", "k", "abcdef"));
        assertEquals(tooLong, small.run("append", "k", "x"));
        assertEquals("(integer) 16", small.run("strlen", "k"));
        assertEquals("(integer) 16", small.run("setrange", "k", "15", "Z"));
        assertEquals(tooLong, small.run("setrange", "k", "15", "ZZ"));
        assertEquals(tooLong, small.run("setrange", "new", "16", "Z"));
        assertEquals("(integer) 0", small.run("setrange", "new", "16", ""));
        assertEquals(tooLong, small.run("setrange", "new", "9223372036854775807", "Z"));
        assertEquals("(integer) 16", small.run("setrange", "new", "15", "Z"));
    }

    @Test
    void lcsTableLargerThanProtoMaxBulkLenIsRefused() {
        // Real Redis with proto-max-bulk-len 1mb refused LCS of two 600-byte strings with this error.
        ServerConfig config = new ServerConfig();
        config.protoMaxBulkLen = 1024 * 1024;
        CommandTester small = new CommandTester(config);
        String a = "a".repeat(600);
        small.run("mset", "x", a, "y", a);
        assertEquals("(error) ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len",
                small.run("lcs", "x", "y", "len"));
        small.run("mset", "x", "a".repeat(500), "y", "a".repeat(500));
        assertEquals("(integer) 500", small.run("lcs", "x", "y", "len"));
    }

    @Test
    void lcsTableBeyondAJavaArrayIsRefusedWithoutAllocating() {
        // Redis would try to allocate 8 GB here; a Java int[] cannot hold 2^31 cells, so jredis
        // gives the error Redis gives when that allocation fails.
        ServerConfig config = new ServerConfig();
        config.protoMaxBulkLen = Long.MAX_VALUE;
        CommandTester big = new CommandTester(config);
        big.run("mset", "x", "a".repeat(46_341), "y", "b".repeat(46_341));
        assertEquals("(error) ERR Insufficient memory, failed allocating transient memory for LCS",
                big.run("lcs", "x", "y", "len"));
    }

    @Test
    void expiredKeysCountAsMissing() {
        t.run("set", "c", "41", "px", "100");
        t.clock.advance(100);
        assertEquals("(integer) 1", t.run("incr", "c"));
        assertEquals(Database.NO_EXPIRY, t.server.keyspace().db(0).expireAt("c".getBytes(), t.clock.millis()));
        t.run("set", "k", "v", "px", "100");
        t.clock.advance(100);
        assertEquals("OK", t.run("set", "k", "w", "keepttl"));
        assertEquals(Database.NO_EXPIRY, t.server.keyspace().db(0).expireAt("k".getBytes(), t.clock.millis()));
        t.run("setex", "g", "1", "v");
        t.clock.advance(999);
        assertEquals("\"v\"", t.run("getex", "g"));
        t.clock.advance(1);
        assertEquals("(nil)", t.run("getex", "g", "persist"));
        assertEquals("(integer) 1", t.run("msetnx", "g", "again"));
    }

    @Test
    void getLikeCommandsCountHitsAndMisses() {
        t.run("set", "k", "v");
        long hits = t.server.stats().keyspaceHits;
        long misses = t.server.stats().keyspaceMisses;
        t.run("mget", "k", "nope", "k");
        t.run("strlen", "nope");
        t.run("getrange", "k", "0", "0");
        assertEquals(hits + 3, t.server.stats().keyspaceHits);
        assertEquals(misses + 2, t.server.stats().keyspaceMisses);
    }
}
