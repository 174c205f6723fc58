package io.jredis.application.command.transaction;

import io.jredis.application.server.ServerConfig;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MULTI, EXEC, DISCARD and queuing; every expectation observed on Redis 7.0.15. */
class TransactionTest {

    private static final String EXECABORT = "(error) EXECABORT Transaction discarded because of previous errors.";

    private final CommandTester t = new CommandTester();

    @Test
    void queuesAndRunsAtomicallyReplyingEveryResult() {
        assertEquals("OK", t.run("MULTI"));
        assertEquals("QUEUED", t.run("SET", "a", "1"));
        assertEquals("QUEUED", t.run("GET", "a"));
        assertEquals("(nil)", t.runAs(t.newClient(), "GET", "a"), "nothing runs before EXEC");
        assertEquals("[OK, \"1\"]", t.run("EXEC"));
        assertEquals("\"1\"", t.run("GET", "a"));
        assertEquals("(error) ERR EXEC without MULTI", t.run("EXEC"), "EXEC ends the transaction");
    }

    @Test
    void emptyTransactionRepliesEmptyArray() {
        t.run("MULTI");
        assertEquals("[]", t.run("EXEC"));
    }

    @Test
    void queuingErrorsAbortTheWholeTransaction() {
        String[][] refused = {
            {"GET"}, {"FOO", "x"}, {"CLIENT", "NOSUCH"}, {"OBJECT", "ENCODING"},
        };
        String[] errors = {
            "(error) ERR wrong number of arguments for 'get' command",
            "(error) ERR unknown command 'FOO', with args beginning with: 'x' ",
            "(error) ERR unknown subcommand 'NOSUCH'. Try CLIENT HELP.",
            "(error) ERR wrong number of arguments for 'object|encoding' command",
        };
        for (int i = 0; i < refused.length; i++) {
            t.run("MULTI");
            assertEquals("QUEUED", t.run("SET", "a", "1"));
            assertEquals(errors[i], t.run(refused[i]));
            assertEquals("QUEUED", t.run("SET", "b", "1"), "queuing goes on after the error");
            assertEquals(EXECABORT, t.run("EXEC"));
            assertEquals("(integer) 0", t.run("EXISTS", "a", "b"), String.join(" ", refused[i]));
            assertFalse(t.session().inMulti());
        }
    }

    @Test
    void aCommandFlaggedNoMultiIsRefusedAndAbortsTheTransaction() {
        // Redis 7.0.15 flags SAVE, SHUTDOWN, SYNC and PSYNC no-multi.
        CommandTester tester = new CommandTester();
        tester.run("MULTI");
        assertEquals("(error) ERR Command not allowed inside a transaction", tester.run("SAVE"));
        assertEquals("QUEUED", tester.run("SET", "a", "1"));
        assertEquals(EXECABORT, tester.run("EXEC"));
        assertEquals("(nil)", tester.run("GET", "a"));
    }

    @Test
    void noauthWhileQueuingAbortsTheTransactionAndARefusedExecSaysWhy() {
        ServerConfig config = new ServerConfig();
        config.requirepass = "pw";
        CommandTester tester = new CommandTester(config);
        assertEquals("(error) NOAUTH Authentication required.", tester.run("MULTI"));
        assertEquals("OK", tester.run("AUTH", "pw"));
        tester.run("MULTI");
        assertEquals("QUEUED", tester.run("SET", "a", "1"));
        // As an ACL change would do in Redis: the client is no longer authenticated.
        tester.session().setAuthenticated(false);
        assertEquals("(error) NOAUTH Authentication required.", tester.run("GET", "a"));
        assertEquals("(error) EXECABORT Transaction discarded because of: NOAUTH Authentication required.",
                tester.run("EXEC"));
        assertFalse(tester.session().inMulti());
    }

