package io.jredis.application.command.hyperloglog;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WATCH sees what Redis 7.0.15 counts as a change (checked side by side with two clients on a
 * real server): PFCOUNT refreshing a stale cache breaks a WATCH, one served from the cache does
 * not; a SETBIT that leaves the bit as it was does not, one that flips it does.
 */
class HyperLogLogWatchTest {

    private final CommandTester t = new CommandTester();
    private final ClientSession other = t.newClient();

    private String watchedExec(String... byOther) {
        t.run("WATCH", "h");
        t.runAs(other, byOther);
        t.run("MULTI");
        t.run("PING");
        return t.run("EXEC");
    }

    @Test
    void cacheRefreshIsAChangeAndACacheHitIsNot() {
        t.run("PFADD", "h", "x");
        assertEquals("(nil-array)", watchedExec("PFCOUNT", "h"));
        assertEquals("[PONG]", watchedExec("PFCOUNT", "h"));
        assertEquals("[PONG]", watchedExec("PFCOUNT", "h", "h"));
    }

    @Test
    void setbitBreaksAWatchOnlyWhenItChangesTheString() {
        t.run("PFADD", "h", "x");
        // "H" is 01001000: bit 0 is already 0, bit 1 is 1
        assertEquals("[PONG]", watchedExec("SETBIT", "h", "0", "0"));
        assertEquals("(nil-array)", watchedExec("SETBIT", "h", "1", "0"));
    }
}
