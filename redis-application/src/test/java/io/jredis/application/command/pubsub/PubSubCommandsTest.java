package io.jredis.application.command.pubsub;

import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.FakeConnection;
import io.jredis.application.testing.RecordingWriteLog;
import io.jredis.application.session.ClientSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PubSubCommandsTest {

    private final CommandTester t = new CommandTester();
    private final ClientSession sub = t.newClient();

    private List<String> send(ClientSession c, String... args) {
        t.send(c, args);
        return t.replies(c);
    }

    @Test
    void subscribeFramesCountChannelsAndPatternsTogetherAndShardChannelsApart() {
        assertEquals(List.of(">\"subscribe\", \"a\", (integer) 1<", ">\"subscribe\", \"b\", (integer) 2<",
                ">\"subscribe\", \"a\", (integer) 2<"), send(sub, "SUBSCRIBE", "a", "b", "a"));
        assertEquals(List.of(">\"psubscribe\", \"p*\", (integer) 3<"), send(sub, "PSUBSCRIBE", "p*"));
        assertEquals(List.of(">\"ssubscribe\", \"s\", (integer) 1<"), send(sub, "SSUBSCRIBE", "s"));
        assertEquals(List.of(">\"unsubscribe\", \"b\", (integer) 2<", ">\"unsubscribe\", \"zz\", (integer) 2<"),
                send(sub, "UNSUBSCRIBE", "b", "zz"));
        assertEquals(List.of(">\"punsubscribe\", \"p*\", (integer) 1<"), send(sub, "PUNSUBSCRIBE"));
        assertEquals(List.of(">\"unsubscribe\", \"a\", (integer) 0<"), send(sub, "UNSUBSCRIBE"));
        // still subscribed to a shard channel: the context stays
        assertTrue(sub.inPubSubContext());
        assertEquals(List.of(">\"sunsubscribe\", \"s\", (integer) 0<"), send(sub, "SUNSUBSCRIBE"));
        assertTrue(!sub.inPubSubContext());
    }

    @Test
    void unsubscribeWithoutAnySubscriptionRepliesANullName() {
        assertEquals(List.of(">\"unsubscribe\", (nil), (integer) 0<"), send(sub, "UNSUBSCRIBE"));
        assertEquals(List.of(">\"punsubscribe\", (nil), (integer) 0<"), send(sub, "PUNSUBSCRIBE"));
        assertEquals(List.of(">\"sunsubscribe\", (nil), (integer) 0<"), send(sub, "SUNSUBSCRIBE"));
        send(sub, "PSUBSCRIBE", "x*");
        assertEquals(List.of(">\"unsubscribe\", (nil), (integer) 1<"), send(sub, "UNSUBSCRIBE"));
    }

    @Test
    void publishDeliversMessagesThenPatternMessagesAndCountsEachFrame() {
        send(sub, "SUBSCRIBE", "news");
        send(sub, "PSUBSCRIBE", "n*", "x*");
        ClientSession other = t.newClient();
        send(other, "PSUBSCRIBE", "ne?s");
        assertEquals("(integer) 3", t.run("PUBLISH", "news", "hi"));
        assertEquals(List.of(">\"message\", \"news\", \"hi\"<", ">\"pmessage\", \"n*\", \"news\", \"hi\"<"),
                t.replies(sub));
        assertEquals(List.of(">\"pmessage\", \"ne?s\", \"news\", \"hi\"<"), t.replies(other));
        assertEquals("(integer) 0", t.run("PUBLISH", "other", "x"));
        assertEquals("(integer) 0", t.run("SPUBLISH", "news", "x"));
        assertTrue(((FakeConnection) sub.connection()).wakes >= 2);
    }

    @Test
    void shardMessagesReachOnlyShardSubscribers() {
        send(sub, "SSUBSCRIBE", "s1");
        send(sub, "PSUBSCRIBE", "*");
        assertEquals("(integer) 1", t.run("SPUBLISH", "s1", "m"));
        assertEquals(List.of(">\"smessage\", \"s1\", \"m\"<"), t.replies(sub));
        assertEquals("(integer) 1", t.run("PUBLISH", "s1", "m"));
        assertEquals(List.of(">\"pmessage\", \"*\", \"s1\", \"m\"<"), t.replies(sub));
    }

    @Test
    void resp2SubscribedContextAllowsOnlySubscriptionCommandsPingQuitReset() {
        send(sub, "SUBSCRIBE", "a");
        assertEquals(List.of("(error) ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / "
                + "QUIT / RESET are allowed in this context"), send(sub, "GET", "a"));
        assertEquals(List.of("(error) ERR Can't execute 'client|info': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / "
                + "PING / QUIT / RESET are allowed in this context"), send(sub, "CLIENT", "INFO"));
        assertEquals(List.of("[\"pong\", \"\"]"), send(sub, "PING"));
        assertEquals(List.of("[\"pong\", \"m\"]"), send(sub, "PING", "m"));
        assertEquals(List.of("RESET"), send(sub, "RESET"));
        assertNull(sub.subscriptions());
        assertEquals("(integer) 0", t.run("PUBSUB", "NUMSUB", "a").replace("[\"a\", (integer) 0]", "(integer) 0"));
        assertEquals(List.of("PONG"), send(sub, "PING"));
    }

    @Test
    void resp3SubscriberRunsAnything() {
        send(sub, "HELLO", "3");
        send(sub, "SUBSCRIBE", "a");
        assertEquals(List.of("(nil)"), send(sub, "GET", "a"));
        assertEquals(List.of("PONG"), send(sub, "PING"));
        // its own message comes before PUBLISH's reply
        assertEquals(List.of(">\"message\", \"a\", \"x\"<", "(integer) 1"), send(sub, "PUBLISH", "a", "x"));
    }

    @Test
    void pubsubIntrospection() {
        send(sub, "SUBSCRIBE", "foo", "bar");
        send(sub, "PSUBSCRIBE", "p1", "p2");
        send(sub, "SSUBSCRIBE", "sh");
        ClientSession other = t.newClient();
        send(other, "SUBSCRIBE", "foo");
        send(other, "PSUBSCRIBE", "p1");
        assertEquals("[\"foo\", \"bar\"]", t.run("PUBSUB", "CHANNELS"));
        assertEquals("[\"foo\"]", t.run("PUBSUB", "CHANNELS", "f*"));
        assertEquals("(error) ERR unknown subcommand or wrong number of arguments for 'channels'. Try PUBSUB HELP.",
                t.run("PUBSUB", "channels", "a", "b"));
        assertEquals("[\"foo\", (integer) 2, \"bar\", (integer) 1, \"p1\", (integer) 0]",
                t.run("PUBSUB", "NUMSUB", "foo", "bar", "p1"));
        assertEquals("[]", t.run("PUBSUB", "NUMSUB"));
        assertEquals("(integer) 2", t.run("PUBSUB", "NUMPAT"));
        assertEquals("[\"sh\"]", t.run("PUBSUB", "SHARDCHANNELS"));
        assertEquals("[\"sh\", (integer) 1, \"foo\", (integer) 0]", t.run("PUBSUB", "SHARDNUMSUB", "sh", "foo"));
        assertEquals("(error) ERR wrong number of arguments for 'pubsub|numpat' command", t.run("PUBSUB", "NUMPAT", "x"));
        assertTrue(t.run("INFO", "stats").contains("pubsub_channels:2\r\npubsub_patterns:2\r\npubsubshard_channels:1"));
        String info = t.run("PUBSUB", "HELP");
        assertTrue(info.startsWith("[PUBSUB <subcommand>"), info);
    }

    @Test
    void clientListShowsCountsAndFlagAndKillTypePubsubClosesSubscribers() {
        send(sub, "SUBSCRIBE", "foo", "bar");
        send(sub, "PSUBSCRIBE", "p1");
        send(sub, "SSUBSCRIBE", "sh");
        String list = t.run("CLIENT", "LIST", "TYPE", "pubsub");
        assertTrue(list.contains("id=" + sub.id() + " ") && list.contains(" flags=P db=0 sub=2 psub=1 ssub=1 "), list);
        assertEquals("(integer) 1", t.run("CLIENT", "KILL", "TYPE", "pubsub"));
        assertTrue(((FakeConnection) sub.connection()).closed);
    }

    @Test
    void disconnectedSubscribersAreForgotten() {
        send(sub, "SUBSCRIBE", "a");
        send(sub, "PSUBSCRIBE", "a*");
        send(sub, "SSUBSCRIBE", "s");
        t.executor.disconnect(sub);
        assertEquals("(integer) 0", t.run("PUBLISH", "a", "x"));
        assertEquals("[]", t.run("PUBSUB", "CHANNELS"));
        assertEquals("(integer) 0", t.run("PUBSUB", "NUMPAT"));
        assertEquals("[]", t.run("PUBSUB", "SHARDCHANNELS"));
        assertEquals(List.of(), t.replies(sub));
    }

    @Test
    void subscribeInsideMultiRunsAtExecAndEntersTheContext() {
        assertEquals(List.of("OK"), send(sub, "MULTI"));
        send(sub, "SUBSCRIBE", "q");
        send(sub, "PUBLISH", "q", "x");
        send(sub, "GET", "q");
        // the message is written in line, as in Redis: the recorder counts it as one of EXEC's
        // three elements, so GET's reply lands after the array (on the wire: *3, then four replies)
        assertEquals(List.of("[>\"subscribe\", \"q\", (integer) 1<, >\"message\", \"q\", \"x\"<, (integer) 1]",
                "(nil)"), send(sub, "EXEC"));
        assertTrue(sub.inPubSubContext());
    }

    @Test
    void publishGoesToReplicasOnlyAndJoinsTheTransaction() {
        RecordingWriteLog replicas = new RecordingWriteLog();
        RecordingWriteLog aof = new RecordingWriteLog();
        t.server.addWriteLog(new io.jredis.application.port.WriteLog() {
            @Override
            public boolean active() {
                return true;
            }

            @Override
            public void append(int db, List<byte[]> argv) {
                aof.append(db, argv);
            }

            @Override
            public void beginTransaction() {
                aof.beginTransaction();
            }

            @Override
            public void endTransaction() {
                aof.endTransaction();
            }

            @Override
            public boolean feedsReplicas() {
                return false; // as the append-only file
            }
        });
        t.server.addWriteLog(replicas);
        t.run("PUBLISH", "c", "m");
        t.run("MULTI");
        t.run("SET", "k", "v");
        t.run("PUBLISH", "c", "m2");
        t.run("EXEC");
        assertEquals(List.of("0: PUBLISH c m", "MULTI", "0: SET k v", "0: PUBLISH c m2", "EXEC"), replicas.entries);
        assertEquals(List.of("0: SET k v"), aof.entries);
    }
}
