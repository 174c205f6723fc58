package io.jredis.application.command.list;

import io.jredis.application.port.WriteLog;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.FakeConnection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockingListTest {

    private final CommandTester t = new CommandTester();

    private String info(String field) {
        String all = t.run("INFO", "clients");
        for (String line : all.replace("\"", "").split("\\\\r\\\\n|\r\n|\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        throw new AssertionError(field + " not in " + all);
    }

    @Test
    void servesImmediatelyWhenDataIsThere() {
        t.run("RPUSH", "b", "x");
        assertEquals("[\"b\", \"x\"]", t.run("BLPOP", "a", "b", "0"));
        assertEquals("(integer) 0", t.run("EXISTS", "b"));
    }

    @Test
    void blocksThenIsServedFirstComeFirstServed() {
        ClientSession c1 = t.newClient();
        ClientSession c2 = t.newClient();
        ClientSession c3 = t.newClient();
        t.send(c1, "BLPOP", "k", "0");
        t.send(c2, "BRPOP", "other", "k", "0");
        t.send(c3, "BLPOP", "k", "0");
        assertEquals(List.of(), t.replies(c1));
        assertTrue(c1.blocked());
        assertEquals("3", info("blocked_clients"));
        assertEquals("(integer) 2", t.run("RPUSH", "k", "a", "b"));
        assertEquals(List.of("[\"k\", \"a\"]"), t.replies(c1));
        assertEquals(List.of("[\"k\", \"b\"]"), t.replies(c2));
        assertEquals(List.of(), t.replies(c3));
        assertTrue(c3.blocked());
        assertFalse(c1.blocked());
        assertEquals(1, ((FakeConnection) c1.connection()).wakes);
        assertEquals("(integer) 0", t.run("EXISTS", "k"));
        assertEquals("1", info("blocked_clients"));
        t.run("LPUSH", "k", "c");
        assertEquals(List.of("[\"k\", \"c\"]"), t.replies(c3));
        assertEquals("0", info("blocked_clients"));
    }

    @Test
    void timesOutWithANullArrayAtTheDeadline() {
        ClientSession c = t.newClient();
        t.send(c, "BLPOP", "k", "0.5");
        assertEquals(t.clock.millis() + 500, t.executor.nearestBlockDeadline());
        assertEquals("1", info("clients_in_timeout_table"));
        t.clock.advance(499);
        t.expireBlocked();
        assertEquals(List.of(), t.replies(c));
        t.clock.advance(1);
        t.expireBlocked();
        assertEquals(List.of("(nil-array)"), t.replies(c));
        assertFalse(c.blocked());
        assertEquals(0, t.executor.nearestBlockDeadline());
        t.run("RPUSH", "k", "a");
        assertEquals(List.of(), t.replies(c));
    }

    @Test
    void aWaiterThatFindsNothingKeepsItsPlaceAndDeadline() {
        ClientSession c1 = t.newClient();
        ClientSession c2 = t.newClient();
        t.send(c1, "BLPOP", "k", "10");
        t.send(c2, "BLPOP", "k", "0");
        // overwritten with another type: the waiters keep waiting (Redis 7.0)
        assertEquals("OK", t.run("SET", "k", "str"));
        assertEquals(List.of(), t.replies(c1));
        assertTrue(c1.blocked());
        t.run("DEL", "k");
        t.run("RPUSH", "src", "v");
        assertEquals("OK", t.run("RENAME", "src", "k"));
        assertEquals(List.of("[\"k\", \"v\"]"), t.replies(c1));
        assertTrue(c2.blocked());
        t.clock.advance(20_000);
        t.expireBlocked();
        assertTrue(c2.blocked(), "BLPOP 0 never times out");
    }

    @Test
    void onlyAfterExecAsAWhole() {
        ClientSession c = t.newClient();
        t.send(c, "BLPOP", "k", "0");
        t.run("MULTI");
        t.run("RPUSH", "k", "a");
        t.run("LPOP", "k");
        t.run("RPUSH", "k", "b");
        assertEquals("[(integer) 1, \"a\", (integer) 1]", t.run("EXEC"));
        assertEquals(List.of("[\"k\", \"b\"]"), t.replies(c));
    }

    @Test
    void insideMultiBlockingCommandsDoNotBlock() {
        t.run("MULTI");
        t.run("BLPOP", "k", "0");
        t.run("BLMOVE", "k", "d", "LEFT", "LEFT", "0");
        t.run("BLMPOP", "0", "1", "k", "LEFT");
        t.run("BRPOPLPUSH", "k", "d", "0");
        assertEquals("[(nil-array), (nil), (nil-array), (nil)]", t.run("EXEC"));
        assertFalse(t.session().blocked());
    }

    @Test
    void blmoveChainsServeTheDestinationInTheSamePass() {
        ClientSession mover = t.newClient();
        ClientSession popper = t.newClient();
        t.send(mover, "BLMOVE", "a", "b", "LEFT", "RIGHT", "0");
        t.send(popper, "BLPOP", "b", "0");
        t.run("RPUSH", "a", "x");
        assertEquals(List.of("\"x\""), t.replies(mover));
        assertEquals(List.of("[\"b\", \"x\"]"), t.replies(popper));
        assertEquals("(integer) 0", t.run("EXISTS", "a"));
        assertEquals("(integer) 0", t.run("EXISTS", "b"));
    }

    @Test
    void blmoveToAWrongTypeDestinationGetsWrongtype() {
        ClientSession c = t.newClient();
        t.send(c, "BLMOVE", "src", "dst", "LEFT", "RIGHT", "0");
        t.run("SET", "dst", "str");
        t.run("LPUSH", "src", "x");
        assertEquals(List.of("(error) WRONGTYPE Operation against a key holding the wrong kind of value"), t.replies(c));
        assertEquals("[\"x\"]", t.run("LRANGE", "src", "0", "-1"));
    }

    @Test
    void blmpopServesUpToCountFromTheReadyKey() {
        ClientSession c = t.newClient();
        t.send(c, "BLMPOP", "0", "2", "a", "b", "RIGHT", "COUNT", "2");
        t.run("RPUSH", "b", "1", "2", "3");
        assertEquals(List.of("[\"b\", [\"3\", \"2\"]]"), t.replies(c));
    }

    @Test
    void servesFromTheKeyThatBecameReadyNotTheFirstKey() {
        ClientSession c = t.newClient();
        t.send(c, "BLPOP", "a", "b", "0");
        t.run("MULTI");
        t.run("RPUSH", "b", "fromb");
        t.run("RPUSH", "a", "froma");
        t.run("EXEC");
        assertEquals(List.of("[\"b\", \"fromb\"]"), t.replies(c));
    }

    @Test
    void disconnectWhileBlockedLosesNothing() {
        ClientSession c1 = t.newClient();
        ClientSession c2 = t.newClient();
        t.send(c1, "BLPOP", "k", "0");
        t.send(c2, "BLPOP", "k", "0");
        t.executor.disconnect(c1);
        t.run("RPUSH", "k", "a");
        assertEquals(List.of("[\"k\", \"a\"]"), t.replies(c2));
        assertEquals("0", info("blocked_clients"));
    }

    @Test
    void clientUnblock() {
        ClientSession c = t.newClient();
        t.send(c, "BLPOP", "k", "0");
        assertEquals("(integer) 1", t.run("CLIENT", "UNBLOCK", Long.toString(c.id())));
        assertEquals(List.of("(nil-array)"), t.replies(c));
        assertEquals("(integer) 0", t.run("CLIENT", "UNBLOCK", Long.toString(c.id())));
        t.send(c, "BLMOVE", "k", "d", "LEFT", "LEFT", "0");
        assertEquals("(integer) 1", t.run("CLIENT", "UNBLOCK", Long.toString(c.id()), "error"));
        assertEquals(List.of("(error) UNBLOCKED client unblocked via CLIENT UNBLOCK"), t.replies(c));
        assertEquals("(error) ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR",
                t.run("CLIENT", "UNBLOCK", "1", "foo"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("CLIENT", "UNBLOCK", "x"));
    }

    @Test
    void timeoutArguments() {
        assertEquals("(error) ERR timeout is not a float or out of range", t.run("BLPOP", "k", "abc"));
        assertEquals("(error) ERR timeout is not a float or out of range", t.run("BLPOP", "k", ""));
        assertEquals("(error) ERR timeout is not a float or out of range", t.run("BLPOP", "k", "1e5000"));
        assertEquals("(error) ERR timeout is negative", t.run("BLPOP", "k", "-1"));
        assertEquals("(error) ERR timeout is negative", t.run("BLPOP", "k", "inf"));
        assertEquals("(error) ERR timeout is negative", t.run("BLPOP", "k", "1e400"));
        assertEquals("(error) ERR timeout is negative", t.run("BLMOVE", "k", "d", "LEFT", "LEFT", "-1"));
        assertEquals("(error) ERR numkeys should be greater than 0", t.run("BLMPOP", "-1", "0", "k", "LEFT"));
        ClientSession c = t.newClient();
        t.send(c, "BLPOP", "k", "-0.0001"); // truncates to 0 ms: waits forever, as Redis
        assertTrue(c.blocked());
        assertEquals(0, t.executor.nearestBlockDeadline());
    }

    @Test
    void propagatesNonBlockingForms() {
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
        t.run("RPUSH", "k", "a", "b", "c");
        t.run("BLPOP", "k", "0");
        t.run("LMPOP", "1", "k", "RIGHT", "COUNT", "5");
        ClientSession c = t.newClient();
        ClientSession m = t.newClient();
        t.send(c, "BRPOP", "k", "0");
        t.send(m, "BLMOVE", "s", "d", "LEFT", "RIGHT", "0");
        t.run("RPUSH", "k", "x");
        t.run("RPUSH", "s", "y");
        t.run("BRPOPLPUSH", "d", "e", "0");
        assertEquals(List.of("RPUSH k a b c", "LPOP k", "RPOP k 2", "RPUSH k x", "RPOP k", "RPUSH s y",
                "LMOVE s d LEFT RIGHT", "RPOPLPUSH d e"), log);
    }

    @Test
    void aBlockedClientIsNotClosedAsIdle() {
        t.config.timeoutSeconds = 1;
        ClientSession blocked = t.newClient();
        ClientSession idle = t.newClient();
        t.send(blocked, "BLPOP", "k", "0");
        t.clock.advance(5_000);
        new io.jredis.application.server.ServerCron(t.server).run();
        assertFalse(((FakeConnection) blocked.connection()).closed);
        assertTrue(((FakeConnection) idle.connection()).closed);
    }

    @Test
    void swapdbServesClientsWhoseKeysArriveWithTheOtherDatabase() {
        ClientSession c = t.newClient();
        t.send(c, "BLPOP", "a", "0");
        assertTrue(t.run("CLIENT", "LIST").contains("flags=b"));
        t.run("SELECT", "1");
        t.run("RPUSH", "a", "1");
        t.run("SWAPDB", "0", "1");
        assertEquals(List.of("[\"a\", \"1\"]"), t.replies(c));
        assertFalse(t.run("CLIENT", "LIST").contains("flags=b"));
    }
}
