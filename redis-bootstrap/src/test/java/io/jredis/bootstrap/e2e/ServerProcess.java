package io.jredis.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A server in its own OS process, listening on 127.0.0.1:{@link #port()}; stopped on close. */
public abstract class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    /** Stops the server if the test JVM ends without closing it (a crash, a timeout kill). */
    private final Thread reaper;
    private final Path scratch;

    /**
     * A fresh directory for a server's files, passed as its --dir before the test's own flags (a
     * later --dir wins): a replica saving its master's RDB, or a disk-based full sync, must not
     * leave a dump.rdb in the working directory that the next server would load.
     */
    static Path scratchDir() {
        try {
            return Files.createTempDirectory("jredis-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected ServerProcess(String name, int port, List<String> command) {
        this(name, port, command, null);
    }

    /** {@code scratch}: a directory of the server's own (its --dir), removed on {@link #close()}; or null. */
    protected ServerProcess(String name, int port, List<String> command, Path scratch) {
        this.scratch = scratch;
        this.name = name;
        this.port = port;
        try {
            Path dir = Path.of(System.getProperty("jredis.it.logs", "target/it-logs"));
            Files.createDirectories(dir);
            this.log = dir.resolve(name + "-" + port + ".log");
            this.process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + command, e);
        }
        Process started = process;
        this.reaper = new Thread(started::destroyForcibly, name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            awaitPong();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The server died before answering: typically its port was taken meanwhile. */
    static final class ExitedEarly extends IllegalStateException {
        ExitedEarly(String message) {
            super(message);
        }
    }

    /** Starts a server, trying other ports when one was taken between choosing and binding it. */
    static <T extends ServerProcess> T withPortRetries(java.util.function.Supplier<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.get();
            } catch (ExitedEarly e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the server printed so far (for failure messages). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** A new blocking socket to the server. */
    public Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Polls with PING until the server answers, it dies, or the start timeout passes. */
    private void awaitPong() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        long backoffMicros = 1_000;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ExitedEarly(name + " exited with " + process.exitValue()
                        + " before answering PING:\n" + output());
            }
            try (Socket s = connect()) {
                s.setSoTimeout(5_000);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] want = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
                byte[] got = in.readNBytes(want.length);
                if (java.util.Arrays.equals(want, got)) {
                    return;
                }
                if (new String(got, StandardCharsets.ISO_8859_1).startsWith("-LOADIN")) {
                    last = new IOException("still loading its dataset"); // a large file: ask again
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    continue;
                }
                throw new IllegalStateException(name + " answered PING with "
                        + new String(got, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                last = e; // not listening yet
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(backoffMicros));
            backoffMicros = Math.min(backoffMicros * 2, 100_000);
        }
        throw new IllegalStateException(name + " did not answer PING on port " + port + " within "
                + START_TIMEOUT + " (last: " + last + "):\n" + output());
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (scratch != null) {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind
            }
        }
    }
}
