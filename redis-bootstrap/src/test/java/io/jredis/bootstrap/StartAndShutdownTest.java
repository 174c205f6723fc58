package io.jredis.bootstrap;

import io.jredis.application.server.ServerConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartAndShutdownTest {

    @Test
    void badArgumentsEndWithStatusOneAndVersionWithZero() {
        assertEquals(1, Main.run(List.of("--port", "abc")));
        assertEquals(1, Main.run(List.of("--nosuch", "1")));
        assertEquals(1, Main.run(List.of("--daemonize", "yes")));
        assertEquals(1, Main.run(List.of("-h")));
        assertEquals(0, Main.run(List.of("-v")));
    }

    @Test
    void shutdownCommandStopsTheEventLoop() throws Exception {
        ServerConfig config = new ServerConfig();
        try (ServerSocket probe = new ServerSocket(0)) {
            config.port = probe.getLocalPort();
        }
        config.bind = List.of("127.0.0.1");
        ProcessLifecycle lifecycle = new ProcessLifecycle(config);
        JRedisServer server = new JRedisServer(config, new SystemClock(), lifecycle);
        server.bind();
        lifecycle.attach(server);
        CompletableFuture<Void> running = CompletableFuture.runAsync(server::run);

        try (Socket s = new Socket("127.0.0.1", config.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("CONFIG SET maxmemory 10mb\r\nSHUTDOWN ABORT\r\n".getBytes(StandardCharsets.US_ASCII));
            String expected = "+OK\r\n-ERR No shutdown in progress.\r\n";
            assertEquals(expected, read(in, expected.length()));
            out.write("SHUTDOWN NOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, in.read(), "the connection closes without a reply");
        }
        running.get(10, TimeUnit.SECONDS);
        assertTrue(lifecycle.shutdownRequested());
        assertEquals(10L * 1024 * 1024, config.maxmemory);
    }

    private static String read(InputStream in, int n) throws Exception {
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.US_ASCII);
    }
}
