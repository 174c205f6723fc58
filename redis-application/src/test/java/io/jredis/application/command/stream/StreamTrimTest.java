package io.jredis.application.command.stream;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Approximate trims remove whole nodes exactly as redis-server 7.0.15 (figures read off it). */
class StreamTrimTest {

    private final CommandTester t = new CommandTester();

    @Test
    void maxlenApproxRemovesWholeNodesOfHundredEntries() {
        for (int i = 1; i <= 1000; i++) {
            t.run("XADD", "t1", i + "-1", "f", "v" + i);
        }
        assertEquals("(integer) 400", t.run("XTRIM", "t1", "MAXLEN", "~", "550"));
        assertEquals("(integer) 600", t.run("XLEN", "t1"));
    }

    @Test
    void nodesSplitAtTheListpackByteLimit() {
        String big = "x".repeat(100);
        for (int i = 1; i <= 300; i++) {
            t.run("XADD", "t2", i + "-1", "field", big);
        }
        assertEquals("(integer) 180", t.run("XTRIM", "t2", "MAXLEN", "~", "100"));
        assertEquals("(integer) 120", t.run("XLEN", "t2"));
    }

    @Test
    void minidApproxAndXaddLimit() {
        for (int i = 1; i <= 300; i++) {
            t.run("XADD", "t3", i + "-1", "a", "1", "b", Integer.toString(i));
        }
        t.run("XDEL", "t3", "5-1", "7-1");
        assertEquals("(integer) 98", t.run("XTRIM", "t3", "MINID", "~", "150"));
        assertEquals("(integer) 200", t.run("XLEN", "t3"));
        assertEquals("\"400-1\"", t.run("XADD", "t3", "MAXLEN", "~", "10", "LIMIT", "100", "400-1", "a", "b"));
        assertEquals("(integer) 101", t.run("XLEN", "t3"));
    }

    @Test
    void nodeSizeFollowsTheConfig() {
        assertEquals("OK", t.run("CONFIG", "SET", "stream-node-max-entries", "10"));
        for (int i = 1; i <= 35; i++) {
            t.run("XADD", "cn", i + "-0", "f", "v");
        }
        assertEquals("(integer) 20", t.run("XTRIM", "cn", "MAXLEN", "~", "12"));
        assertEquals("(integer) 15", t.run("XLEN", "cn"));
        assertEquals("{\"stream-node-max-entries\"=\"10\"}", t.run("CONFIG", "GET", "stream-node-max-entries"));
        assertEquals("{\"stream-node-max-bytes\"=\"4096\"}", t.run("CONFIG", "GET", "stream-node-max-bytes"));
    }
}
