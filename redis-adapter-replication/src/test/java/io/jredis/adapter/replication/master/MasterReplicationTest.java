package io.jredis.adapter.replication.master;

import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.application.port.Clock;
import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterReplicationTest {

    private static final String SELECT0 = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n";

    private final ServerConfig config = new ServerConfig();
    private long now = 1_700_000_000_000L;
    private ServerState state;
    private MasterReplication master;
    private long nextId = 1;
    /** The command thread's queue: tasks from the snapshot's threads run when the test settles. */
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    @TempDir
    Path dir;

    /** A socket that keeps what it was given. */
    private static final class Wire implements ClientConnection {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public void writeRaw(byte[] bytes, int offset, int length) {
            out.write(bytes, offset, length);
        }

        String text() {
            return out.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1:5000";
        }

        @Override
        public String localAddress() {
            return "127.0.0.1:6379";
        }

        @Override
        public int fd() {
            return 9;
        }

        @Override
        public void closeAfterReply() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public int queryBufferLength() {
            return 0;
        }

        @Override
        public int queryBufferFree() {
            return 0;
        }

        @Override
        public long outputBufferLength() {
            return 0; // everything is "written" at once
        }
    }

    private static final ReplySink NO_REPLY = (ReplySink) Proxy.newProxyInstance(
            ReplySink.class.getClassLoader(), new Class<?>[] {ReplySink.class}, (p, m, a) -> {
                throw new AssertionError("no reply expected, got " + m.getName());
            });

    @BeforeEach
    void setUp() {
        config.replDisklessSyncDelay = 0;
        config.dir = dir.toString();
        state = new ServerState(config, new Clock() {
            @Override
            public long millis() {
                return now;
            }

            @Override
            public long nanos() {
                return now * 1_000_000;
            }
        });
        RdbSnapshotStore rdb = new RdbSnapshotStore(config, "7.0.15");
        state.setCommandThread(tasks::add);
        master = new MasterReplication(state, rdb);
        state.addWriteLog(master);
        state.setReplicaLinks(master);
    }

    private ClientSession client(Wire wire) {
        return new ClientSession(nextId++, wire, now, true);
    }

    private static List<byte[]> argv(String... a) {
        List<byte[]> l = new ArrayList<>();
        for (String s : a) {
            l.add(s.getBytes(StandardCharsets.US_ASCII));
        }
        return l;
    }

    private static String resp(String... a) {
        StringBuilder sb = new StringBuilder("*" + a.length + "\r\n");
        for (String s : a) {
            sb.append('$').append(s.length()).append("\r\n").append(s).append("\r\n");
        }
        return sb.toString();
    }

    /** Runs the command thread's part (tasks, snapshot slices) until every full resync is through. */
    private void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (state.backgroundSnapshot().inProgress() || master.transferring() || !tasks.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the full resync did not finish");
            if (state.backgroundSnapshot().runnable()) {
                state.backgroundSnapshot().slice(Long.MAX_VALUE);
            }
            try {
                Runnable task = tasks.poll(5, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A replica that asked PSYNC ? -1 (psync2, no eof) and got its snapshot; returns its wire. */
    private Wire fullSyncedReplica() {
        Wire wire = new Wire();
        ClientSession s = client(wire);
        master.listeningPort(s, 7000);
        master.capability(s, "psync2");
        master.sync(s, "?", -1, NO_REPLY);
        settle();
        return wire;
    }

    @Test
    void nothingIsRecordedBeforeTheFirstReplica() {
        assertFalse(master.active());
        state.writeLog().append(0, argv("SET", "a", "1"));
        assertEquals(0, master.masterReplOffset());
    }

    @Test
    void fullResyncSendsTheSnapshotThenTheStreamFromThatPoint() {
        String before = master.replicationId();
        Wire wire = fullSyncedReplica();
        assertTrue(master.active());
        String id = master.replicationId();
        assertFalse(id.equals(before), "the first replica starts a new history");
        String text = wire.text();
        assertTrue(text.startsWith("+FULLRESYNC " + id + " 0\r\n$"), text);
        int rdbStart = text.indexOf("\r\n", text.indexOf('$')) + 2;
        assertEquals("REDIS0010", text.substring(rdbStart, rdbStart + 9));
        wire.out.reset();

        master.append(0, argv("SET", "a", "1"));
        master.append(0, argv("SET", "b", "2"));
        String expected = SELECT0 + resp("SET", "a", "1") + resp("SET", "b", "2");
        assertEquals(expected, wire.text());
        assertEquals(expected.length(), master.masterReplOffset());
    }

    @Test
    void writesWhileTheSnapshotIsTakenFollowItAndKeepTheOffsetOfItsStart() {
        state.keyspace().db(0).put("old".getBytes(StandardCharsets.US_ASCII), "v".getBytes(StandardCharsets.US_ASCII), now);
        Wire first = fullSyncedReplica(); // a history with a backlog
        master.append(0, argv("SET", "a", "1"));
        long at = master.masterReplOffset();
        Wire wire = new Wire();
        ClientSession s = client(wire);
        master.capability(s, "psync2");
        master.sync(s, "?", -1, NO_REPLY);
        assertTrue(state.backgroundSnapshot().inProgress(), "the snapshot runs in the background");
        master.append(0, argv("SET", "b", "2")); // after the snapshot's point: in the stream, not in the RDB
        settle();
        String text = wire.text();
        assertTrue(text.startsWith("+FULLRESYNC " + master.replicationId() + " " + at + "\r\n$"), text);
        assertTrue(text.contains("repl-offset") && text.contains("old"), text);
        assertFalse(text.substring(0, text.length() - resp("SET", "b", "2").length()).contains("\u0001b"), text);
        assertTrue(text.endsWith(SELECT0 + resp("SET", "b", "2")), text);
        assertTrue(first.text().endsWith(resp("SET", "b", "2")));
    }

    @Test
    void aReplicaArrivingDuringAnotherSnapshotWaitsForItsEnd() {
        state.backgroundSnapshot().start("rdb", new io.jredis.adapter.replication.rdb.RdbOutput(
                new io.jredis.adapter.replication.rdb.RdbTarget() {
                    @Override
                    public void write(byte[] bytes, int off, int len) {
                    }

                    @Override
                    public void complete() {
                    }

                    @Override
                    public void discard() {
                    }
                }, config, "7.0.15", state.commandThread(), null), outcome -> { });
        Wire wire = new Wire();
        ClientSession s = client(wire);
        master.capability(s, "psync2");
        master.sync(s, "?", -1, NO_REPLY);
        assertEquals("", wire.text(), "no snapshot of its own while another one runs");
        List<String> info = new ArrayList<>();
        master.describe(info::add);
        assertTrue(info.get(1).contains(",state=wait_bgsave,"), info.toString());
        settle(); // the BGSAVE ends
        now += 1000;
        master.cron(now); // the cron starts the replica's snapshot, as Redis's replicationCron
        settle();
        assertTrue(wire.text().contains("+FULLRESYNC "), wire.text());
        info.clear();
        master.describe(info::add);
        assertTrue(info.get(1).contains(",state=online,"), info.toString());
    }

    @Test
    void theLastReplicaOfADisklessTransferLeavingStopsTheSnapshot() {
        config.replDisklessSync = true;
        Wire wire = new Wire();
        ClientSession s = client(wire);
        master.capability(s, "eof");
        master.capability(s, "psync2");
        master.sync(s, "?", -1, NO_REPLY);
        assertTrue(state.backgroundSnapshot().inProgress());
        master.disconnected(s);
        assertFalse(state.backgroundSnapshot().inProgress(), "nobody is left to take it");
        settle();
    }

    @Test
    void transactionsAreBracketedWithTheSelectBeforeMulti() {
        Wire wire = fullSyncedReplica();
        wire.out.reset();
        master.beginTransaction();
        master.append(1, argv("SET", "x", "1"));
        master.append(2, argv("INCR", "y"));
        master.endTransaction();
        master.append(2, argv("DEL", "y"));
        assertEquals("*2\r\n$6\r\nSELECT\r\n$1\r\n1\r\n" + resp("MULTI") + resp("SET", "x", "1")
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n" + resp("INCR", "y") + resp("EXEC") + resp("DEL", "y"),
                wire.text());
    }

    @Test
    void aReconnectingReplicaContinuesFromTheBacklog() {
        fullSyncedReplica();
        master.append(0, argv("SET", "a", "1"));
        long offset = master.masterReplOffset();
        master.append(0, argv("SET", "b", "2"));

        Wire again = new Wire();
        ClientSession s = client(again);
        master.capability(s, "psync2");
        master.sync(s, master.replicationId(), offset + 1, NO_REPLY);
        assertEquals("+CONTINUE " + master.replicationId() + "\r\n" + resp("SET", "b", "2"), again.text());
        assertEquals(1, master.partialSyncsAccepted());

        Wire stranger = new Wire();
        ClientSession t = client(stranger);
        master.sync(t, "0123456789012345678901234567890123456789", offset + 1, NO_REPLY);
        settle();
        assertTrue(stranger.text().startsWith("+FULLRESYNC "), stranger.text());
        assertEquals(1, master.partialSyncsRefused());
    }

    @Test
    void theStreamAfterAnEofMarkedSnapshotWaitsForTheFirstAck() {
        config.replDisklessSync = true;
        Wire wire = new Wire();
        ClientSession s = client(wire);
        master.capability(s, "eof");
        master.capability(s, "psync2");
        master.sync(s, "?", -1, NO_REPLY);
        settle();
        String text = wire.text();
        int markAt = text.indexOf("$EOF:") + 5;
        String mark = text.substring(markAt, markAt + 40);
        assertTrue(text.endsWith(mark), "the snapshot ends with its mark");
        wire.out.reset();
        master.append(0, argv("SET", "a", "1"));
        assertEquals("", wire.text());
        assertTrue(master.ack(s, 0));
        assertEquals(SELECT0 + resp("SET", "a", "1"), wire.text());
        assertEquals(0, master.acknowledged(1));
        assertTrue(master.ack(s, master.masterReplOffset()));
        assertEquals(1, master.acknowledged(master.masterReplOffset()));
    }

    @Test
    void afterPromotionTheOldHistoryContinuesUnderTheNewId() {
        fullSyncedReplica();
        master.append(0, argv("SET", "a", "1"));
        String old = master.replicationId();
        long offset = master.masterReplOffset();
        master.promote();
        assertEquals(old, master.secondaryId());
        assertEquals(offset + 1, master.secondaryOffset());

        Wire wire = new Wire();
        ClientSession s = client(wire);
        master.capability(s, "psync2");
        master.sync(s, old, offset + 1, NO_REPLY);
        assertEquals("+CONTINUE " + master.replicationId() + "\r\n", wire.text());
    }

    @Test
    void aChainedReplicaPassesItsMastersBytesOnVerbatim() {
        Wire wire = fullSyncedReplica();
        master.becomeReplica();
        assertTrue(wire.closed, "sub-replicas reconnect to learn the new history");
        StringBuilder refused = new StringBuilder();
        master.sync(client(new Wire()), "?", -1, (ReplySink) Proxy.newProxyInstance(ReplySink.class.getClassLoader(),
                new Class<?>[] {ReplySink.class}, (p, m, a) -> refused.append(m.getName()).append(' ').append(a[0])));
        assertEquals("error NOMASTERLINK Can't SYNC while not connected with my master", refused.toString());
        master.syncedWithMaster("abcdefabcdefabcdefabcdefabcdefabcdefabcd", 100);
        assertFalse(master.active(), "our own writes are the master's, already in its stream");
        Wire sub = new Wire();
        ClientSession s = client(sub);
        master.capability(s, "psync2");
        master.sync(s, "abcdefabcdefabcdefabcdefabcdefabcdefabcd", 101, NO_REPLY);
        assertEquals("+CONTINUE abcdefabcdefabcdefabcdefabcdefabcdefabcd\r\n", sub.text());
        byte[] raw = resp("SET", "k", "v").getBytes(StandardCharsets.US_ASCII);
        master.feedFromMaster(raw, 0, raw.length);
        assertEquals(100 + raw.length, master.masterReplOffset());
        assertTrue(sub.text().endsWith(resp("SET", "k", "v")));
    }
}
