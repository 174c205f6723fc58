package io.jredis.application.command.connection;

import io.jredis.application.server.ServerConfig;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthAndHelloTest {

    private static final String HELLO2 = "{\"server\"=\"redis\", \"version\"=\"7.0.15\", \"proto\"=(integer) 2, "
            + "\"id\"=(integer) 1, \"mode\"=\"standalone\", \"role\"=\"master\", \"modules\"=[]}";

    private final CommandTester t = new CommandTester();

    private static CommandTester locked() {
        ServerConfig c = new ServerConfig();
        c.requirepass = "secret";
        return new CommandTester(c);
    }

    @Test
    void authWithoutConfiguredPasswordIsAnErrorButDefaultUserAcceptsAnyPassword() {
        assertEquals("(error) ERR AUTH <password> called without any password configured for the default user. "
                + "Are you sure your configuration is correct?", t.run("AUTH", "x"));
        assertEquals("OK", t.run("AUTH", "default", "anything"));
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.", t.run("AUTH", "bob", "x"));
        assertEquals("(error) ERR syntax error", t.run("AUTH", "a", "b", "c"));
        assertEquals("(error) ERR wrong number of arguments for 'auth' command", t.run("AUTH"));
    }

    @Test
    void authWithRequirepass() {
        CommandTester l = locked();
        assertEquals("(error) NOAUTH Authentication required.", l.run("PING"));
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.", l.run("AUTH", "nope"));
        assertEquals("(error) NOAUTH Authentication required.", l.run("PING"));
        assertEquals("OK", l.run("AUTH", "secret"));
        assertEquals("PONG", l.run("PING"));
        // a failed attempt does not log an authenticated client out
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.", l.run("AUTH", "default", "x"));
        assertEquals("PONG", l.run("PING"));
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.", l.run("AUTH", "other", "secret"));
    }

    @Test
    void helloRepliesWithServerPropertiesAndSwitchesProtocol() {
        assertEquals(HELLO2, t.run("HELLO"));
        assertEquals(2, t.session().protocol());
        assertEquals(HELLO2.replace("(integer) 2", "(integer) 3"), t.run("HELLO", "3"));
        assertEquals(3, t.session().protocol());
        assertEquals(HELLO2, t.run("HELLO", "2"));
        assertEquals(2, t.session().protocol());
    }

    @Test
    void helloCallsAReplicaReplica() {
        t.server.setReplication(new io.jredis.application.port.ReplicationStatus() {
            @Override
            public void describe(java.util.function.Consumer<String> line) {
                line.accept("role:slave");
            }

            @Override
            public String role() {
                return "slave";
            }
        });
        assertEquals(HELLO2.replace("\"role\"=\"master\"", "\"role\"=\"replica\""), t.run("HELLO"));
        assertEquals("\"# Replication\r\nrole:slave\r\n\"", t.run("INFO", "replication"));
    }

    @Test
    void helloErrors() {
        assertEquals("(error) NOPROTO unsupported protocol version", t.run("HELLO", "4"));
        assertEquals("(error) NOPROTO unsupported protocol version", t.run("HELLO", "1"));
        assertEquals("(error) ERR Protocol version is not an integer or out of range", t.run("HELLO", "abc"));
        assertEquals("(error) ERR Syntax error in HELLO option 'FOO'", t.run("HELLO", "3", "FOO"));
        assertEquals("(error) ERR Syntax error in HELLO option 'auth'", t.run("HELLO", "3", "auth", "default"));
        assertEquals("(error) ERR Syntax error in HELLO option 'SETNAME'", t.run("HELLO", "3", "SETNAME"));
        assertEquals("(error) ERR Client names cannot contain spaces, newlines or special characters.",
                t.run("HELLO", "3", "SETNAME", "a b"));
        assertEquals(2, t.session().protocol());
    }

    @Test
    void helloSetnameAndAuth() {
        t.run("HELLO", "3", "AUTH", "default", "x", "SETNAME", "foo", "SETNAME", "bar");
        assertEquals("\"bar\"", t.run("CLIENT", "GETNAME"));
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.",
                t.run("HELLO", "3", "AUTH", "alice", "x"));
    }

    @Test
    void helloOnALockedServer() {
        CommandTester l = locked();
        String noauth = "(error) NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                + "HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
                + "protocol version at the same time";
        assertEquals(noauth, l.run("HELLO", "3"));
        // the version is checked before authentication
        assertEquals("(error) NOPROTO unsupported protocol version", l.run("HELLO", "4"));
        // SETNAME is applied even though the client then gets NOAUTH, as Redis 7.0 does
        assertEquals(noauth, l.run("HELLO", "3", "SETNAME", "early"));
        assertEquals(2, l.session().protocol());
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.",
                l.run("HELLO", "3", "AUTH", "default", "bad"));
        assertEquals("(error) NOAUTH Authentication required.", l.run("PING"));
        assertEquals(HELLO2.replace("(integer) 2", "(integer) 3"), l.run("HELLO", "3", "AUTH", "default", "secret"));
        assertEquals("\"early\"", l.run("CLIENT", "GETNAME"));
    }

    @Test
    void resetRestoresAFreshConnection() {
        CommandTester l = locked();
        l.run("AUTH", "secret");
        l.run("HELLO", "3", "SETNAME", "x");
        l.run("CLIENT", "NO-EVICT", "on");
        l.session().selectDb(3);
        assertEquals("RESET", l.run("RESET"));
        assertEquals(2, l.session().protocol());
        assertEquals(0, l.session().db());
        assertEquals("", l.session().name());
        assertEquals("(error) NOAUTH Authentication required.", l.run("PING"));
        // NO-EVICT survives RESET in Redis 7.0
        assertEquals(true, l.session().noEvict());
        assertEquals("(error) ERR wrong number of arguments for 'reset' command", l.run("RESET", "x"));
    }
}
