package io.jredis.adapter.replication.migrate;

import io.jredis.application.port.MigrationLink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * MIGRATE's link as a plain blocking socket, opened for the one exchange and closed after it
 * (Redis caches the socket for 10 seconds; only the target's connection count can tell).
 * A refused connection is reported as a write failure, as Redis's non-blocking connect only
 * finds out when it writes; a connect that times out is a connect failure.
 */
public final class SocketMigrationLink implements MigrationLink {

    @Override
    public Exchange exchange(String host, int port, long timeoutMs, List<List<byte[]>> commands) {
        byte[] request = encode(commands);
        int replies = commands.size();
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMs));
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), timeout);
            } catch (SocketTimeoutException e) {
                return new Exchange(List.of(), Failure.CONNECT);
            } catch (ConnectException e) {
                return new Exchange(List.of(), Failure.WRITE);
            } catch (IOException | IllegalArgumentException e) {
                return new Exchange(List.of(), Failure.CONNECT);
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeout);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return new Exchange(List.of(), Failure.WRITE);
            }
            List<String> lines = new ArrayList<>(replies);
            InputStream in = socket.getInputStream();
            try {
                for (int i = 0; i < replies; i++) {
                    lines.add(readLine(in));
                }
            } catch (IOException e) {
                return new Exchange(lines, Failure.READ);
            }
            return new Exchange(lines, Failure.NONE);
        } catch (IOException e) {
            return new Exchange(List.of(), Failure.CONNECT);
        }
    }

    /** The commands as RESP arrays of bulk strings, back to back. */
    static byte[] encode(List<List<byte[]>> commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<byte[]> argv : commands) {
            out.writeBytes(("*" + argv.size() + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (byte[] a : argv) {
                out.writeBytes(("$" + a.length + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.writeBytes(a);
                out.writeBytes(new byte[] {'\r', '\n'});
            }
        }
        return out.toByteArray();
    }

    /** One reply line without its CRLF (Redis's syncReadLine); the end of the stream fails it. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }
}
