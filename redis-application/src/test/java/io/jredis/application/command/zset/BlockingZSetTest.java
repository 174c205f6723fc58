package io.jredis.application.command.zset;

import io.jredis.application.port.WriteLog;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BZPOPMIN, BZPOPMAX and BZMPOP; replies and propagation read off redis-server 7.0.15. */
class BlockingZSetTest {

    private static final String WRONGTYPE = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";

    private final CommandTester t = new CommandTester();

    @Test
    void servesImmediatelyFromTheFirstNonEmptySet() {
        t.run("ZADD", "b", "1", "x", "2", "y", "3", "z");
        assertEquals("[\"b\", \"x\", (double) 1.0]", t.run("BZPOPMIN", "a", "b", "0"));
        assertEquals("[\"b\", \"z\", (double) 3.0]", t.run("BZPOPMAX", "a", "b", "0"));
        assertEquals("[\"b\", [[\"y\", (double) 2.0]]]", t.run("BZMPOP", "0", "2", "a", "b", "MIN", "COUNT", "5"));
        assertEquals("(integer) 0", t.run("EXISTS", "b"));
        t.run("ZADD", "b", "1", "x", "2", "y", "3", "z");
        assertEquals("[\"b\", [[\"z\", (double) 3.0], [\"y\", (double) 2.0]]]",
                t.run("BZMPOP", "0", "1", "b", "max", "count", "2"));
        assertEquals("[\"b\", [[\"x\", (double) 1.0]]]", t.run("BZMPOP", "0", "1", "b", "MIN"));
    }

    @Test
    void resp3ScoresAreDoubles() {
        t.session().setProtocol(3);
        t.run("ZADD", "z", "1.5", "a", "2", "b");
        assertEquals("[\"z\", \"a\", (double) 1.5]", t.run("BZPOPMIN", "z", "0"));
        assertEquals("[\"z\", [[\"b\", (double) 2.0]]]", t.run("BZMPOP", "0", "1", "z", "MAX"));
    }

    @Test
    void errors() {
        t.run("SET", "s", "v");
        assertEquals(WRONGTYPE, t.run("BZPOPMIN", "nx", "s", "0"));
        assertEquals(WRONGTYPE, t.run("BZMPOP", "0", "2", "nx", "s", "MIN"));
        assertEquals("(error) ERR timeout is negative", t.run("BZPOPMIN", "z", "-1"));
        assertEquals("(error) ERR timeout is not a float or out of range", t.run("BZPOPMAX", "z", "x"));
        assertEquals("(error) ERR numkeys should be greater than 0", t.run("BZMPOP", "0", "0", "z", "MIN"));
        assertEquals("(error) ERR numkeys should be greater than 0", t.run("BZMPOP", "x", "0", "z", "MIN"));
        assertEquals("(error) ERR timeout is not a float or out of range", t.run("BZMPOP", "x", "1", "z", "MIN"));
        assertEquals("(error) ERR syntax error", t.run("BZMPOP", "0", "1", "z", "FOO"));
        assertEquals("(error) ERR syntax error", t.run("BZMPOP", "0", "2", "z", "MIN"));
        assertEquals("(error) ERR syntax error", t.run("BZMPOP", "0", "1", "z", "MIN", "COUNT"));
        assertEquals("(error) ERR syntax error", t.run("BZMPOP", "0", "1", "z", "MIN", "COUNT", "1", "COUNT", "1"));
        assertEquals("(error) ERR count should be greater than 0", t.run("BZMPOP", "0", "1", "z", "MIN", "COUNT", "0"));
        assertEquals("(error) ERR wrong number of arguments for 'bzpopmin' command", t.run("BZPOPMIN", "z"));
        assertEquals("(error) ERR wrong number of arguments for 'bzmpop' command", t.run("BZMPOP", "0", "1", "z"));
    }

    @Test
    void blocksThenServesFirstComeFirstServed() {
        ClientSession c1 = t.newClient();
        ClientSession c2 = t.newClient();
        ClientSession c3 = t.newClient();
        t.send(c1, "BZPOPMIN", "z", "0");
        t.send(c2, "BZPOPMAX", "other", "z", "0");
        t.send(c3, "BZMPOP", "0", "1", "z", "MIN", "COUNT", "2");
        assertEquals(List.of(), t.replies(c1));
        assertTrue(c1.blocked());
        assertEquals("(integer) 2", t.run("ZADD", "z", "1", "a", "2", "b"));
        assertEquals(List.of("[\"z\", \"a\", (double) 1.0]"), t.replies(c1));
        assertEquals(List.of("[\"z\", \"b\", (double) 2.0]"), t.replies(c2));
        assertEquals(List.of(), t.replies(c3));
        assertTrue(c3.blocked());
        assertEquals("(integer) 0", t.run("EXISTS", "z"));
        t.run("ZADD", "z", "3", "c", "1", "a", "2", "b");
        assertEquals(List.of("[\"z\", [[\"a\", (double) 1.0], [\"b\", (double) 2.0]]]"), t.replies(c3));
        assertEquals("[\"c\"]", t.run("ZRANGE", "z", "0", "-1"));
    }

