package io.jredis.application.script;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script past busy-reply-threshold, driven by the manual clock: the pump stands in for the
 * event loop and runs another client's commands from inside the script. Replies checked on
 * redis-server 7.0.15 (busy-reply-threshold 100).
 */
class BusyScriptTest {

    private static final String BUSY =
            "(error) BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";

    private final CommandTester t = new CommandTester();
    private final ClientSession other = t.newClient();
    private final List<String> seen = new ArrayList<>();
    private int passes;

    @Test
    void aLoopingScriptServesOthersBusyUntilKilled() {
        t.run("CONFIG", "SET", "busy-reply-threshold", "100");
        t.server.setBusyScriptPump(() -> {
            passes++;
            if (passes == 1) {
                t.send(other, "GET", "x");
                t.send(other, "SHUTDOWN");
                t.send(other, "MULTI");
                t.send(other, "GET", "x");
                t.send(other, "EXEC");
                seen.addAll(t.replies(other));
            } else if (passes == 3) {
                t.send(other, "SCRIPT", "KILL");
                seen.addAll(t.replies(other));
            }
            t.clock.advance(20);
            return false;
        });
        assertEquals("(integer) 1", t.run("EVAL", "local i = 0 while i < 100000 do i = i + 1 end return 1", "0"));
        assertEquals(0, passes, "the clock did not move: never busy");

        String body = "while true do pcall(function() while true do end end) end";
        t.clock.advanceOnEveryRead(1);
        t.send(t.session(), "EVAL", body, "0");
        assertEquals(List.of(BUSY, BUSY, "OK", BUSY,
                "(error) EXECABORT Transaction discarded because of: BUSY Redis is busy running a script. "
                        + "You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
                "OK"), seen);
        assertEquals(3, passes);
        assertEquals(List.of("(error) ERR Script killed by user with SCRIPT KILL... script: "
                + ScriptEngine.sha1hex(body.getBytes()) + ", on @user_script:1."), t.replies(t.session()));
        assertFalse(t.server.busyScript());
        assertEquals("(nil)", t.runAs(other, "GET", "x"));
        assertEquals("(error) NOTBUSY No scripts in execution right now.", t.runAs(other, "SCRIPT", "KILL"));
    }

    @Test
    void aScriptThatWroteIsUnkillableAndEndsWithShutdownNosave() {
        t.run("CONFIG", "SET", "lua-time-limit", "100");
        assertEquals("{\"lua-time-limit\"=\"100\"}", t.run("CONFIG", "GET", "lua-time-limit"));
        t.server.setBusyScriptPump(() -> {
            passes++;
            t.clock.advance(20);
            if (passes == 1) {
                t.send(other, "SCRIPT", "KILL");
                seen.addAll(t.replies(other));
                assertTrue(t.server.busyScript());
                return false;
            }
            return true; // SHUTDOWN NOSAVE ran: the server is stopping
        });
        t.clock.advanceOnEveryRead(1);
        t.send(t.session(), "EVAL", "redis.call('set','k','v') while true do end", "0");
        assertEquals(List.of("(error) UNKILLABLE Sorry the script already executed write commands against the "
                + "dataset. You can either wait the script termination or kill the server in a hard way using "
                + "the SHUTDOWN NOSAVE command."), seen);
        assertEquals(2, passes);
        assertEquals(List.of(), t.replies(t.session()), "the server exits: the script's client gets no reply");
        assertFalse(t.server.busyScript());
    }
}
