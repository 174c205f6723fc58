package io.jredis.application.command.ops;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorCommandTest {

    private final CommandTester t = new CommandTester();
    private final ClientSession monitor = t.newClient();

    private void startMonitor() {
        t.send(monitor, "MONITOR");
        assertEquals(List.of("OK"), t.replies(monitor));
    }

    @Test
    void showsEachCommandAfterItRanWithEscapes() {
        startMonitor();
        t.run("SET", "k", "a\"b\n\\c\u0001");
        t.run("SELECT", "3");
        t.run("GET", "z");
        assertEquals(List.of(
                "1700000000.000000 [0 127.0.0.1:50000] \"SET\" \"k\" \"a\\\"b\\n\\\\c\\x01\"",
                "1700000000.000000 [3 127.0.0.1:50000] \"SELECT\" \"3\"",
                "1700000000.000000 [3 127.0.0.1:50000] \"GET\" \"z\""), t.replies(monitor));
    }

    @Test
    void adminCommandsAreHiddenAndSecretsRedacted() {
        startMonitor();
        t.run("CONFIG", "GET", "maxmemory");
        t.run("SLOWLOG", "LEN");
        t.run("AUTH", "pw");
        t.run("HELLO", "2", "AUTH", "default", "pw");
        assertEquals(List.of(
                "1700000000.000000 [0 127.0.0.1:50000] \"AUTH\" \"(redacted)\"",
                "1700000000.000000 [0 127.0.0.1:50000] \"HELLO\" \"2\" \"AUTH\" \"(redacted)\" \"(redacted)\""),
                t.replies(monitor));
    }

    @Test
    void transactionCommandsAppearWhenExecRunsThem() {
        startMonitor();
        t.run("MULTI");
        t.run("INCR", "n");
        assertEquals(List.of("1700000000.000000 [0 127.0.0.1:50000] \"MULTI\""), t.replies(monitor));
        t.run("EXEC");
        assertEquals(List.of("1700000000.000000 [0 127.0.0.1:50000] \"INCR\" \"n\"",
                "1700000000.000000 [0 127.0.0.1:50000] \"EXEC\""), t.replies(monitor));
    }

    @Test
    void monitorMayNotTouchKeysAndResetEndsIt() {
        startMonitor();
        t.send(monitor, "MONITOR");
        assertEquals(List.of(), t.replies(monitor)); // a second MONITOR is ignored silently
        t.send(monitor, "GET", "x");
        assertEquals(List.of("(error) ERR Replica can't interact with the keyspace"), t.replies(monitor));
        assertTrue(t.runAs(t.newClient(), "CLIENT", "LIST").contains("flags=O"));
        t.send(monitor, "RESET");
        assertEquals(List.of("RESET"), t.replies(monitor));
        t.run("PING");
        assertEquals(List.of(), t.replies(monitor));
        assertEquals(0, t.server.monitors().size());
    }

    @Test
    void refusedInsideExecAndDroppedOnDisconnect() {
        t.run("MULTI");
        t.run("MONITOR");
        assertEquals("[(error) ERR MONITOR isn't allowed for DENY BLOCKING client]", t.run("EXEC"));
        startMonitor();
        t.executor.disconnect(monitor);
        assertEquals(0, t.server.monitors().size());
    }
}
