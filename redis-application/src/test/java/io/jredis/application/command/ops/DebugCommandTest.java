package io.jredis.application.command.ops;

import io.jredis.application.server.ServerConfig;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugCommandTest {

    @Test
    void refusedByDefault() {
        CommandTester t = new CommandTester();
        assertTrue(t.run("DEBUG", "SLEEP", "0").startsWith("(error) ERR DEBUG command not allowed."));
        t.run("MULTI");
        assertTrue(t.run("DEBUG", "HELP").startsWith("(error) ERR DEBUG command not allowed."));
        assertTrue(t.run("EXEC").startsWith("(error) EXECABORT"));
        String got = t.run("CONFIG", "GET", "enable-debug-command");
        assertTrue(got.contains("\"no\""), got);
    }

    @Test
    void sleepSetActiveExpireAndErrors() {
        ServerConfig config = new ServerConfig();
        config.enableDebugCommand = "local";
        CommandTester t = new CommandTester(config);
        long before = t.clock.millis();
        assertEquals("OK", t.run("DEBUG", "SLEEP", "0.25"));
        assertEquals(before + 250, t.clock.millis());
        assertEquals("OK", t.run("DEBUG", "SLEEP", "abc"));
        assertEquals("OK", t.run("DEBUG", "SET-ACTIVE-EXPIRE", "0"));
        assertFalse(t.server.activeExpireEnabled());
        assertEquals("OK", t.run("DEBUG", "SET-ACTIVE-EXPIRE", "2"));
        assertTrue(t.server.activeExpireEnabled());
        assertEquals("(error) ERR unknown subcommand or wrong number of arguments for 'sleep'. Try DEBUG HELP.",
                t.run("DEBUG", "sleep"));
        assertEquals("(error) ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.",
                t.run("DEBUG", "RELOAD", "foo"));
        assertTrue(t.run("DEBUG", "HELP").contains("SET-ACTIVE-EXPIRE <0|1>"));
    }

    @Test
    void strtodReadsTheNumericPrefix() {
        assertEquals(1.5, DebugCommand.strtod("1.5s"));
        assertEquals(0.0, DebugCommand.strtod("x1"));
        assertEquals(200.0, DebugCommand.strtod(" 2e2"));
    }
}
