package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CONFIG SET port and bind move the listening sockets of a running server, as in Redis. */
class ConfigRebindIT {

    @Test
    void configSetPortMovesTheListenerAndAnOccupiedPortIsRefused() throws Exception {
        try (RealRedisProcess redis = RealRedisProcess.start();
             JRedisProcess jredis = JRedisProcess.start();
             RespConnection c = RespConnection.to(jredis)) {
            int newPort = FreePorts.ephemeral();
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "port", Integer.toString(newPort)));
            // the connection that asked stays open; new clients find the server on the new port only
            assertEquals("+PONG\r\n", c.call("PING"));
            assertEquals("+PONG\r\n", ping(newPort));
            assertThrows(ConnectException.class, () -> ping(jredis.port()));
            assertEquals("*2\r\n$4\r\nport\r\n$" + Integer.toString(newPort).length() + "\r\n" + newPort + "\r\n",
                    c.call("CONFIG", "GET", "port"));

            // a port someone else listens on: Redis's reply, and the server stays where it was
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this port."
                    + " Check server logs.\r\n", c.call("CONFIG", "SET", "port", Integer.toString(redis.port())));
            assertEquals("+PONG\r\n", ping(newPort));

            // an address this machine does not have (TEST-NET-1): refused, nothing changes
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'bind') - Failed to bind to specified"
                    + " addresses.\r\n", c.call("CONFIG", "SET", "bind", "192.0.2.1"));
            assertEquals("+PONG\r\n", ping(newPort));
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "bind", "127.0.0.1"));
            assertEquals("+PONG\r\n", ping(newPort));
        }
    }

    private static String ping(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("PING\r\n".getBytes());
            byte[] buf = new byte[7];
            int n = s.getInputStream().readNBytes(buf, 0, 7);
            return new String(buf, 0, n);
        }
    }
}