    @Test
    void runtimeErrorsStayInTheirSlotAndTheOthersRun() {
        t.run("MULTI");
        t.run("SET", "a", "1");
        t.run("INCR", "a");
        t.run("SET", "x", "y");
        t.run("INCR", "x");
        t.run("SET", "a", "1", "EX", "0");
        t.run("GET", "a");
        assertEquals("[OK, (integer) 2, OK, (error) ERR value is not an integer or out of range, "
                + "(error) ERR invalid expire time in 'set' command, \"2\"]", t.run("EXEC"));
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
    void wrongArityOfTheTransactionCommandsThemselves() {
        t.run("MULTI");
        assertEquals("(error) ERR wrong number of arguments for 'discard' command", t.run("DISCARD", "x"));
        assertEquals(EXECABORT, t.run("EXEC"));
        t.run("MULTI");
        assertEquals("(error) ERR wrong number of arguments for 'multi' command", t.run("MULTI", "x"));
        assertEquals(EXECABORT, t.run("EXEC"));
        t.run("MULTI");
        assertEquals("(error) ERR wrong number of arguments for 'watch' command", t.run("WATCH"));
        assertEquals(EXECABORT, t.run("EXEC"));
        assertEquals("(error) ERR wrong number of arguments for 'unwatch' command", t.run("UNWATCH", "x"));
    }

    @Test
    void execWithWrongArityEndsTheTransactionSayingWhyEvenOutsideMulti() {
        String abort = "(error) EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command";
        t.run("MULTI");
        t.run("SET", "a", "1");
        assertEquals(abort, t.run("EXEC", "x"));
        assertFalse(t.session().inMulti());
        assertEquals("(error) ERR EXEC without MULTI", t.run("EXEC"));
        assertEquals("(nil)", t.run("GET", "a"));
        // Outside MULTI too, and it ends the watches as DISCARD would.
        ClientSession other = t.newClient();
        t.run("WATCH", "k");
        assertEquals(abort, t.run("EXEC", "x"));
        t.runAs(other, "SET", "k", "1");
        t.run("MULTI");
        assertEquals("[]", t.run("EXEC"));
    }

    @Test
    void unwatchAndPingQueueInsideMulti() {
        t.run("MULTI");
        assertEquals("QUEUED", t.run("UNWATCH"));
        assertEquals("QUEUED", t.run("PING"));
        assertEquals("[OK, PONG]", t.run("EXEC"));
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
    void resetEndsTheTransaction() {
        t.run("MULTI");
        t.run("SET", "a", "1");
        assertEquals("RESET", t.run("RESET"));
        assertEquals("(error) ERR EXEC without MULTI", t.run("EXEC"));
        assertEquals("(nil)", t.run("GET", "a"));
    }

    @Test
    void aDoomedTransactionStopsKeepingCommandsYetSaysQueued() {
        // CLIENT LIST on Redis 7.0.15: multi=2 stays 2 after an unknown command, multi=0 after a
        // watched key changed.
        t.run("MULTI");
        t.run("SET", "a", "1");
        t.run("SET", "abc", "12345");
        assertEquals(2, t.session().queued().size());
        t.run("FOO");
        assertEquals("QUEUED", t.run("SET", "b", "1"));
        assertEquals(2, t.session().queued().size());
        assertEquals(EXECABORT, t.run("EXEC"));

        t.run("WATCH", "k");
        t.runAs(t.newClient(), "SET", "k", "1");
        t.run("MULTI");
        assertEquals("QUEUED", t.run("GET", "k"));
        assertEquals(0, t.session().queued().size());
        assertEquals("(nil-array)", t.run("EXEC"));
    }

    @Test
    void clientListShowsTheQueueAndTheLastCommandAsRedis() {
        ClientSession observer = t.newClient();
        t.run("MULTI");
        assertEquals("flags=x multi=0 multi-mem=0 cmd=multi", fields(observer));
        t.run("SET", "a", "1");
        assertEquals("flags=x multi=1 multi-mem=29 cmd=set", fields(observer));
        t.run("SET", "abc", "12345");
        assertEquals("flags=x multi=2 multi-mem=64 cmd=set", fields(observer));
        t.run("FOO");
        assertEquals("flags=x multi=2 multi-mem=64 cmd=NULL", fields(observer));
        t.run("EXEC");
        assertEquals("flags=N multi=-1 multi-mem=0 cmd=exec", fields(observer));

        t.run("WATCH", "k");
        t.runAs(t.newClient(), "SET", "k", "1");
        assertEquals("flags=d multi=-1 multi-mem=0 cmd=watch", fields(observer));
        t.run("MULTI");
        t.run("GET", "k");
        assertEquals("flags=xd multi=0 multi-mem=0 cmd=get", fields(observer));
        t.run("EXEC");
        assertEquals("flags=N multi=-1 multi-mem=0 cmd=exec", fields(observer));

        t.run("MULTI");
        t.run("SET", "a", "2");
        t.run("GET", "a");
        t.run("EXEC");
        assertEquals("flags=N multi=-1 multi-mem=0 cmd=exec", fields(observer), "not the last queued command");
        t.run("GET");
        assertEquals("flags=N multi=-1 multi-mem=0 cmd=get", fields(observer), "refused commands count");
    }

    @Test
    void insideExecTheClientIsStillInMulti() {
        t.run("MULTI");
        t.run("SET", "a", "1");
        t.run("CLIENT", "INFO");
        String info = t.run("EXEC");
        assertTrue(info.contains(" flags=x "), info);
        assertTrue(info.contains(" multi=2 "), info);
        assertTrue(info.contains(" argv-mem=4 multi-mem=55 "), info);
        assertTrue(info.contains(" cmd=exec "), info);
        assertFalse(t.session().inMulti());
    }

    @Test
    void theQueuedCommandsShareExecsTime() {
        t.run("MULTI");
        t.run("SET", "k", "v", "PX", "1");
        t.run("GET", "k");
        t.run("PTTL", "k");
        t.clock.advanceOnEveryRead(5);
        assertEquals("[OK, \"v\", (integer) 1]", t.run("EXEC"));
        assertEquals("(nil)", t.run("GET", "k"));
    }

    @Test
    void commandStatsCountWhatRunsInsideExecAsRedis() {
        // The same sequence on Redis 7.0.15 (INFO commandstats deltas, calls/rejected/failed):
        // exec 5/1/3, multi 7/0/1, discard 2/0/1, watch 2/0/1, get 1/1/0, incr 2/0/1, set 3/0/0;
        // errorstat ERR 7, EXECABORT 3.
        ClientSession other = t.newClient();
        String[][] script = {
            {"MULTI"}, {"SET", "a", "1"}, {"INCR", "a"}, {"SET", "x", "y"}, {"INCR", "x"}, {"GET", "a"}, {"EXEC"},
            {"MULTI"}, {"GET"}, {"EXEC"},
            {"MULTI"}, {"FOO"}, {"EXEC"},
            {"WATCH", "k"}, {"@", "SET", "k", "1"}, {"MULTI"}, {"GET", "k"}, {"EXEC"},
            {"MULTI"}, {"MULTI"}, {"WATCH", "k"}, {"DISCARD"},
            {"EXEC"}, {"DISCARD"},
            {"MULTI"}, {"EXEC", "x"},
        };
        for (String[] cmd : script) {
            if (cmd[0].equals("@")) {
                t.runAs(other, java.util.Arrays.copyOfRange(cmd, 1, cmd.length));
            } else {
                t.run(cmd);
            }
        }
        String stats = t.runAs(other, "INFO", "commandstats") + t.runAs(other, "INFO", "errorstats");
        assertEquals("5/1/3", stat(stats, "exec"));
        assertEquals("7/0/1", stat(stats, "multi"));
        assertEquals("2/0/1", stat(stats, "discard"));
        assertEquals("2/0/1", stat(stats, "watch"));
        assertEquals("1/1/0", stat(stats, "get"));
        assertEquals("2/0/1", stat(stats, "incr"));
        assertEquals("3/0/0", stat(stats, "set"));
        assertTrue(stats.contains("errorstat_ERR:count=7"), stats);
        assertTrue(stats.contains("errorstat_EXECABORT:count=3"), stats);
    }

    private static String stat(String info, String command) {
        Matcher m = Pattern.compile("cmdstat_" + Pattern.quote(command)
                + ":calls=(\\d+),usec=\\d+,usec_per_call=[\\d.]+,rejected_calls=(\\d+),failed_calls=(\\d+)").matcher(info);
        return m.find() ? m.group(1) + "/" + m.group(2) + "/" + m.group(3) : "missing";
    }

    /** The transaction fields of the default client's CLIENT LIST line, as another client sees it. */
    private String fields(ClientSession observer) {
        String list = t.runAs(observer, "CLIENT", "LIST");
        String line = list.substring(1, list.length() - 1).split("\\\\n|\n")[0];
        StringBuilder sb = new StringBuilder();
        for (String kv : line.split(" ")) {
            String k = kv.substring(0, kv.indexOf('='));
            if (k.equals("flags") || k.equals("multi") || k.equals("multi-mem") || k.equals("cmd")) {
                sb.append(sb.isEmpty() ? "" : " ").append(kv);
            }
        }
        return sb.toString();
    }
}
