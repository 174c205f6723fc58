package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * jredis as the master of Debian's real redis-server 7.0.15 replicas: the stream is byte for byte
 * what redis-server sends for the same commands, a replica ends with the master's dataset, WAIT
 * counts it, a cut link continues within the backlog and resyncs fully outside it, and a replica
 * that stops reading is dropped at its output limit.
 */
class ReplicationMasterIT {

    /** No diskless delay (the tests would wait 5 s per full sync) and no pings inside a comparison. */
    private static final String[] QUICK = {"--repl-diskless-sync-delay", "0", "--repl-ping-replica-period", "3600"};

    // ---------------------------------------------------------------- the stream, byte for byte

    @Test
    void streamIsByteExactWithRedis() throws Exception {
        byte[] redis;
        byte[] jredis;
        try (RealRedisProcess real = RealRedisProcess.start(QUICK)) {
            redis = capture(real);
        }
        try (JRedisProcess j = JRedisProcess.start(QUICK)) {
            jredis = capture(j);
        }
        String r = normalized(redis);
        String j = normalized(jredis);
        assertTrue(r.contains("MULTI") && r.contains("GETACK") && r.contains("PXAT"), r);
        assertEquals(r, j);
    }

    /** Both ping a replica every repl-ping-replica-period seconds with the same bytes (counted in the offset). */
    @Test
    void pingsAsRedisDoes() throws Exception {
        String[] everySecond = {"--repl-diskless-sync-delay", "0", "--repl-ping-replica-period", "1"};
        byte[] ping = "*1\r\n$4\r\nping\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RealRedisProcess real = RealRedisProcess.start(everySecond);
             FakeReplica replica = FakeReplica.attach(real, true)) {
            replica.ack(0);
            assertEquals(new String(ping, StandardCharsets.US_ASCII),
                    new String(replica.readStreamUntil(ping), StandardCharsets.US_ASCII));
        }
        try (JRedisProcess j = JRedisProcess.start(everySecond);
             FakeReplica replica = FakeReplica.attach(j, true)) {
            replica.ack(0);
            assertEquals(new String(ping, StandardCharsets.US_ASCII),
                    new String(replica.readStreamUntil(ping), StandardCharsets.US_ASCII));
            assertTrue(Long.parseLong(field(info(j), "master_repl_offset")) >= ping.length);
        }
    }

    /** 13-digit unix-ms times (PXAT, PEXPIREAT) differ between two runs; everything else must not. */
    private static String normalized(byte[] stream) {
        return new String(stream, StandardCharsets.ISO_8859_1).replaceAll("\\$13\r\n1\\d{12}\r\n", "\\$13\r\nTIME\r\n");
    }

    /** What a fresh server sends a replica after its snapshot, for one fixed sequence of commands. */
    private static byte[] capture(ServerProcess server) throws Exception {
        try (FakeReplica replica = FakeReplica.attach(server, true);
             RespConnection c = RespConnection.to(server)) {
            assertEquals("0", replica.fullResyncOffset);
            replica.ack(0);
            String[][] commands = {
                    {"SET", "s", "v"}, {"SET", "e", "v", "EX", "100"}, {"EXPIRE", "s", "1000"},
                    {"PEXPIRE", "s", "5000"}, {"INCRBYFLOAT", "f", "1.5"}, {"APPEND", "s", "x"},
                    {"RPUSH", "l", "a", "b", "c"}, {"LPOP", "l"}, {"BLPOP", "l", "1"}, {"HSET", "h", "f", "v"},
                    {"HINCRBYFLOAT", "h", "g", "1.25"}, {"SADD", "one", "m"}, {"SPOP", "one"},
                    {"ZADD", "z", "1", "a"}, {"ZINCRBY", "z", "2", "a"}, {"GETEX", "e", "PERSIST"},
                    {"DEL", "missing"}, {"SELECT", "3"}, {"SET", "three", "3"}, {"SELECT", "0"},
                    {"MULTI"}, {"SET", "m1", "1"}, {"SELECT", "2"}, {"INCR", "m2"}, {"EXEC"},
                    {"SET", "in2", "x"}, {"MULTI"}, {"SELECT", "0"}, {"SET", "a", "1"}, {"SET", "b", "2"}, {"EXEC"},
                    {"MULTI"}, {"SET", "single", "1"}, {"EXEC"},
                    {"WAIT", "1", "20"}, {"SET", "gone", "v", "PX", "30"},
                    {"LMOVE", "l", "l2", "LEFT", "RIGHT"}, {"GETDEL", "s"}, {"FLUSHDB"},
            };
            for (String[] cmd : commands) {
                c.call(cmd);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(60));
            c.call("GET", "gone"); // expired by now: reclaimed on access or by the expiry cycle, a DEL either way
            c.call("SET", "end", "1");
            replica.ack(0); // Redis starts the stream after a diskless snapshot on an ACK that finds the replica online
            byte[] stream = replica.readStreamUntil(RespConnection.encode("SET", "end", "1"));
            // the offset counts every byte of the stream, the same on both
            String offset = "\nmaster_repl_offset:" + field(info(server), "master_repl_offset");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(stream);
            out.writeBytes(offset.getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    // ---------------------------------------------------------------- a real replica's dataset

    @Test
    void realReplicaEndsWithTheMastersDataset() throws Exception {
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            // some data before the replica attaches: it arrives in the snapshot
            m.call("SET", "before", "1");
            m.call("SET", "before:ttl", "1", "EX", "500");
            m.call("RPUSH", "before:list", "a", "b");
            m.call("SELECT", "5");
            m.call("HSET", "before:hash", "f", "v");
            m.call("SELECT", "0");
            try (RealRedisProcess replica = RealRedisProcess.start(
                    "--replicaof", "127.0.0.1", Integer.toString(master.port()))) {
                awaitLinkUp(replica);
                writeEveryType(m);
                assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                assertSameDataset(master, replica);
                assertEquals(":1\r\n", m.call("WAIT", "1", "0"));
                String role = m.call("ROLE");
                assertTrue(role.startsWith("*3\r\n$6\r\nmaster\r\n:"), role);
                String info = info(master);
                assertTrue(info.contains("connected_slaves:1\r\n"), info);
                assertTrue(Pattern.compile("slave0:ip=127\\.0\\.0\\.1,port=" + replica.port()
                        + ",state=online,offset=\\d+,lag=\\d+").matcher(info).find(), info);
                assertEquals(field(info, "master_replid"), field(info(replica), "master_replid"));
                String replicas = m.call("CLIENT", "LIST", "TYPE", "replica");
                assertTrue(replicas.contains(" flags=S "), replicas);
            }
        }
    }

    /** WAIT with no replica needing to ack: 0 replicas answers at once, and a timeout returns the count. */
    @Test
    void waitWithoutReplicas() throws Exception {
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            assertEquals(":0\r\n", m.call("WAIT", "0", "0"));
            m.call("SET", "k", "v");
            long start = System.nanoTime();
            assertEquals(":0\r\n", m.call("WAIT", "1", "100"));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
            assertEquals("-ERR timeout is negative\r\n", m.call("WAIT", "1", "-1"));
            assertEquals("-ERR timeout is not an integer or out of range\r\n", m.call("WAIT", "1", "1.5"));
            assertEquals("*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n", m.call("ROLE"));
        }
    }

    // ---------------------------------------------------------------- partial and full resync after a cut

    @Test
    void cutLinkContinuesWithinTheBacklogAndResyncsFullyOutside() throws Exception {
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master);
             RealRedisProcess replica = RealRedisProcess.start("--enable-debug-command", "yes",
                     "--replicaof", "127.0.0.1", Integer.toString(master.port()));
             RespConnection r = RespConnection.to(replica)) {
            awaitLinkUp(replica);
            m.call("CONFIG", "SET", "repl-backlog-size", "16384");
            m.call("SET", "a", "1");
            assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));

            // within the backlog: the replica reconnects after a second asleep and continues
            cutAndSleep(master, r);
            m.call("SET", "during", "small");
            r.readReply();
            r.readReply();
            awaitLog(replica, "Successful partial resynchronization with master");
            assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
            assertSameDataset(master, replica);
            assertEquals(1, count(replica.output(), "Full resync from master"));
            assertTrue(m.call("INFO", "stats").contains("sync_full:1\r\nsync_partial_ok:1\r\n"));

            // outside it: more than the backlog was written while the replica was away
            cutAndSleep(master, r);
            String big = "x".repeat(1000);
            for (int i = 0; i < 40; i++) {
                m.call("SET", "big" + i, big);
            }
            r.readReply();
            r.readReply();
            await(() -> count(replica.output(), "Full resync from master") == 2, "a second full resync");
            assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
            assertSameDataset(master, replica);
        }
    }

    /** A replica restarted from its own RDB (which keeps its master's id and offset) continues partially. */
    @Test
    void restartedReplicaContinuesFromItsSavedOffset() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("replica");
        try (JRedisProcess master = JRedisProcess.start(QUICK);
             RespConnection m = RespConnection.to(master)) {
            String[] replicaArgs = {"--replicaof", "127.0.0.1", Integer.toString(master.port()),
                    "--save", "3600 1", "--dir", dir.toString()};
            try (RealRedisProcess replica = RealRedisProcess.start(replicaArgs)) {
                awaitLinkUp(replica);
                m.call("SET", "a", "1");
                assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
            } // SIGTERM: the replica saves its dataset with its replication id and offset
            m.call("SET", "while-down", "1");
            try (RealRedisProcess replica = RealRedisProcess.start(replicaArgs)) {
                awaitLog(replica, "Successful partial resynchronization with master");
                assertEquals(0, count(replica.output(), "Full resync from master"));
                assertEquals(":1\r\n", m.call("WAIT", "1", "5000"));
                assertSameDataset(master, replica);
            }
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }

    /**
     * The replica drops its link and sleeps 2 s before it may reconnect (one pipeline, so it cannot
     * reconnect in between); returns once the master saw the link go, the replies still unread.
     */
    private static void cutAndSleep(ServerProcess master, RespConnection replica) throws IOException {
        ByteArrayOutputStream pipeline = new ByteArrayOutputStream();
        pipeline.writeBytes(RespConnection.encode("CLIENT", "KILL", "TYPE", "master"));
        pipeline.writeBytes(RespConnection.encode("DEBUG", "SLEEP", "2"));
        replica.write(pipeline.toByteArray());
        await(() -> {
            try {
                return info(master).contains("connected_slaves:0\r\n");
            } catch (IOException e) {
                return false;
            }
        }, "the master to see its replica gone");
    }

    // ---------------------------------------------------------------- output limit

    @Test
    void replicaThatStopsReadingIsDisconnectedAtItsLimit(@TempDir java.nio.file.Path dir) throws Exception {
        // a replica without capa eof gets the disk form: the snapshot is saved to dir first
        try (JRedisProcess master = JRedisProcess.start("--repl-diskless-sync-delay", "0",
                "--repl-ping-replica-period", "3600", "--dir", dir.toString());
             RespConnection m = RespConnection.to(master)) {
            m.call("CONFIG", "SET", "client-output-buffer-limit", "replica 1mb 0 0");
            try (FakeReplica stalled = FakeReplica.attach(master, false)) {
                stalled.ack(0);
                assertTrue(info(master).contains("connected_slaves:1\r\n"));
                String value = "v".repeat(64 * 1024);
                // the replica reads nothing more: the socket buffers fill, then the output limit
                for (int i = 0; i < 200 && info(master).contains("connected_slaves:1\r\n"); i++) {
                    m.call("SET", "k" + i, value);
                }
                assertTrue(info(master).contains("connected_slaves:0\r\n"), info(master));
                assertTrue(master.output().contains("for overcoming of output buffer limits"), master.output());
            }
            assertEquals("+PONG\r\n", m.call("PING"));
        }
    }

    // ---------------------------------------------------------------- helpers

    static void writeEveryType(RespConnection m) throws IOException {
        m.call("SET", "s", "v");
        m.call("SET", "s:ex", "v", "EX", "1000");
        m.call("SET", "s:px", "v", "PX", "2000000");
        m.call("INCR", "counter");
        m.call("INCRBYFLOAT", "float", "2.5");
        m.call("APPEND", "s", "more");
        m.call("SETRANGE", "s", "1", "ZZ");
        m.call("RPUSH", "list", "a", "b", "c", "d");
        m.call("LPOP", "list");
        m.call("LINSERT", "list", "BEFORE", "c", "x");
        m.call("HSET", "hash", "f1", "v1", "f2", "v2");
        m.call("HINCRBYFLOAT", "hash", "f3", "0.5");
        m.call("HDEL", "hash", "f1");
        m.call("SADD", "set", "a", "b", "c", "1", "2");
        m.call("SPOP", "set");
        m.call("SREM", "set", "a");
        m.call("SADD", "intset", "1", "2", "3");
        m.call("ZADD", "zset", "1", "a", "2", "b", "3.5", "c");
        m.call("ZINCRBY", "zset", "10", "a");
        m.call("ZPOPMIN", "zset");
        m.call("EXPIRE", "list", "3000");
        m.call("PEXPIREAT", "hash", Long.toString(System.currentTimeMillis() + 4_000_000));
        m.call("SET", "short", "v", "PX", "1");
        m.call("MULTI");
        m.call("SET", "tx1", "1");
        m.call("SELECT", "7");
        m.call("LPUSH", "tx:list", "a");
        m.call("EXEC");
        m.call("SELECT", "0");
        m.call("RENAME", "counter", "counter2");
        m.call("SET", "todelete", "v");
        m.call("DEL", "todelete");
        m.call("SWAPDB", "7", "8");
        m.call("MOVE", "s", "9");
        m.call("GET", "short");
    }

    /** Every key of every database: same type, same contents, TTLs within a second. */
    static void assertSameDataset(ServerProcess master, ServerProcess replica) throws IOException {
        try (RespConnection a = RespConnection.to(master); RespConnection b = RespConnection.to(replica)) {
            for (int db = 0; db < 16; db++) {
                a.call("SELECT", Integer.toString(db));
                b.call("SELECT", Integer.toString(db));
                Map<String, String> ma = dump(a);
                Map<String, String> mb = dump(b);
                assertEquals(ma.keySet(), mb.keySet(), "keys of db " + db);
                for (String key : ma.keySet()) {
                    assertEquals(ma.get(key), mb.get(key), "db " + db + " key " + key);
                    long ta = Long.parseLong(a.call("PTTL", key).replaceAll("[:\r\n]", ""));
                    long tb = Long.parseLong(b.call("PTTL", key).replaceAll("[:\r\n]", ""));
                    assertEquals(ta < 0 ? ta : 0, tb < 0 ? tb : 0, "db " + db + " key " + key + " has a TTL on one side");
                    assertTrue(Math.abs(ta - tb) < 1000, "db " + db + " key " + key + " PTTL " + ta + " vs " + tb);
                }
            }
        }
    }

    private static Map<String, String> dump(RespConnection c) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String key : elements(c.call("KEYS", "*"))) {
            String type = c.call("TYPE", key);
            String contents = switch (type) {
                case "+string\r\n" -> c.call("GET", key);
                case "+list\r\n" -> c.call("LRANGE", key, "0", "-1");
                case "+hash\r\n" -> sorted(c.call("HGETALL", key));
                case "+set\r\n" -> sorted(c.call("SMEMBERS", key));
                case "+zset\r\n" -> c.call("ZRANGE", key, "0", "-1", "WITHSCORES");
                default -> "";
            };
            out.put(key, type + contents);
        }
        return out;
    }

    private static String sorted(String reply) {
        List<String> e = elements(reply);
        e.sort(null);
        return e.toString();
    }

    /** The bulk strings of a flat array reply. */
    private static List<String> elements(String reply) {
        List<String> out = new ArrayList<>();
        Matcher mt = Pattern.compile("\\$(\\d+)\r\n").matcher(reply);
        int from = 0;
        while (mt.find(from)) {
            int len = Integer.parseInt(mt.group(1));
            out.add(reply.substring(mt.end(), mt.end() + len));
            from = mt.end() + len + 2;
        }
        return out;
    }

    static String info(ServerProcess s) throws IOException {
        try (RespConnection c = RespConnection.to(s)) {
            return c.call("INFO", "replication");
        }
    }

    static String field(String info, String name) {
        Matcher mt = Pattern.compile(name + ":(\\S+)").matcher(info);
        assertTrue(mt.find(), name + " in " + info);
        return mt.group(1);
    }

    static void awaitLinkUp(ServerProcess replica) {
        await(() -> {
            try {
                return info(replica).contains("master_link_status:up");
            } catch (IOException e) {
                return false;
            }
        }, "the replica's link to its master is up");
    }

    private static void awaitLog(ServerProcess s, String text) {
        await(() -> s.output().contains(text), "log line: " + text);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // shared cores: no busy spin
        }
    }

    /** A replica in a raw socket: the handshake, the snapshot, then the bytes of the stream. */
    static final class FakeReplica implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final RespConnection conn;
        String fullResyncOffset;
        private int quietSeconds;

        private FakeReplica(Socket socket) throws IOException {
            this.socket = socket;
            this.conn = new RespConnection(socket);
            this.in = conn.input();
        }

        static FakeReplica attach(ServerProcess server, boolean eof) throws IOException {
            FakeReplica r = new FakeReplica(server.connect());
            r.socket.setSoTimeout(20_000);
            assertEquals("+PONG\r\n", r.conn.call("PING"));
            assertEquals("+OK\r\n", r.conn.call("REPLCONF", "listening-port", "1"));
            assertEquals("+OK\r\n", eof ? r.conn.call("REPLCONF", "capa", "eof", "capa", "psync2")
                    : r.conn.call("REPLCONF", "capa", "psync2"));
            r.conn.write(RespConnection.encode("PSYNC", "?", "-1"));
            String line = r.line();
            while (line.isEmpty()) {
                line = r.line(); // newlines while the snapshot is delayed
            }
            assertTrue(line.startsWith("+FULLRESYNC "), line);
            r.fullResyncOffset = line.substring(line.lastIndexOf(' ') + 1);
            String bulk = r.line();
            if (bulk.startsWith("$EOF:")) {
                byte[] mark = bulk.substring(5).getBytes(StandardCharsets.ISO_8859_1);
                r.readUntil(mark);
            } else {
                assertEquals(0, eof ? 1 : 0, "a replica with capa eof gets the diskless form");
                r.in.readNBytes(Integer.parseInt(bulk.substring(1)));
            }
            r.socket.setSoTimeout(1_000);
            return r;
        }

        void ack(long offset) throws IOException {
            conn.write(RespConnection.encode("REPLCONF", "ACK", Long.toString(offset)));
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("stream ended in a line: " + b);
                }
                b.write(c);
            }
            String s = b.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        private byte[] readUntil(byte[] end) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                int c;
                try {
                    c = in.read();
                } catch (SocketTimeoutException e) {
                    if (++quietSeconds > 20) {
                        throw e;
                    }
                    // as a real replica, acknowledge every second: Redis starts the stream after an
                    // EOF-marked snapshot on an ACK that comes once it considers the transfer done
                    ack(0);
                    continue;
                }
                if (c < 0) {
                    throw new EOFException("stream ended before its end mark");
                }
                b.write(c);
                byte[] got = b.toByteArray();
                if (got.length >= end.length
                        && Arrays.equals(got, got.length - end.length, got.length, end, 0, end.length)) {
                    return got;
                }
            }
        }

        byte[] readStreamUntil(byte[] last) throws IOException {
            try {
                return readUntil(last);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the stream never carried the last command", e);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
