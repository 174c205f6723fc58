package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static io.jredis.bootstrap.e2e.ReplicationMasterIT.assertSameDataset;
import static io.jredis.bootstrap.e2e.ReplicationMasterIT.await;
import static io.jredis.bootstrap.e2e.ReplicationMasterIT.awaitLinkUp;
import static io.jredis.bootstrap.e2e.ReplicationMasterIT.field;
import static io.jredis.bootstrap.e2e.ReplicationMasterIT.info;
import static io.jredis.bootstrap.e2e.ReplicationMasterIT.writeEveryType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chains and promotion: a jredis replica passes its master's stream on to its own replicas
 * byte for byte (same ids, same offsets), whichever side is real Redis 7.0.15; a replica promoted
 * with REPLICAOF NO ONE lets the other replica of the old master continue partially.
 */
class ReplicationChainIT {

    /** No diskless delay (5 s per full sync otherwise) and no pings inside a byte comparison. */
    private static final String[] QUICK = {"--repl-diskless-sync-delay", "0", "--repl-ping-replica-period", "3600"};

    private static String[] quickReplicaOf(ServerProcess master) {
        return new String[] {"--repl-diskless-sync-delay", "0", "--repl-ping-replica-period", "3600",
                "--replicaof", "127.0.0.1", Integer.toString(master.port())};
    }

    @Test
    void jredisToJredisToRealRedis() throws Exception {
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            m.call("SET", "before", "1");
            m.call("SET", "before:ttl", "1", "EX", "500");
            try (JRedisProcess middle = JRedisProcess.start(quickReplicaOf(master))) {
                awaitLinkUp(middle);
                m.call("SELECT", "4");
                m.call("RPUSH", "before:list", "a", "b"); // the middle's stream is now in db 4
                assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                try (RealRedisProcess leaf = RealRedisProcess.start("--replicaof", "127.0.0.1",
                        Integer.toString(middle.port()))) {
                    awaitLinkUp(leaf);
                    // no SELECT before this one: the leaf must start in the db its snapshot's repl-stream-db says
                    m.call("SET", "in4", "x");
                    try (ReplicationMasterIT.FakeReplica fromMaster = ReplicationMasterIT.FakeReplica.attach(master, true);
                         ReplicationMasterIT.FakeReplica fromMiddle = ReplicationMasterIT.FakeReplica.attach(middle, true)) {
                        fromMaster.ack(0);
                        fromMiddle.ack(0);
                        m.call("SELECT", "0");
                        writeEveryType(m);
                        m.call("SET", "end", "1");
                        byte[] last = RespConnection.encode("SET", "end", "1");
                        byte[] top = fromMaster.readStreamUntil(last);
                        byte[] chained = fromMiddle.readStreamUntil(last);
                        // both streams end at the same command; the chained one started later (its own full sync)
                        long skip = Long.parseLong(fromMiddle.fullResyncOffset) - Long.parseLong(fromMaster.fullResyncOffset);
                        assertTrue(skip >= 0 && skip <= top.length, "offsets " + fromMaster.fullResyncOffset + " and "
                                + fromMiddle.fullResyncOffset);
                        assertArrayEquals(Arrays.copyOfRange(top, (int) skip, top.length), chained,
                                "the middle replica passes the master's bytes on verbatim");
                    }
                    assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                    awaitSameOffset(master, middle, leaf);
                    assertSameDataset(master, middle);
                    assertSameDataset(master, leaf);
                    String id = field(info(master), "master_replid");
                    assertEquals(id, field(info(middle), "master_replid"));
                    assertEquals(id, field(info(leaf), "master_replid"));
                    String mid = info(middle);
                    assertTrue(mid.contains("role:slave\r\n") && mid.contains("connected_slaves:1\r\n")
                            && mid.contains("slave0:ip=127.0.0.1,port=" + leaf.port() + ",state=online,"), mid);
                }
            }
        }
    }

    @Test
    void realMasterToJredisToRealRedis() throws Exception {
        try (RealRedisProcess master = RealRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            m.call("SET", "before", "1");
            try (JRedisProcess middle = JRedisProcess.start(quickReplicaOf(master))) {
                awaitLinkUp(middle);
                m.call("SELECT", "3");
                m.call("HSET", "before:hash", "f", "v"); // the middle's stream is now in db 3
                assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                try (RealRedisProcess leaf = RealRedisProcess.start("--replicaof", "127.0.0.1",
                        Integer.toString(middle.port()))) {
                    awaitLinkUp(leaf);
                    m.call("SET", "in3", "x"); // no SELECT before it: the leaf starts in its snapshot's repl-stream-db
                    m.call("SELECT", "0");
                    writeEveryType(m);
                    assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                    awaitSameOffset(master, middle, leaf);
                    assertSameDataset(master, middle);
                    assertSameDataset(master, leaf);
                    assertEquals(field(info(master), "master_replid"), field(info(leaf), "master_replid"));
                }
            }
        }
    }

    @Test
    void promotedReplicaLetsTheOtherContinuePartially() throws Exception {
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            m.call("SET", "before", "1");
            try (JRedisProcess a = JRedisProcess.start(quickReplicaOf(master));
                 JRedisProcess b = JRedisProcess.start(quickReplicaOf(master));
                 RespConnection ca = RespConnection.to(a);
                 RespConnection cb = RespConnection.to(b)) {
                awaitLinkUp(a);
                awaitLinkUp(b);
                writeEveryType(m);
                assertEquals(":2\r\n", m.call("WAIT", "2", "5000"));
                awaitSameOffset(master, a, b);
                String oldId = field(info(master), "master_replid");
                long offset = Long.parseLong(field(info(master), "master_repl_offset"));

                assertEquals("+OK\r\n", ca.call("REPLICAOF", "NO", "ONE"));
                String promoted = info(a);
                assertTrue(promoted.contains("role:master\r\n"), promoted);
                assertEquals(oldId, field(promoted, "master_replid2"));
                assertEquals(Long.toString(offset + 1), field(promoted, "second_repl_offset"));
                assertEquals("+OK\r\n", cb.call("REPLICAOF", "127.0.0.1", Integer.toString(a.port())));
                awaitLinkUp(b);
                String stats = ca.call("INFO", "stats");
                assertEquals("1", field(stats, "sync_partial_ok"), stats);
                assertEquals("0", field(stats, "sync_full"), stats);
                assertTrue(b.output().contains("Successful partial resynchronization"), b.output());

                ca.call("SET", "after", "promotion");
                ca.call("SELECT", "2");
                ca.call("SADD", "after:set", "x", "y");
                assertEquals(":1\r\n", ca.call("WAIT", "1", "5000"));
                awaitSameOffset(a, b);
                assertSameDataset(a, b);
                assertEquals(field(info(a), "master_replid"), field(info(b), "master_replid"));
                String role = ca.call("ROLE");
                assertTrue(role.startsWith("*3\r\n$6\r\nmaster\r\n:"), role);
                assertTrue(role.contains("$" + Integer.toString(b.port()).length() + "\r\n" + b.port() + "\r\n"), role);
            }
        }
    }

    /** Every server reports the same master_repl_offset (the stream reached the end of the chain). */
    private static void awaitSameOffset(ServerProcess... servers) {
        await(() -> {
            try {
                String first = field(info(servers[0]), "master_repl_offset");
                for (ServerProcess s : servers) {
                    if (!first.equals(field(info(s), "master_repl_offset"))) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }, "the same master_repl_offset everywhere");
    }
}
