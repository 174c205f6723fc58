package io.jredis.application.command.connection;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientPauseReplyTest {

    private final CommandTester t = new CommandTester();
    private final ClientSession other = t.newClient();

    @Test
    void writePauseHoldsWritesUntilUnpauseInArrivalOrder() {
        assertEquals("OK", t.run("CLIENT", "PAUSE", "10000", "WRITE"));
        t.send(other, "GET", "k");
        assertEquals(List.of("(nil)"), t.replies(other));
        t.send(other, "SET", "k", "1");
        assertTrue(t.run("INFO", "clients").contains("blocked_clients:1"));
        t.send(other, "INCR", "k"); // the network adapter would hold it back; the executor queues it too
        assertEquals(List.of(), t.replies(other));
        assertTrue(other.blocked());
        assertEquals("(nil)", t.run("GET", "k"));
        assertEquals("OK", t.run("CLIENT", "UNPAUSE"));
        assertEquals(List.of("OK", "(integer) 2"), t.replies(other));
        assertFalse(other.blocked());
    }

    @Test
    void allPauseHoldsReadsAndEndsAtItsTimeout() {
        t.run("CLIENT", "PAUSE", "100");
        t.send(other, "PING");
        assertEquals(List.of(), t.replies(other));
        assertEquals(1_700_000_000_100L, t.executor.nearestBlockDeadline());
        t.clock.advance(99);
        t.executor.timeoutBlockedClients();
        assertEquals(List.of(), t.replies(other));
        t.clock.advance(1);
        t.executor.timeoutBlockedClients();
        assertEquals(List.of("PONG"), t.replies(other));
        assertEquals(0, t.executor.nearestBlockDeadline());
    }

    @Test
    void queuedWritesAreHeldButReadOnlyExecIsNot() {
        t.run("CLIENT", "PAUSE", "10000", "WRITE");
        t.send(other, "MULTI");
        t.send(other, "PING");
        t.send(other, "EXEC");
        assertEquals(List.of("OK", "QUEUED", "[PONG]"), t.replies(other));
        t.send(other, "MULTI");
        t.send(other, "SET", "x", "1");
        assertEquals(List.of("OK"), t.replies(other));
        t.run("CLIENT", "UNPAUSE");
        assertEquals(List.of("QUEUED"), t.replies(other));
    }

    @Test
    void errorsAndOverflowingTimeout() {
        assertEquals("(error) ERR timeout is negative", t.run("CLIENT", "PAUSE", "-1"));
        assertEquals("(error) ERR timeout is not an integer or out of range", t.run("CLIENT", "PAUSE", "x"));
        assertEquals("(error) ERR CLIENT PAUSE mode must be WRITE or ALL", t.run("CLIENT", "PAUSE", "1", "foo"));
        assertEquals("(error) ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP.",
                t.run("CLIENT", "PAUSE", "1", "ALL", "x"));
        assertEquals("OK", t.run("CLIENT", "PAUSE", "9223372036854775807"));
        t.send(other, "PING");
        assertEquals(List.of("PONG"), t.replies(other));
    }

    @Test
    void replyModesAndGetredir() {
        assertEquals("(integer) -1", t.run("CLIENT", "GETREDIR"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "REPLY", "foo"));
        t.send(other, "CLIENT", "REPLY", "SKIP");
        assertFalse(other.repliesSuppressed());
        other.commandProcessed();
        assertTrue(other.repliesSuppressed());
        other.commandProcessed();
        assertFalse(other.repliesSuppressed());
        t.send(other, "CLIENT", "REPLY", "OFF");
        other.commandProcessed();
        t.send(other, "CLIENT", "REPLY", "SKIP");
        other.commandProcessed();
        assertTrue(other.repliesSuppressed());
        other.commandProcessed();
        assertTrue(other.repliesSuppressed()); // still OFF
        t.replies(other);
        t.send(other, "CLIENT", "REPLY", "ON");
        assertEquals(List.of("OK"), t.replies(other));
        assertFalse(other.repliesSuppressed());
    }
}
