package io.jredis.application.command.stream;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XREAD and XREADGROUP, immediate and blocking; replies and propagation as redis-server 7.0.15. */
class XreadTest {

    private final CommandTester t = new CommandTester();

    @Test
    void readsAfterTheGivenIds() {
        t.run("XADD", "s", "1-1", "f", "v1");
        t.run("XADD", "s", "2-1", "f", "v2");
        assertEquals("[[\"s\", [[\"2-1\", [\"f\", \"v2\"]]]]]", t.run("XREAD", "STREAMS", "s", "1-1"));
        assertEquals("[[\"s\", [[\"1-1\", [\"f\", \"v1\"]]]]]", t.run("XREAD", "COUNT", "1", "STREAMS", "s", "0"));
        assertEquals("(nil-array)", t.run("XREAD", "STREAMS", "s", "$"));
        assertEquals("(nil-array)", t.run("XREAD", "STREAMS", "nokey", "0"));
        assertEquals("(error) ERR Invalid stream ID specified as stream command argument",
                t.run("XREAD", "STREAMS", "s", "+"));
        assertEquals("(error) ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be "
                + "specified.", t.run("XREAD", "STREAMS", "s", "t", "0"));
        assertEquals("(error) ERR timeout is not an integer or out of range",
                t.run("XREAD", "BLOCK", "1.5", "STREAMS", "s", "0"));
    }

    @Test
    void oneXaddServesEveryBlockedReaderInArrivalOrder() {
        t.run("XADD", "s", "1-1", "f", "v1");
        ClientSession a = t.newClient();
        ClientSession b = t.newClient();
        t.send(a, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        t.send(b, "XREAD", "BLOCK", "1000", "STREAMS", "other", "s", "0", "$");
        assertEquals(List.of(), t.replies(a));
        t.run("XADD", "s", "2-1", "f", "v2");
        assertEquals(List.of("[[\"s\", [[\"2-1\", [\"f\", \"v2\"]]]]]"), t.replies(a));
        assertEquals(List.of("[[\"s\", [[\"2-1\", [\"f\", \"v2\"]]]]]"), t.replies(b));
    }

    @Test
    void blockTimesOutExactly() {
        ClientSession a = t.newClient();
        t.send(a, "XREAD", "BLOCK", "100", "STREAMS", "s", "$");
        t.clock.advance(99);
        t.expireBlocked();
        assertEquals(List.of(), t.replies(a));
        t.clock.advance(1);
        t.expireBlocked();
        assertEquals(List.of("(nil-array)"), t.replies(a));
    }

    @Test
    void noBlockingInsideMulti() {
        t.run("MULTI");
        t.run("XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        assertEquals("[(nil-array)]", t.run("EXEC"));
    }

    @Test
    void groupReadersGetErrorsWhenTheStreamOrGroupGoes() {
        t.run("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        ClientSession a = t.newClient();
        ClientSession b = t.newClient();
        t.send(a, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        t.send(b, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        t.run("DEL", "s");
        assertEquals(List.of("(error) UNBLOCKED the stream key no longer exists"), t.replies(a));
        assertEquals(List.of(), t.replies(b));
        t.run("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        t.send(a, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        t.run("XGROUP", "DESTROY", "s", "g");
        assertEquals(List.of("(error) NOGROUP the consumer group this client was blocked on no longer exists"),
                t.replies(a));
    }

    @Test
    void groupReadPropagatesAsXclaim() {
        RecordingWriteLog log = new RecordingWriteLog();
        t.server.addWriteLog(log);
        t.run("XADD", "a", "1-1", "f", "v");
        t.run("XADD", "a", "2-1", "f", "v");
        t.run("XGROUP", "CREATE", "a", "g", "0");
        assertEquals("[[\"a\", [[\"1-1\", [\"f\", \"v\"]]]]]",
                t.run("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "a", ">"));
        t.run("XREADGROUP", "GROUP", "g", "c", "STREAMS", "a", "0");
        t.run("XREADGROUP", "GROUP", "g", "c2", "NOACK", "STREAMS", "a", ">");
        String all = String.join("\n", log.entries);
        long now = t.clock.millis();
        assertTrue(all.contains("XCLAIM a g c 0 1-1 TIME " + now + " RETRYCOUNT 1 FORCE JUSTID LASTID 1-1"), all);
        assertTrue(all.contains("XGROUP CREATECONSUMER a g c2"), all);
        assertTrue(all.contains("XGROUP SETID a g 2-1 ENTRIESREAD 2"), all);
    }
}
