package io.jredis.adapter.replication.replica;

import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Commands;
import io.jredis.application.port.Clock;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;
import io.jredis.domain.value.HashValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replica link against a scripted master on a local socket: the handshake, a diskless full
 * resync, the stream with its offsets (a transaction counts once its EXEC arrived), GETACK, a
 * lost link resumed by PSYNC from the right offset, a new master id, and promotion.
 */
class ReplicaLinkTest {

    private static final String ID = "1111111111111111111111111111111111111111";
    private static final String NEW_ID = "2222222222222222222222222222222222222222";
    private static final String MARK = "0123456789abcdef0123456789abcdef01234567";

    private static final String SELECT = "*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n";
    private static final String SET_A = "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n";
    private static final String MULTI_PART = "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n";
    private static final String EXEC = "*1\r\n$4\r\nEXEC\r\n";
    private static final String GETACK = "*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n";

    private final long now = System.currentTimeMillis();
    private final ServerConfig config = new ServerConfig();
    private final ExecutorService commandThread = Executors.newSingleThreadExecutor();
    private ServerState state;
    private ReplicaReplication replica;
    private LocalHistory history;
    private ServerSocket listener;

    @AfterEach
    void stop() throws Exception {
        if (replica != null) {
            call(() -> {
                replica.close();
                return null;
            });
        }
        commandThread.shutdownNow();
        if (listener != null) {
            listener.close();
        }
    }

    private <T> T call(Callable<T> task) throws Exception {
        return commandThread.submit(task).get();
    }

    private static String resp(String... words) {
        StringBuilder sb = new StringBuilder("*" + words.length + "\r\n");
        for (String w : words) {
            sb.append('$').append(w.length()).append("\r\n").append(w).append("\r\n");
        }
        return sb.toString();
    }

    /** One command the replica sent, as its words. */
    private static List<String> readCommand(InputStream in) throws IOException {
        String header = line(in);
        assertTrue(header.startsWith("*"), header);
        List<String> words = new ArrayList<>();
        for (int i = Integer.parseInt(header.substring(1)); i > 0; i--) {
            int len = Integer.parseInt(line(in).substring(1));
            words.add(new String(in.readNBytes(len), StandardCharsets.ISO_8859_1));
            in.readNBytes(2);
        }
        return words;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("closed");
            }
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    private static void send(Socket s, byte[] bytes) throws IOException {
        s.getOutputStream().write(bytes);
        s.getOutputStream().flush();
    }

    /** Accepts the replica and answers its handshake; returns the connection and its PSYNC words. */
    private Socket acceptHandshake(List<String> psync) throws IOException {
        Socket m = listener.accept();
        m.setSoTimeout(10_000);
        InputStream in = m.getInputStream();
        assertEquals(List.of("PING"), readCommand(in));
        send(m, "+PONG\r\n");
        assertEquals(List.of("REPLCONF", "listening-port", "6390"), readCommand(in));
        send(m, "+OK\r\n");
        assertEquals(List.of("REPLCONF", "capa", "eof", "capa", "psync2"), readCommand(in));
        send(m, "+OK\r\n");
        psync.addAll(readCommand(in));
        return m;
    }

