package io.jredis.application.command.server;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfoStatsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void commandstatsCountCallsRejectionsAndFailures() {
        t.run("SET", "k", "v");
        t.run("GET", "k");
        t.run("GET", "k");
        t.run("GET"); // wrong arity: rejected, not called
        t.run("SET", "k", "v", "EX", "0"); // runs and fails
        String info = t.run("INFO", "commandstats");
        assertTrue(info.matches("(?s).*cmdstat_get:calls=2,usec=\\d+,usec_per_call=\\d+\\.\\d\\d,rejected_calls=1,failed_calls=0.*"), info);
        assertTrue(info.contains("cmdstat_set:calls=2,"), info);
        assertTrue(info.matches("(?s).*cmdstat_set:[^\\r]*failed_calls=1.*"), info);
        assertFalse(info.contains("cmdstat_ping"), "commands never called are not listed");
    }

    @Test
    void errorsInsideExecCountForTheFailingCommandNotForExec() {
        t.run("MULTI");
        t.run("SET", "k", "v", "EX", "0");
        t.run("EXEC");
        String info = t.run("INFO", "commandstats");
        assertTrue(info.matches("(?s).*cmdstat_exec:calls=1,[^\\r]*failed_calls=0.*"), info);
        assertTrue(info.matches("(?s).*cmdstat_set:calls=1,[^\\r]*failed_calls=1.*"), info);
    }

    @Test
    void errorstatsAndTotalErrorRepliesCountByCode() {
        t.run("GET");
        t.run("nosuch");
        t.run("SET", "k", "v", "EX", "0");
        assertTrue(t.run("INFO", "stats").contains("total_error_replies:3"));
        String info = t.run("INFO", "errorstats");
        assertTrue(info.contains("errorstat_ERR:count=3"), info);
    }
}
