package io.jredis.bootstrap.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A raw RESP client for tests: writes exactly the bytes given and reads whole replies back as
 * the exact bytes the server sent, so replies can be compared byte for byte.
 */
public final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    public static RespConnection to(ServerProcess server) throws IOException {
        return new RespConnection(server.connect());
    }

    public Socket socket() {
        return socket;
    }

    /** The command as a RESP multibulk request. */
    public static byte[] encode(List<byte[]> args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.writeBytes(new byte[] {'\r', '\n'});
        }
        return b.toByteArray();
    }

    public static byte[] encode(String... args) {
        return encode(java.util.Arrays.stream(args).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void write(String raw) throws IOException {
        write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends one command and returns its reply as text (ISO-8859-1, every byte kept). */
    public String call(String... args) throws IOException {
        write(encode(args));
        return readReplyText();
    }

    public String readReplyText() throws IOException {
        return new String(readReply(), StandardCharsets.ISO_8859_1);
    }

    /** Reads one complete reply (RESP2 or RESP3) and returns its bytes as sent. */
    public byte[] readReply() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        readValue(b);
        return b.toByteArray();
    }

    private void readValue(ByteArrayOutputStream b) throws IOException {
        String line = readLine(b);
        char type = line.charAt(0);
        switch (type) {
            case '+', '-', ':', '_', '#', ',', '(' -> {
            }
            case '$', '=', '!' -> {
                long n = Long.parseLong(line.substring(1));
                if (n >= 0) {
                    copy(b, n + 2);
                }
            }
            case '*', '~', '>' -> {
                long n = Long.parseLong(line.substring(1));
                for (long i = 0; i < n; i++) {
                    readValue(b);
                }
            }
            case '%', '|' -> {
                long n = Long.parseLong(line.substring(1));
                for (long i = 0; i < 2 * n; i++) {
                    readValue(b);
                }
                if (type == '|') {
                    readValue(b); // the attributed value itself
                }
            }
            default -> throw new IOException("not a RESP reply: " + line);
        }
    }

    private String readLine(ByteArrayOutputStream b) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed after " + b.size() + " bytes of a reply: " + sb);
            }
            b.write(c);
            if (c == '\n' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
                return sb.substring(0, sb.length() - 1);
            }
            sb.append((char) c);
        }
    }

    private void copy(ByteArrayOutputStream b, long n) throws IOException {
        byte[] chunk = new byte[(int) Math.min(n, 64 * 1024)];
        while (n > 0) {
            int r = in.read(chunk, 0, (int) Math.min(n, chunk.length));
            if (r < 0) {
                throw new EOFException("connection closed inside a bulk reply");
            }
            b.write(chunk, 0, r);
            n -= r;
        }
    }

    /** True when the server has closed the connection (EOF or reset) with nothing more to read. */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    public InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The strings of a raw array-of-bulk-strings reply ({@code *N $len ...}), as {@link #call} returns it. */
    public static java.util.List<String> bulkStrings(String reply) throws IOException {
        java.io.InputStream in = new java.io.ByteArrayInputStream(reply.getBytes(StandardCharsets.ISO_8859_1));
        String header = headerLine(in);
        if (!header.startsWith("*")) {
            throw new IOException("not an array reply: " + reply);
        }
        int n = Integer.parseInt(header.substring(1));
        java.util.List<String> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = Integer.parseInt(headerLine(in).substring(1));
            out.add(new String(in.readNBytes(len), StandardCharsets.ISO_8859_1));
            in.readNBytes(2);
        }
        return out;
    }

    private static String headerLine(java.io.InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("reply ends inside a line");
            }
            sb.append((char) b);
        }
        in.read();
        return sb.toString();
    }
}