    private byte[] rdb() throws IOException {
        Keyspace data = new Keyspace(16, KeyspaceListener.NONE);
        data.db(0).put("k".getBytes(), "v".getBytes(), now);
        HashValue h = new HashValue();
        h.put("f".getBytes(), "x".getBytes());
        data.db(2).put("h".getBytes(), h, now);
        // expired by the time the replica loads it: a replica keeps it for its master's DEL
        data.db(0).put("old".getBytes(), "gone".getBytes(), now - 1000, now - 60_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RdbSnapshotStore(config, "7.0.15").write(data, now - 60_000, out);
        return out.toByteArray();
    }

    @Test
    void fullResyncStreamLostLinkPartialResyncAndPromotion() throws Exception {
        config.port = 6390;
        Clock clock = new Clock() {
            @Override
            public long millis() {
                return System.currentTimeMillis();
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }
        };
        state = new ServerState(config, clock);
        state.setCommandThread(commandThread::execute);
        CommandExecutor executor = new CommandExecutor(state, Commands.registry());
        history = new LocalHistory(config, "a".repeat(40));
        replica = new ReplicaReplication(state, executor, history);
        state.setReplication(replica);
        state.setMasterLink(replica);
        state.keyspace().db(0).put("stale".getBytes(), "flushed by the full resync".getBytes(), now);
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());

        call(() -> {
            replica.follow("127.0.0.1", listener.getLocalPort());
            return null;
        });
        List<String> psync = new ArrayList<>();
        Socket m = acceptHandshake(psync);
        assertEquals(List.of("PSYNC", "a".repeat(40), "1"), psync, "a fresh replica offers its own history");
        send(m, "+FULLRESYNC " + ID + " 100\r\n\n\n$EOF:" + MARK + "\r\n");
        byte[] rdb = rdb();
        send(m, java.util.Arrays.copyOf(rdb, rdb.length / 2));
        send(m, java.util.Arrays.copyOfRange(rdb, rdb.length / 2, rdb.length));
        send(m, MARK);
        InputStream in = m.getInputStream();
        assertEquals(List.of("REPLCONF", "ACK", "100"), readCommand(in), "the first ACK right after a diskless load");

        send(m, SELECT + SET_A + MULTI_PART.substring(0, 20));
        send(m, MULTI_PART.substring(20) + EXEC + GETACK);
        long afterTx = 100 + SELECT.length() + SET_A.length() + MULTI_PART.length() + EXEC.length();
        assertEquals(List.of("REPLCONF", "ACK", Long.toString(afterTx)), readCommand(in));
        call(() -> {
            Keyspace ks = state.keyspace();
            assertNull(ks.db(0).get("stale".getBytes(), now));
            assertArrayEquals("v".getBytes(), (byte[]) ks.db(0).get("k".getBytes(), now));
            assertArrayEquals("1".getBytes(), (byte[]) ks.db(2).get("a".getBytes(), now));
            assertArrayEquals("2".getBytes(), (byte[]) ks.db(2).get("b".getBytes(), now));
            assertNull(ks.db(0).get("old".getBytes(), System.currentTimeMillis()), "hidden from clients");
            assertTrue(ks.db(0).stored("old".getBytes()), "kept for the master's DEL");
            assertEquals(ID, history.replicationId());
            assertEquals(afterTx + GETACK.length(), history.offset());
            List<String> info = new ArrayList<>();
            replica.describe(info::add);
            assertTrue(info.contains("master_link_status:up"), info.toString());
            assertTrue(info.contains("slave_repl_offset:" + (afterTx + GETACK.length())), info.toString());
            return null;
        });

        // a transaction cut by a lost link: the offset stays before its MULTI
        long beforeTx = afterTx + GETACK.length();
        send(m, MULTI_PART);
        assertEquals(List.of("REPLCONF", "ACK", Long.toString(beforeTx)), readCommand(in), "the periodic ACK");
        assertEquals(List.of("REPLCONF", "ACK", Long.toString(beforeTx)), readCommand(in), "a second after");
        call(() -> {
            List<String> info = new ArrayList<>();
            replica.describe(info::add);
            assertTrue(info.contains("slave_read_repl_offset:" + (beforeTx + MULTI_PART.length())), info.toString());
            assertTrue(info.contains("slave_repl_offset:" + beforeTx), info.toString());
            return null;
        });
        m.close();

        psync.clear();
        Socket m2 = acceptHandshake(psync);
        assertEquals(List.of("PSYNC", ID, Long.toString(beforeTx + 1)), psync);
        send(m2, "+CONTINUE " + NEW_ID + "\r\n" + MULTI_PART.replace("$1\r\nb", "$1\r\nc") + EXEC + GETACK);
        long end = beforeTx + MULTI_PART.length() + EXEC.length();
        assertEquals(List.of("REPLCONF", "ACK", Long.toString(end)), readCommand(m2.getInputStream()));
        call(() -> {
            assertArrayEquals("2".getBytes(), (byte[]) state.keyspace().db(2).get("c".getBytes(), now),
                    "the master client's database survives the partial resync");
            assertEquals(NEW_ID, history.replicationId());
            assertEquals(ID, history.secondaryId());
            assertEquals(beforeTx + 1, history.secondaryOffset());
            replica.promote();
            assertEquals(NEW_ID, history.secondaryId());
            assertEquals(end + GETACK.length() + 1, history.secondaryOffset());
            assertEquals("master", replica.role());
            return null;
        });
        assertEquals(-1, m2.getInputStream().read(), "promotion closes the link");
        m2.close();
    }
}