    @Test
    void timesOutWithANullArray() {
        ClientSession c = t.newClient();
        t.send(c, "BZMPOP", "0.5", "1", "z", "MIN");
        t.clock.advance(499);
        t.expireBlocked();
        assertEquals(List.of(), t.replies(c));
        t.clock.advance(1);
        t.expireBlocked();
        assertEquals(List.of("(nil-array)"), t.replies(c));
        assertFalse(c.blocked());
        t.run("ZADD", "z", "1", "a");
        assertEquals(List.of(), t.replies(c));
        assertEquals("(integer) 1", t.run("ZCARD", "z"));
    }

    @Test
    void aKeyTurningIntoAnotherTypeLeavesTheWaiterWaiting() {
        // redis-server 7.0.15: no WRONGTYPE, the client stays blocked (7.2 replies WRONGTYPE)
        ClientSession c = t.newClient();
        t.send(c, "BZPOPMIN", "k", "0");
        assertEquals("OK", t.run("SET", "k", "str"));
        t.run("DEL", "k");
        t.run("RPUSH", "k", "x");
        assertEquals(List.of(), t.replies(c));
        assertTrue(c.blocked());
        t.run("DEL", "k");
        t.run("ZADD", "k", "1", "a");
        assertEquals(List.of("[\"k\", \"a\", (double) 1.0]"), t.replies(c));
    }

    @Test
    void listAndZsetWaitersOnOneKeyAreServedByTheirOwnTypeKeepingTheirOrder() {
        // redis-server 7.0.15: the skipped BLPOP stays ahead of the later one
        ClientSession list = t.newClient();
        ClientSession zset = t.newClient();
        ClientSession later = t.newClient();
        t.send(list, "BLPOP", "k", "0");
        t.send(zset, "BZPOPMAX", "k", "0");
        t.send(later, "BLPOP", "k", "0");
        t.run("ZADD", "k", "1", "a");
        assertEquals(List.of(), t.replies(list));
        assertEquals(List.of("[\"k\", \"a\", (double) 1.0]"), t.replies(zset));
        t.run("RPUSH", "k", "v");
        assertEquals(List.of("[\"k\", \"v\"]"), t.replies(list));
        assertEquals(List.of(), t.replies(later));
    }

    @Test
    void insideMultiTheyDoNotBlock() {
        t.run("MULTI");
        t.run("BZPOPMIN", "z", "0");
        t.run("BZPOPMAX", "z", "0");
        t.run("BZMPOP", "0", "1", "z", "MIN");
        assertEquals("[(nil-array), (nil-array), (nil-array)]", t.run("EXEC"));
        assertFalse(t.session().blocked());
    }

    @Test
    void servedOnlyAfterExecFromTheKeyThatBecameReady() {
        ClientSession c = t.newClient();
        t.send(c, "BZPOPMIN", "a", "b", "0");
        t.run("MULTI");
        t.run("ZADD", "b", "5", "fromb");
        t.run("ZADD", "a", "1", "froma");
        t.run("ZPOPMIN", "b");
        t.run("ZADD", "b", "6", "again");
        t.run("EXEC");
        assertEquals(List.of("[\"b\", \"again\", (double) 6.0]"), t.replies(c));
        assertEquals("(integer) 1", t.run("EXISTS", "a"));
    }

    @Test
    void propagatesAsZpopminAndZpopmax() {
        List<String> log = new ArrayList<>();
        t.server.setWriteLog(new WriteLog() {
            @Override
            public boolean active() {
                return true;
            }

            @Override
            public void append(int db, List<byte[]> argv) {
                List<String> s = new ArrayList<>();
                for (byte[] a : argv) {
                    s.add(new String(a, StandardCharsets.UTF_8));
                }
                log.add(String.join(" ", s));
            }

            @Override
            public void beginTransaction() {
            }

            @Override
            public void endTransaction() {
            }
        });
        t.run("ZADD", "a", "1", "a", "2", "b", "3", "c");
        t.run("BZMPOP", "0", "1", "a", "MIN", "COUNT", "2");
        t.run("BZMPOP", "0", "1", "a", "MIN", "COUNT", "5");
        t.run("ZADD", "b", "1", "a", "2", "b", "3", "c");
        t.run("BZMPOP", "0", "1", "b", "MIN");
        t.run("BZPOPMAX", "b", "0");
        ClientSession c1 = t.newClient();
        ClientSession c2 = t.newClient();
        t.send(c1, "BZPOPMAX", "c", "0");
        t.send(c2, "BZMPOP", "0", "1", "e", "MIN", "COUNT", "10");
        t.run("ZADD", "c", "1", "a", "2", "b", "3", "c");
        t.run("ZADD", "e", "1", "a", "2", "b", "3", "c");
        assertEquals(List.of("ZADD a 1 a 2 b 3 c", "ZPOPMIN a 2", "ZPOPMIN a 1",
                "ZADD b 1 a 2 b 3 c", "ZPOPMIN b 1", "ZPOPMAX b",
                "ZADD c 1 a 2 b 3 c", "ZPOPMAX c", "ZADD e 1 a 2 b 3 c", "ZPOPMIN e 3"), log);
    }
}
