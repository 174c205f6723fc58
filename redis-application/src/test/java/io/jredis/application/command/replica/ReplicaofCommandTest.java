package io.jredis.application.command.replica;

import io.jredis.application.port.MasterLink;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** REPLICAOF's replies and the READONLY refusals of a read-only replica, as redis-server 7.0.15. */
class ReplicaofCommandTest {

    private static final String READONLY = "(error) READONLY You can't write against a read only replica.";

    /** Records REPLICAOF's moves instead of linking to anything. */
    private static final class FakeLink implements MasterLink {
        final List<String> moves = new ArrayList<>();
        String host;
        int port;
        boolean up;

        @Override
        public boolean linkUp() {
            return up;
        }

        @Override
        public boolean replicating() {
            return host != null;
        }

        @Override
        public String masterHost() {
            return host;
        }

        @Override
        public int masterPort() {
            return port;
        }

        @Override
        public void follow(String h, int p) {
            host = h;
            port = p;
            moves.add("follow " + h + ":" + p);
        }

        @Override
        public void promote() {
            host = null;
            moves.add("promote");
        }
    }

    private final CommandTester t = new CommandTester();
    private final FakeLink link = new FakeLink();

    @BeforeEach
    void attach() {
        t.server.setMasterLink(link);
    }

    @Test
    void repliesAsRedis() {
        assertEquals("(error) ERR wrong number of arguments for 'replicaof' command", t.run("REPLICAOF", "h"));
        assertEquals("(error) ERR Invalid master port", t.run("REPLICAOF", "h", "b"));
        assertEquals("(error) ERR Invalid master port", t.run("REPLICAOF", "h", "65536"));
        assertEquals("(error) ERR Invalid master port", t.run("REPLICAOF", "h", "-1"));
        assertEquals("(error) ERR Invalid master port", t.run("REPLICAOF", "h", "07500"));
        assertEquals("OK", t.run("REPLICAOF", "NO", "ONE"));
        assertEquals(List.of(), link.moves, "NO ONE on a master does nothing");
        assertEquals("OK", t.run("REPLICAOF", "Host", "7500"));
        assertEquals("OK Already connected to specified master", t.run("SLAVEOF", "hOST", "7500"));
        assertEquals("OK", t.run("REPLICAOF", "host", "7501"));
        assertEquals("OK", t.run("replicaof", "no", "one"));
        assertEquals(List.of("follow Host:7500", "follow host:7501", "promote"), link.moves);
    }

    @Test
    void readOnlyReplicaRefusesWritesFromClientsOnly() {
        t.run("SET", "k", "v");
        link.host = "m";
        assertEquals(READONLY, t.run("SET", "k", "w"));
        assertEquals(READONLY, t.run("DEL", "k"));
        assertEquals(READONLY, t.run("FLUSHALL"));
        assertEquals("\"v\"", t.run("GET", "k"));
        assertEquals("OK", t.run("SELECT", "1"));
        assertEquals("OK", t.run("SELECT", "0"));
        // refused while queuing: the transaction is doomed
        assertEquals("OK", t.run("MULTI"));
        assertEquals(READONLY, t.run("INCR", "n"));
        assertEquals("QUEUED", t.run("GET", "k"));
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.run("EXEC"));
        // the master client is obeyed
        ClientSession master = t.newClient();
        master.markMaster();
        assertEquals("OK", t.runAs(master, "SET", "k", "from master"));
        assertEquals("\"from master\"", t.run("GET", "k"));
        // replica-read-only no
        t.config.replicaReadOnly = false;
        assertEquals("OK", t.run("SET", "k", "local"));
    }

    @Test
    void execWithQueuedWritesIsRefusedWhenTheServerBecameAReplicaMeanwhile() {
        assertEquals("OK", t.run("MULTI"));
        assertEquals("QUEUED", t.run("SET", "k", "v"));
        link.host = "m";
        assertEquals("(error) EXECABORT Transaction discarded because of: READONLY You can't write against a read only replica.",
                t.run("EXEC"));
        assertEquals("(nil)", t.run("GET", "k"));
    }

    @Test
    void blockedClientsAreUnblockedWhenTheMasterBecomesAReplica() {
        ClientSession waiting = t.newClient();
        t.send(waiting, "BLPOP", "list", "0");
        assertEquals(List.of(), t.replies(waiting));
        link.host = "m";
        assertEquals(1, t.executor.unblockAllForReplication());
        assertEquals(List.of(READONLY), t.replies(waiting));
        assertEquals(0, t.executor.blockedClients().clients());

        link.host = null;
        t.config.replicaReadOnly = false;
        t.send(waiting, "BZPOPMIN", "z", "0");
        link.host = "m";
        assertEquals(1, t.executor.unblockAllForReplication());
        assertEquals(List.of("(error) UNBLOCKED force unblock from blocking operation, instance state changed "
                + "(master -> replica?)"), t.replies(waiting));
    }

    @Test
    void replicaServeStaleDataNoRefusesAllButStaleCommandsWhileTheLinkIsDown() {
        String masterDown = "(error) MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";
        link.host = "m";
        assertEquals("(nil)", t.run("GET", "k"), "served stale by default");
        t.config.replicaServeStaleData = false;
        assertEquals(masterDown, t.run("GET", "k"));
        assertEquals(masterDown, t.run("PING"));
        assertEquals(masterDown, t.run("DBSIZE"));
        assertEquals(READONLY, t.run("SET", "k", "v"), "READONLY is checked first");
        assertEquals("\"x\"", t.run("ECHO", "x"));
        assertEquals("OK", t.run("SELECT", "1"));
        assertEquals("OK", t.run("MULTI"));
        assertEquals(masterDown, t.run("GET", "a"));
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.run("EXEC"));
        link.up = true;
        assertEquals("(nil)", t.run("GET", "k"));
    }

    @Test
    void roleOfAMasterWithoutReplicationAdapter() {
        assertEquals("[\"master\", (integer) 0, []]", t.run("ROLE"));
    }
}
