package io.jredis.application.command.stream;

import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream commands one by one; replies and error texts as redis-server 7.0.15 gives them. */
class StreamCommandsTest {

    private static final String WRONGTYPE = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";
    private static final String INVALID_ID = "(error) ERR Invalid stream ID specified as stream command argument";

    private final CommandTester t = new CommandTester();

    private String now(long plus) {
        return Long.toString(t.clock.millis() + plus);
    }

    @Test
    void generatedIdsFollowTheClockAndNeverGoBack() {
        assertEquals("\"" + now(0) + "-0\"", t.run("XADD", "s", "*", "f", "v"));
        assertEquals("\"" + now(0) + "-1\"", t.run("XADD", "s", "*", "f", "v"));
        t.clock.advance(5);
        assertEquals("\"" + now(0) + "-0\"", t.run("XADD", "s", "*", "f", "v"));
        // the last id ahead of the clock (skew, XSETID): its ms stays, the sequence grows
        String ahead = now(1000);
        assertEquals("OK", t.run("XSETID", "s", ahead + "-7"));
        assertEquals("\"" + ahead + "-8\"", t.run("XADD", "s", "*", "f", "v"));
        assertEquals("\"" + ahead + "-9\"", t.run("XADD", "s", ahead + "-*", "f", "v"));
        assertEquals("(integer) 5", t.run("XLEN", "s"));
    }

    @Test
    void xaddOptionsAndErrors() {
        assertEquals("\"5-0\"", t.run("XADD", "s", "5-*", "a", "1"));
        assertEquals("\"5-1\"", t.run("XADD", "s", "5-*", "a", "1"));
        assertEquals("\"6-0\"", t.run("XADD", "s", "6", "a", "1"));
        assertEquals("(error) ERR The ID specified in XADD is equal or smaller than the target stream top item",
                t.run("XADD", "s", "6-0", "a", "1"));
        assertEquals("(error) ERR The ID specified in XADD must be greater than 0-0", t.run("XADD", "n", "0-0", "a", "1"));
        assertEquals(INVALID_ID, t.run("XADD", "s", "-", "a", "1"));
        assertEquals(INVALID_ID, t.run("XADD", "s", "1-x", "a", "1"));
        assertEquals("(error) ERR wrong number of arguments for 'xadd' command", t.run("XADD", "s", "7", "a"));
        assertEquals("(nil)", t.run("XADD", "nokey", "NOMKSTREAM", "1-1", "a", "1"));
        assertEquals("(integer) 0", t.run("EXISTS", "nokey"));
        assertEquals("(error) ERR The MAXLEN argument must be >= 0.", t.run("XADD", "s", "MAXLEN", "-1", "7", "a", "1"));
        assertEquals("(error) ERR syntax error, LIMIT cannot be used without the special ~ option",
                t.run("XADD", "s", "MAXLEN", "1", "LIMIT", "1", "7", "a", "1"));
        assertEquals("(error) ERR syntax error, LIMIT cannot be used without specifying a trimming strategy",
                t.run("XADD", "s", "LIMIT", "1", "7", "a", "1"));
        assertEquals("(error) ERR syntax error, MAXLEN and MINID options at the same time are not compatible",
                t.run("XADD", "s", "MAXLEN", "1", "MINID", "1", "7", "a", "1"));
        assertEquals("\"7-0\"", t.run("XADD", "s", "MAXLEN", "=", "2", "7", "a", "1"));
        assertEquals("[[\"6-0\", [\"a\", \"1\"]], [\"7-0\", [\"a\", \"1\"]]]", t.run("XRANGE", "s", "-", "+"));
        assertEquals("\"18446744073709551615-18446744073709551615\"",
                t.run("XADD", "s", "18446744073709551615-18446744073709551615", "a", "1"));
        assertEquals("(error) ERR The stream has exhausted the last possible ID, unable to add more items",
                t.run("XADD", "s", "*", "a", "1"));
        t.run("SET", "str", "x");
        assertEquals(WRONGTYPE, t.run("XADD", "str", "1-1", "a", "1"));
        assertEquals(WRONGTYPE, t.run("XLEN", "str"));
        assertEquals(WRONGTYPE, t.run("XRANGE", "str", "-", "+"));
    }

