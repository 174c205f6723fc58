package io.jredis.application.command.transaction;

import io.jredis.application.port.WriteLog;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransactionTest {

    private final CommandTester t = new CommandTester();

    @Test
    void queuesAndRunsAtomicallyReplyingEveryResult() {
        assertEquals("OK", t.run("MULTI"));
        assertEquals("QUEUED", t.run("SET", "a", "1"));
        assertEquals("QUEUED", t.run("GET", "a"));
        assertEquals("[OK, \"1\"]", t.run("EXEC"));
        assertEquals("\"1\"", t.run("GET", "a"));
    }

    @Test
    void emptyTransactionRepliesEmptyArray() {
        t.run("MULTI");
        assertEquals("[]", t.run("EXEC"));
    }

    @Test
    void queuingErrorsAbortTheWholeTransaction() {
        t.run("MULTI");
        assertEquals("(error) ERR wrong number of arguments for 'get' command", t.run("GET"));
        assertEquals("QUEUED", t.run("SET", "a", "1"));
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.run("EXEC"));
        assertEquals("(nil)", t.run("GET", "a"));

        t.run("MULTI");
        assertEquals("(error) ERR unknown command 'FOO', with args beginning with: ", t.run("FOO"));
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.run("EXEC"));
    }

    @Test
    void runtimeErrorsStayInTheirSlot() {
        t.run("MULTI");
        t.run("SET", "a", "1", "EX", "0");
        t.run("SET", "a", "2");
        assertEquals("[(error) ERR invalid expire time in 'set' command, OK]", t.run("EXEC"));
        assertEquals("\"2\"", t.run("GET", "a"));
    }

    @Test
    void nestingWatchInsideAndStrayExecDiscardAreErrorsThatDoNotAbort() {
        assertEquals("(error) ERR EXEC without MULTI", t.run("EXEC"));
        assertEquals("(error) ERR DISCARD without MULTI", t.run("DISCARD"));
        t.run("MULTI");
        assertEquals("(error) ERR MULTI calls can not be nested", t.run("MULTI"));
        assertEquals("(error) ERR WATCH inside MULTI is not allowed", t.run("WATCH", "x"));
        t.run("SET", "a", "1");
        assertEquals("[OK]", t.run("EXEC"));
    }

    @Test
    void discardDropsTheQueue() {
        t.run("MULTI");
        t.run("SET", "a", "1");
        assertEquals("OK", t.run("DISCARD"));
        assertEquals("(nil)", t.run("GET", "a"));
        assertEquals("(error) ERR EXEC without MULTI", t.run("EXEC"));
    }

    @Test
    void watchedKeyChangedByAnotherClientFailsExec() {
        ClientSession other = t.newClient();
        t.run("SET", "k", "v");
        assertEquals("OK", t.run("WATCH", "k"));
        t.runAs(other, "SET", "k", "v"); // same value still counts
        t.run("MULTI");
        t.run("SET", "k", "mine");
        assertEquals("(nil-array)", t.run("EXEC"));
        assertEquals("\"v\"", t.run("GET", "k"));
    }

    @Test
    void watchingAMissingKeyThatGetsCreatedFailsExec() {
        ClientSession other = t.newClient();
        t.run("WATCH", "missing");
        t.runAs(other, "SET", "missing", "1");
        t.run("MULTI");
        t.run("GET", "missing");
        assertEquals("(nil-array)", t.run("EXEC"));
    }

    @Test
    void untouchedWatchLetsExecRunAndExecUnwatches() {
        ClientSession other = t.newClient();
        t.run("WATCH", "k");
        t.run("MULTI");
        t.run("SET", "k", "1");
        assertEquals("[OK]", t.run("EXEC"));
        // EXEC unwatched: a later change does not fail the next transaction.
        t.runAs(other, "SET", "k", "2");
        t.run("MULTI");
        t.run("GET", "k");
        assertEquals("[\"2\"]", t.run("EXEC"));
    }

    @Test
    void unwatchForgetsWatchedKeys() {
        ClientSession other = t.newClient();
        t.run("WATCH", "k");
        assertEquals("OK", t.run("UNWATCH"));
        t.runAs(other, "SET", "k", "2");
        t.run("MULTI");
        t.run("GET", "k");
        assertEquals("[\"2\"]", t.run("EXEC"));
    }

    @Test
    void watchedKeyThatExpiresBeforeExecFailsIt() {
        t.run("SET", "k", "v", "PX", "100");
        t.run("WATCH", "k");
        t.clock.advance(200);
        t.run("MULTI");
        t.run("SET", "x", "1");
        assertEquals("(nil-array)", t.run("EXEC"));
    }

    @Test
    void transactionWritesReachTheWriteLogAsOneBracketedUnit() {
        List<String> log = new ArrayList<>();
        t.server.setWriteLog(new WriteLog() {
            @Override
            public boolean active() {
                return true;
            }

            @Override
            public void append(int db, List<byte[]> argv) {
                StringBuilder sb = new StringBuilder();
                for (byte[] a : argv) {
                    sb.append(sb.length() == 0 ? "" : " ").append(new String(a, StandardCharsets.UTF_8));
                }
                log.add(db + ":" + sb);
            }

            @Override
            public void beginTransaction() {
                log.add("MULTI");
            }

            @Override
            public void endTransaction() {
                log.add("EXEC");
            }
        });
        t.run("MULTI");
        t.run("SET", "a", "1");
        t.run("GET", "a");
        t.run("SET", "b", "2");
        t.run("EXEC");
        assertEquals(List.of("MULTI", "0:SET a 1", "0:SET b 2", "EXEC"), log);
    }
}
