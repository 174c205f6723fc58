package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The network adapter end to end, against the packaged server in its own process: pipelining,
 * many connections, protocol errors, clients that vanish or never read, QUIT, huge values.
 * Error texts were checked against redis-server 7.0.15.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkIT {

    private JRedisProcess server;

    @BeforeAll
    void start() {
        server = JRedisProcess.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private RespConnection connect() throws IOException {
        return RespConnection.to(server);
    }

    @Test
    void tenThousandCommandsPipelinedInOneWrite() throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            String key = "pipe:" + (i % 100);
            String value = "value-" + i;
            switch (i % 3) {
                case 0 -> {
                    request.writeBytes(RespConnection.encode("SET", key, value));
                    expected.writeBytes(ascii("+OK\r\n"));
                    request.writeBytes(RespConnection.encode("GET", key));
                    expected.writeBytes(ascii("$" + value.length() + "\r\n" + value + "\r\n"));
                }
                case 1 -> {
                    request.writeBytes(ascii("PING\r\n"));
                    expected.writeBytes(ascii("+PONG\r\n"));
                }
                default -> {
                    request.writeBytes(RespConnection.encode("ECHO", value));
                    expected.writeBytes(ascii("$" + value.length() + "\r\n" + value + "\r\n"));
                }
            }
        }
        try (RespConnection c = connect()) {
            byte[] req = request.toByteArray();
            // one write call; a second thread so that neither side can block the other
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    c.socket().getOutputStream().write(req);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] got = c.input().readNBytes(expected.size());
            writer.join();
            assertEquals(new String(expected.toByteArray(), StandardCharsets.ISO_8859_1),
                    new String(got, StandardCharsets.ISO_8859_1));
            assertEquals("+PONG\r\n", c.call("PING"));
        }
    }

    @Test
    void twoThousandConnectionsHeldOpenAtOnce() throws Exception {
        int n = 2_000;
        long needed = n + 200L;
        assumeFileDescriptors(ProcessHandle.current().pid(), needed);
        assumeFileDescriptors(server.pid(), needed);
        List<RespConnection> clients = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                clients.add(connect());
            }
            for (int i = 0; i < n; i++) {
                clients.get(i).write(RespConnection.encode("ECHO", "client-" + i));
            }
            for (int i = 0; i < n; i++) {
                String want = "client-" + i;
                assertEquals("$" + want.length() + "\r\n" + want + "\r\n", clients.get(i).readReplyText(), "client " + i);
            }
            for (int i = n - 1; i >= 0; i--) {
                assertEquals("+OK\r\n", clients.get(i).call("SET", "conn:" + i, Integer.toString(i)));
            }
            for (int i = 0; i < n; i += 97) {
                String v = Integer.toString(i);
                assertEquals("$" + v.length() + "\r\n" + v + "\r\n", clients.get((i + 1) % n).call("GET", "conn:" + i));
            }
        } finally {
            for (RespConnection c : clients) {
                c.close();
            }
        }
        awaitOpenFilesAtMost(server.pid(), 100, "server closes the 2000 sockets");
    }

    @Test
    void aProtocolErrorClosesOnlyTheOffendingConnection() throws Exception {
        try (RespConnection bad = connect(); RespConnection good = connect()) {
            assertEquals("+OK\r\n", good.call("SET", "proto:k", "v"));
            bad.write("*1\r\n$4\r\nPING\r\n*1\r\n$x\r\n*1\r\n$4\r\nPING\r\n");
            assertEquals("+PONG\r\n", bad.readReplyText());
            assertEquals("-ERR Protocol error: invalid bulk length\r\n", bad.readReplyText());
            assertTrue(bad.isClosedByServer());
            assertEquals("$1\r\nv\r\n", good.call("GET", "proto:k"));
        }
        String[][] cases = {
                {"*x\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
                {"*1\r\nx\r\n", "-ERR Protocol error: expected '$', got 'x'\r\n"},
                {"PING \"a\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n"},
                {"*1\r\n$536870913\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
        };
        for (String[] c : cases) {
            try (RespConnection bad = connect()) {
                bad.write(c[0]);
                assertEquals(c[1], bad.readReplyText(), c[0]);
                assertTrue(bad.isClosedByServer(), c[0]);
            }
        }
        try (RespConnection c = connect()) {
            assertEquals("+PONG\r\n", c.call("PING"));
        }
    }

    @Test
    void clientsVanishingMidCommandOrMidPipelineLeakNothing() throws Exception {
        try (RespConnection c = connect()) {
            assertEquals("+OK\r\n", c.call("SET", "vanish:big", "x".repeat(4096)));
        }
        long baseline = openFiles(server.pid());
        byte[] pipeline;
        {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            for (int i = 0; i < 5_000; i++) {
                p.writeBytes(RespConnection.encode("GET", "vanish:big"));
            }
            pipeline = p.toByteArray();
        }
        for (int round = 0; round < 60; round++) {
            // mid-command: a bulk announced and half sent
            try (Socket s = server.connect()) {
                s.getOutputStream().write(ascii("*3\r\n$3\r\nSET\r\n$5\r\nvkey" + round % 10 + "\r\n$100000\r\nabc"));
            }
            // mid-header, then reset instead of an orderly close
            try (Socket s = server.connect()) {
                s.getOutputStream().write(ascii("*2\r\n$4\r\nEC"));
                s.setSoLinger(true, 0);
            }
            // mid-pipeline: 5000 commands for 20 MB of replies, nothing read, then reset
            try (Socket s = server.connect()) {
                s.getOutputStream().write(pipeline);
                s.setSoLinger(true, 0);
            }
        }
        awaitOpenFilesAtMost(server.pid(), baseline + 5, "server closes vanished clients");
        try (RespConnection c = connect()) {
            assertEquals("+PONG\r\n", c.call("PING"));
            assertEquals("$-1\r\n", c.call("GET", "vkey1")); // the half-sent SET never ran
            assertEquals(4096 + "$4096\r\n\r\n".length(), c.call("GET", "vanish:big").length());
        }
    }

    @Test
    void quitRepliesOkThenClosesAndIgnoresTheRest() throws Exception {
        try (RespConnection c = connect()) {
            c.write("SET quit:k 1\r\nQUIT\r\nSET quit:k 2\r\n");
            assertEquals("+OK\r\n", c.readReplyText());
            assertEquals("+OK\r\n", c.readReplyText());
            assertTrue(c.isClosedByServer());
        }
        try (RespConnection c = connect()) {
            assertEquals("$1\r\n1\r\n", c.call("GET", "quit:k"));
            c.write(RespConnection.encode("QUIT"));
            assertEquals("+OK\r\n", c.readReplyText());
            assertTrue(c.isClosedByServer());
        }
    }

    @Test
    void aClientThatNeverReadsDoesNotGrowTheServer() throws Exception {
        // a server of its own: its memory must not carry what other tests did
        try (JRedisProcess server = JRedisProcess.start()) {
            neverReadingClient(server);
        }
    }

    private static void neverReadingClient(JRedisProcess server) throws Exception {
        try (RespConnection c = RespConnection.to(server)) {
            assertEquals("+OK\r\n", c.call("SET", "bp:v", "v".repeat(100_000)));
        }
        long rssBefore = residentKb(server.pid());
        Socket lazy = new Socket();
        lazy.setReceiveBufferSize(64 * 1024);
        lazy.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        AtomicLong sent = new AtomicLong();
        byte[] chunk;
        {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                b.writeBytes(ascii("GET bp:v\r\n"));
            }
            chunk = b.toByteArray();
        }
        // each 10-byte request asks for 100 kB: 1 MB sent would be 10 GB of replies
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try {
                OutputStream out = lazy.getOutputStream();
                while (true) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the test closed the socket
            }
        });
        try {
            // the writer stalls once the server stops reading and the socket buffers are full
            long last = -1;
            int still = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (still < 5) {
                if (System.nanoTime() > deadline) {
                    fail("the client could keep sending: " + sent.get() + " bytes");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                long now = sent.get();
                still = now == last ? still + 1 : 0;
                last = now;
            }
            assertTrue(sent.get() < 64L * 1024 * 1024, "requests accepted: " + sent.get());
            long grownKb = residentKb(server.pid()) - rssBefore;
            assertTrue(grownKb < 100 * 1024, "server grew by " + grownKb + " kB for a client that never reads");
            try (RespConnection other = RespConnection.to(server)) {
                assertEquals("+PONG\r\n", other.call("PING"));
            }
        } finally {
            lazy.setSoLinger(true, 0);
            lazy.close();
            writer.join(10_000);
        }
        try (RespConnection other = RespConnection.to(server)) {
            assertEquals("+PONG\r\n", other.call("PING"));
        }
    }

    @Test
    void aHundredMegabyteValueRoundTrips() throws Exception {
        byte[] value = new byte[100 * 1024 * 1024];
        new Random(100).nextBytes(value);
        try (RespConnection c = connect()) {
            c.write(RespConnection.encode(List.of(ascii("SET"), ascii("huge"), value)));
            assertEquals("+OK\r\n", c.readReplyText());
            c.write(RespConnection.encode("GET", "huge"));
            byte[] reply = c.readReply();
            byte[] header = ascii("$" + value.length + "\r\n");
            assertEquals(header.length + value.length + 2, reply.length);
            assertArrayEquals(header, java.util.Arrays.copyOf(reply, header.length));
            assertArrayEquals(value, java.util.Arrays.copyOfRange(reply, header.length, header.length + value.length));
            assertEquals("+OK\r\n", c.call("SET", "huge", "small"));
            assertEquals("$5\r\nsmall\r\n", c.call("GET", "huge"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long openFiles(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.count();
        }
    }

    private static void awaitOpenFilesAtMost(long pid, long max, String what) throws IOException {
        awaitTrue(() -> {
            try {
                return openFiles(pid) <= max;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 20, what + ": open files " + openFiles(pid) + " > " + max);
    }

    private static void awaitTrue(BooleanSupplier condition, int seconds, String message) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** Skips when the process may not open enough files ("Max open files" soft limit). */
    private static void assumeFileDescriptors(long pid, long needed) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                long limit = soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                Assumptions.assumeTrue(limit >= needed, "pid " + pid + " may open only " + limit
                        + " files, the test needs " + needed + " (raise ulimit -n)");
                return;
            }
        }
        // limits unreadable: try anyway
    }
}