    @Test
    void rangesWithExclusiveAndIncompleteIds() {
        for (int i = 1; i <= 4; i++) {
            t.run("XADD", "s", i + "-1", "n", Integer.toString(i));
        }
        assertEquals("[[\"2-1\", [\"n\", \"2\"]], [\"3-1\", [\"n\", \"3\"]]]", t.run("XRANGE", "s", "(1-1", "3"));
        assertEquals("[[\"4-1\", [\"n\", \"4\"]], [\"3-1\", [\"n\", \"3\"]]]", t.run("XREVRANGE", "s", "+", "(2-1"));
        assertEquals("[[\"1-1\", [\"n\", \"1\"]]]", t.run("XRANGE", "s", "-", "+", "COUNT", "1"));
        assertEquals("(nil-array)", t.run("XRANGE", "s", "-", "+", "COUNT", "0"));
        assertEquals("[]", t.run("XRANGE", "s", "3", "2"));
        assertEquals("[]", t.run("XRANGE", "nokey", "-", "+"));
        assertEquals(INVALID_ID, t.run("XRANGE", "s", "(-", "+"));
        assertEquals("(error) ERR invalid start ID for the interval",
                t.run("XRANGE", "s", "(18446744073709551615-18446744073709551615", "+"));
        assertEquals("(error) ERR invalid end ID for the interval", t.run("XRANGE", "s", "-", "(0-0"));
        assertEquals("(error) ERR syntax error", t.run("XRANGE", "s", "-", "+", "COUNT"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("XRANGE", "s", "-", "+", "COUNT", "x"));
    }

    @Test
    void deleteTrimAndInfo() {
        for (int i = 1; i <= 5; i++) {
            t.run("XADD", "s", i + "-0", "f", "v");
        }
        assertEquals("(integer) 1", t.run("XDEL", "s", "2-0", "9-9"));
        assertEquals("(integer) 0", t.run("XDEL", "nokey", "x"));
        assertEquals(INVALID_ID, t.run("XDEL", "s", "x"));
        assertEquals("(integer) 2", t.run("XTRIM", "s", "MINID", "4"));
        assertEquals("(error) ERR syntax error, LIMIT cannot be used without specifying a trimming strategy",
                t.run("XTRIM", "s", "LIMIT", "1"));
        assertEquals("(error) ERR syntax error, XTRIM must be called with a trimming strategy", t.run("XTRIM", "s", "LIMIT", "0"));
        assertEquals("{\"length\"=(integer) 2, \"radix-tree-keys\"=(integer) 1, \"radix-tree-nodes\"=(integer) 2, "
                        + "\"last-generated-id\"=\"5-0\", \"max-deleted-entry-id\"=\"2-0\", \"entries-added\"=(integer) 5, "
                        + "\"recorded-first-entry-id\"=\"4-0\", \"groups\"=(integer) 0, \"first-entry\"=[\"4-0\", [\"f\", \"v\"]], "
                        + "\"last-entry\"=[\"5-0\", [\"f\", \"v\"]]}",
                t.run("XINFO", "STREAM", "s"));
        assertEquals("stream", t.run("TYPE", "s").replace("\"", ""));
        assertEquals("\"stream\"", t.run("OBJECT", "ENCODING", "s"));
        assertEquals("(error) ERR no such key", t.run("XINFO", "STREAM", "nokey"));
        assertEquals("(error) ERR no such key", t.run("XSETID", "nokey", "1-1"));
        assertEquals("(error) ERR The ID specified in XSETID is smaller than the target stream top item",
                t.run("XSETID", "s", "4-9"));
        assertEquals("(error) ERR The entries_added specified in XSETID is smaller than the target stream length",
                t.run("XSETID", "s", "6-0", "ENTRIESADDED", "1"));
    }

    @Test
    void groupsPendingClaimsAndLag() {
        for (int i = 1; i <= 4; i++) {
            t.run("XADD", "s", i + "-0", "f", "v" + i);
        }
        assertEquals("OK", t.run("XGROUP", "CREATE", "s", "g", "0"));
        assertEquals("(error) BUSYGROUP Consumer Group name already exists", t.run("XGROUP", "CREATE", "s", "g", "0"));
        assertEquals("(error) NOGROUP No such consumer group 'x' for key name 's'",
                t.run("XGROUP", "CREATECONSUMER", "s", "x", "c"));
        assertEquals("(error) ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want "
                + "to use the MKSTREAM option to create an empty stream automatically.", t.run("XGROUP", "CREATE", "n", "g", "0"));
        assertEquals("(error) ERR unknown subcommand or wrong number of arguments for 'create'. Try XGROUP HELP.",
                t.run("XGROUP", "create", "s", "g2", "0", "FOO"));
        t.run("XREADGROUP", "GROUP", "g", "alice", "COUNT", "2", "STREAMS", "s", ">");
        t.run("XREADGROUP", "GROUP", "g", "bob", "COUNT", "1", "STREAMS", "s", ">");
        assertEquals("[(integer) 3, \"1-0\", \"3-0\", [[\"alice\", \"2\"], [\"bob\", \"1\"]]]", t.run("XPENDING", "s", "g"));
        t.clock.advance(100);
        assertEquals("[[\"1-0\", \"alice\", (integer) 100, (integer) 1]]", t.run("XPENDING", "s", "g", "-", "+", "1"));
        assertEquals("[]", t.run("XPENDING", "s", "g", "IDLE", "200", "-", "+", "10"));
        assertEquals("[\"1-0\"]", t.run("XCLAIM", "s", "g", "bob", "50", "1-0", "JUSTID"));
        assertEquals("[[\"1-0\", \"bob\", (integer) 0, (integer) 1], [\"3-0\", \"bob\", (integer) 100, (integer) 1]]",
                t.run("XPENDING", "s", "g", "-", "+", "10", "bob"));
        assertEquals("[[\"4-0\", [\"f\", \"v4\"]]]", t.run("XCLAIM", "s", "g", "carol", "0", "4-0", "FORCE"));
        t.run("XDEL", "s", "2-0");
        assertEquals("[\"3-0\", [[\"1-0\", [\"f\", \"v1\"]]], [\"2-0\"]]",
                t.run("XAUTOCLAIM", "s", "g", "dave", "0", "0", "COUNT", "2"));
        assertEquals("(error) ERR COUNT must be > 0", t.run("XAUTOCLAIM", "s", "g", "dave", "0", "0", "COUNT", "0"));
        assertEquals("(error) NOGROUP No such key 's' or consumer group 'nog'", t.run("XPENDING", "s", "nog"));
        assertEquals("(integer) 1", t.run("XACK", "s", "g", "1-0", "2-0"));
        assertEquals("[{\"name\"=\"g\", \"consumers\"=(integer) 4, \"pending\"=(integer) 2, \"last-delivered-id\"=\"3-0\", "
                        + "\"entries-read\"=(integer) 3, \"lag\"=(integer) 1}]", t.run("XINFO", "GROUPS", "s"));
        assertEquals("(integer) 1", t.run("XGROUP", "DELCONSUMER", "s", "g", "carol"));
        assertEquals("(integer) 1", t.run("XGROUP", "DESTROY", "s", "g"));
        assertEquals("(integer) 0", t.run("XGROUP", "DESTROY", "s", "g"));
    }

    @Test
    void propagationOfGeneratedIdsAndApproximateTrims() {
        RecordingWriteLog log = new RecordingWriteLog();
        t.server.addWriteLog(log);
        t.run("XADD", "s", "*", "f", "v");
        for (int i = 0; i < 150; i++) {
            t.run("XADD", "s", "MAXLEN", "~", "10", "*", "f", "v");
        }
        t.run("XTRIM", "s", "MAXLEN", "~", "0");
        String all = String.join("\n", log.entries);
        assertTrue(all.contains("XADD s " + now(0) + "-0 f v"), all);
        // an approximate trim propagates as the exact length it left (whole nodes of 100 go)
        assertTrue(all.contains("XADD s MAXLEN = 51 " + now(0) + "-150 f v"), all);
        assertTrue(all.contains("XTRIM s MAXLEN = 0"), all);
    }

    @Test
    void exactTrimWithLimitIsRefusedToClientsButObeyedFromTheMasterOrTheAof() {
        for (int i = 1; i <= 300; i++) {
            t.run("XADD", "s", i + "-1", "f", "v");
        }
        assertEquals("(error) ERR syntax error, LIMIT cannot be used without the special ~ option",
                t.run("XTRIM", "s", "MAXLEN", "=", "10", "LIMIT", "100"));
        var master = t.newClient();
        master.markMaster();
        // what Redis propagates for an approximate trim: exact, with no node limit applied
        assertEquals("(integer) 290", t.runAs(master, "XTRIM", "s", "MAXLEN", "=", "10", "LIMIT", "100"));
        var aof = t.newClient();
        aof.markAofReplay();
        t.runAs(aof, "XADD", "s", "MAXLEN", "=", "5", "LIMIT", "100", "301-1", "f", "v");
        assertEquals("(integer) 5", t.run("XLEN", "s"));
    }
}
