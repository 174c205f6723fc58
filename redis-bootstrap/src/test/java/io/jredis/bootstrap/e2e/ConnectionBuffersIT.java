package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The connection buffer lifecycle: every read lands in one buffer shared by all connections, a
 * connection keeps input of its own only while a command is incomplete, and borrows an output
 * buffer only while replies are unwritten. These interleave several connections at the points
 * where a buffer changes hands, so a buffer used by two connections at once would show as
 * corrupted commands or replies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionBuffersIT {

    private JRedisProcess server;

    @BeforeAll
    void start() {
        server = JRedisProcess.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void manyConnectionsEachHoldingAnIncompleteCommandCompleteInAnyOrder() throws Exception {
        int n = 50;
        List<RespConnection> clients = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                RespConnection c = RespConnection.to(server);
                clients.add(c);
                // a pipeline of a SET and a GET, values long enough to span several fragments
                byte[] set = RespConnection.encode("SET", "k" + i, ("value-" + i + "-").repeat(50 + i));
                byte[] get = RespConnection.encode("GET", "k" + i);
                byte[] both = Arrays.copyOf(set, set.length + get.length);
                System.arraycopy(get, 0, both, set.length, get.length);
                requests.add(both);
            }
            // every connection sends the first part of its pipeline (cut mid-value), so each holds
            // an incomplete command when the next connection's bytes are read
            for (int i = 0; i < n; i++) {
                byte[] r = requests.get(i);
                clients.get(i).write(Arrays.copyOfRange(r, 0, 17 + i * 7));
            }
            // a PING round trip on another connection: the server has read what was sent before
            try (RespConnection probe = RespConnection.to(server)) {
                assertEquals("+PONG\r\n", probe.call("PING"));
            }
            // the rest in reverse order, in two more pieces each
            for (int i = n - 1; i >= 0; i--) {
                byte[] r = requests.get(i);
                int cut = 17 + i * 7;
                int mid = cut + (r.length - cut) / 2;
                clients.get(i).write(Arrays.copyOfRange(r, cut, mid));
                clients.get(i).write(Arrays.copyOfRange(r, mid, r.length));
            }
            for (int i = 0; i < n; i++) {
                RespConnection c = clients.get(i);
                String value = ("value-" + i + "-").repeat(50 + i);
                assertEquals("+OK\r\n", c.readReplyText(), "client " + i);
                assertEquals("$" + value.length() + "\r\n" + value + "\r\n", c.readReplyText(), "client " + i);
            }
        } finally {
            for (RespConnection c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aBulkSentInSmallPiecesWhileOthersRunCommandsArrivesWhole() throws Exception {
        byte[] value = new byte[3 * 1024 * 1024 + 11];
        new Random(7).nextBytes(value);
        byte[] request = RespConnection.encode(List.of(ascii("SET"), ascii("bulk"), value));
        try (RespConnection slow = RespConnection.to(server); RespConnection other = RespConnection.to(server)) {
            int piece = 40_000;
            for (int off = 0, round = 0; off < request.length; off += piece, round++) {
                slow.write(Arrays.copyOfRange(request, off, Math.min(request.length, off + piece)));
                // the other connection's commands pass through the shared read buffer meanwhile
                String v = "other-" + round;
                assertEquals("+OK\r\n", other.call("SET", "other", v));
                assertEquals("$" + v.length() + "\r\n" + v + "\r\n", other.call("GET", "other"));
            }
            assertEquals("+OK\r\n", slow.readReplyText());
            slow.write(RespConnection.encode("GET", "bulk"));
            byte[] reply = slow.readReply();
            byte[] header = ascii("$" + value.length + "\r\n");
            assertArrayEquals(header, Arrays.copyOf(reply, header.length));
            assertArrayEquals(value, Arrays.copyOfRange(reply, header.length, header.length + value.length));
        }
    }

    @Test
    void aSlowReaderOfLargeRepliesGetsEveryByteWhileOthersAreServed() throws Exception {
        byte[] value = new byte[1024 * 1024];
        new Random(11).nextBytes(value);
        int gets = 12; // 12 MiB of replies: past the 4 MiB at which reading the client pauses
        try (RespConnection slow = RespConnection.to(server); RespConnection other = RespConnection.to(server)) {
            slow.write(RespConnection.encode(List.of(ascii("SET"), ascii("large"), value)));
            assertEquals("+OK\r\n", slow.readReplyText());
            ByteArrayOutputStream pipeline = new ByteArrayOutputStream();
            for (int i = 0; i < gets; i++) {
                pipeline.writeBytes(RespConnection.encode("GET", "large"));
            }
            pipeline.writeBytes(RespConnection.encode("ECHO", "done"));
            slow.write(pipeline.toByteArray());

            byte[] header = ascii("$" + value.length + "\r\n");
            byte[] one = new byte[header.length + value.length + 2];
            System.arraycopy(header, 0, one, 0, header.length);
            System.arraycopy(value, 0, one, header.length, value.length);
            one[one.length - 2] = '\r';
            one[one.length - 1] = '\n';
            byte[] done = ascii("$4\r\ndone\r\n");
            int expected = gets * one.length + done.length;

            InputStream in = slow.socket().getInputStream();
            byte[] got = new byte[expected];
            byte[] chunk = new byte[64 * 1024];
            int have = 0;
            int round = 0;
            while (have < expected) {
                int n = in.read(chunk, 0, Math.min(chunk.length, expected - have));
                if (n < 0) {
                    break;
                }
                System.arraycopy(chunk, 0, got, have, n);
                have += n;
                if (round++ % 8 == 0) {
                    // others are served while this client's output waits for it
                    String v = "v" + round;
                    assertEquals("+OK\r\n", other.call("SET", "other", v));
                    assertEquals("$" + v.length() + "\r\n" + v + "\r\n", other.call("GET", "other"));
                }
            }
            assertEquals(expected, have);
            for (int i = 0; i < gets; i++) {
                assertArrayEquals(one, Arrays.copyOfRange(got, i * one.length, (i + 1) * one.length), "reply " + i);
            }
            assertArrayEquals(done, Arrays.copyOfRange(got, gets * one.length, expected));
            assertEquals("+PONG\r\n", slow.call("PING"));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
