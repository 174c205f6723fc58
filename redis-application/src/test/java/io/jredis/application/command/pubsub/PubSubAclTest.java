package io.jredis.application.command.pubsub;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.FakeConnection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACL channel rules applied to pub/sub; replies recorded from redis-server 7.0.15. */
class PubSubAclTest {

    private static final String NOPERM =
            "(error) NOPERM this user has no permissions to access one of the channels used as arguments";

    private final CommandTester t = new CommandTester();

    private ClientSession userClient() {
        assertEquals("OK", t.run("ACL", "SETUSER", "u", "on", "nopass", "+@all", "~*", "resetchannels", "&news*"));
        ClientSession c = t.newClient();
        t.send(c, "AUTH", "u", "x");
        assertEquals(List.of("OK"), t.replies(c));
        return c;
    }

    @Test
    void channelsAndPatternsOutsideTheUsersRulesAreRefused() {
        ClientSession c = userClient();
        t.send(c, "SUBSCRIBE", "news1");
        t.send(c, "SUBSCRIBE", "other");
        t.send(c, "PSUBSCRIBE", "news*");
        t.send(c, "PSUBSCRIBE", "n*");
        assertEquals(List.of(">\"subscribe\", \"news1\", (integer) 1<", NOPERM,
                ">\"psubscribe\", \"news*\", (integer) 2<", NOPERM), t.replies(c));
        ClientSession p = t.newClient();
        t.send(p, "AUTH", "u", "x");
        t.send(p, "PUBLISH", "other", "x");
        t.send(p, "PUBLISH", "news2", "x");
        assertEquals(List.of("OK", NOPERM, "(integer) 1"), t.replies(p));
        assertEquals(List.of(">\"pmessage\", \"news*\", \"news2\", \"x\"<"), t.replies(c));
    }

    @Test
    void revokingASubscribedChannelClosesTheClientAsRedisDoes() {
        // checked on redis-server 7.0.15: the news1 and shard news2 subscribers are closed, newsx stays
        ClientSession c = userClient();
        ClientSession shard = userClient();
        ClientSession bystander = userClient();
        t.send(c, "SUBSCRIBE", "news1");
        t.send(shard, "SSUBSCRIBE", "news2");
        t.send(bystander, "SUBSCRIBE", "newsx");
        t.replies(c);
        t.replies(shard);
        t.replies(bystander);
        assertEquals("OK", t.run("ACL", "SETUSER", "u", "resetchannels", "&newsx"));
        assertTrue(((FakeConnection) c.connection()).closed);
        assertTrue(((FakeConnection) shard.connection()).closed);
        assertFalse(((FakeConnection) bystander.connection()).closed);
    }
}
