package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.CommandThread;
import io.jredis.application.port.SnapshotOutput;
import io.jredis.application.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A background snapshot as an RDB (version 10) stream to any {@link RdbTarget}. The keys the
 * walk hands over are encoded on the command thread into 64 KiB chunks (the encoding must
 * happen before a write changes the value); a writer thread of its own takes the chunks from a
 * queue and writes them to the target. The queue is bounded for the walk: past
 * {@link #QUEUE_LIMIT} bytes the output is {@link #saturated()} and the walk pauses until the
 * writer drained half of it, then wakes the command thread. Keys handed over early (a write was
 * about to change them) are always accepted, so a command never waits for the disk.
 *
 * <p>Use: {@code state.backgroundSnapshot().start(purpose, new RdbOutput(target, ...), listener)}.
 */
public final class RdbOutput implements SnapshotOutput {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    /** Bytes queued for the writer above which the walk pauses. */
    static final long QUEUE_LIMIT = 8L * 1024 * 1024;
    private static final byte[] END = new byte[0];

    private final RdbTarget target;
    private final ServerConfig config;
    private final String redisVersion;
    private final CommandThread commandThread;
    private final String successMessage;
    private final java.util.Map<String, String> extraAux = new java.util.LinkedHashMap<>();
    private boolean aofBase;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final RdbWriter writer;
    private final boolean[] selected;
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean pausedForRoom;
    private volatile String failure;
    private volatile Consumer<String> done;
    private volatile boolean aborted;
    private long earlyBytes;
    private final boolean checksum;
    /** CRC64 of everything written so far; the writer thread's own. */
    private long crc;

    /**
     * @param successMessage logged once the target completed (e.g. "DB saved on disk"), or null
     */
    public RdbOutput(RdbTarget target, ServerConfig config, String redisVersion, CommandThread commandThread,
                     String successMessage) {
        this.target = target;
        this.config = config;
        this.redisVersion = redisVersion;
        this.commandThread = commandThread;
        this.successMessage = successMessage;
        // the CRC64 is computed by the writer thread, so the command thread only encodes
        this.writer = new RdbWriter(new ChunkStream(), config.rdbcompression, false);
        this.checksum = config.rdbchecksum;
        this.selected = new boolean[Math.max(1, config.databases)];
        this.thread = Thread.ofPlatform().name("jredis-rdb-writer").daemon().unstarted(this::drain);
    }

    /** The aux field {@code aof-base} says 1: the base file of an AOF rewrite. Before {@link #begin}. */
    public RdbOutput aofBase() {
        this.aofBase = true;
        return this;
    }

    /** One more aux field after the usual ones (repl-id, repl-offset for a replica). Before {@link #begin}. */
    public RdbOutput aux(String name, String value) {
        extraAux.put(name, value);
        return this;
    }

    // ---------------------------------------------------------------- command thread

    @Override
    public void begin(long at) {
        thread.start();
        try {
            RdbSnapshotStore.writeHeader(writer, redisVersion, at, extraAux, aofBase);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void select(int db, long size, long expires) {
        try {
            if (db < selected.length && !selected[db]) {
                selected[db] = true;
                writer.selectDb(db, size, expires);
            } else {
                writer.selectDbAgain(db);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void entry(byte[] key, Object value, long expireAt, boolean early) {
        if (failure != null) {
            return;
        }
        long before = writer.offset();
        try {
            RdbSnapshotStore.writeEntry(writer, key, value, expireAt);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        if (early) {
            earlyBytes += writer.offset() - before;
        }
    }

    @Override
    public boolean saturated() {
        if (queuedBytes.get() < QUEUE_LIMIT) {
            return false;
        }
        pausedForRoom = true;
        return queuedBytes.get() >= QUEUE_LIMIT; // the writer may have drained meanwhile
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void finish(Consumer<String> whenDone) {
        try {
            writer.endWithoutTrailer();
        } catch (IOException e) {
            fail(e);
        }
        done = whenDone;
        queue.add(END);
    }

    @Override
    public void abort() {
        if (!aborted) {
            LOG.info("Background snapshot killed: what it wrote is discarded");
        }
        aborted = true;
        thread.interrupt();
        try {
            // the target must be untouched once this returns (SHUTDOWN saves right after)
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long bytes() {
        return writer.offset() + 8;
    }

    @Override
    public long earlyBytes() {
        return earlyBytes;
    }

    private void fail(Exception e) {
        if (failure == null) {
            String m = e.getMessage();
            failure = m == null ? e.getClass().getSimpleName() : m;
            LOG.warn("Background snapshot failed: {}", failure);
        }
    }

    /** Where the writer's 64 KiB buffer goes when full: a copy joins the queue. */
    private final class ChunkStream extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure != null || len == 0) {
                return; // the snapshot is failing: nothing more will be written
            }
            byte[] chunk = java.util.Arrays.copyOfRange(b, off, off + len);
            queuedBytes.addAndGet(len);
            queue.add(chunk);
        }
    }

    // ---------------------------------------------------------------- writer thread

    private void drain() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == END) {
                    complete();
                    return;
                }
                if (failure == null) {
                    try {
                        if (checksum) {
                            crc = Crc64.update(crc, chunk, 0, chunk.length);
                        }
                        target.write(chunk, 0, chunk.length);
                    } catch (IOException e) {
                        if (aborted) {
                            return;
                        }
                        fail(e);
                        wake(); // the walk must hear it, even while paused
                    }
                }
                long left = queuedBytes.addAndGet(-chunk.length);
                if (pausedForRoom && left < QUEUE_LIMIT / 2) {
                    pausedForRoom = false;
                    wake();
                }
            }
        } catch (InterruptedException e) {
            // aborted
        } finally {
            if (aborted || failure != null) {
                target.discard();
            }
        }
    }

    private void complete() {
        if (failure == null) {
            try {
                byte[] trailer = new byte[8]; // the CRC64, little-endian; 0 when checksums are off
                for (int i = 0; i < 8; i++) {
                    trailer[i] = (byte) (crc >>> (8 * i));
                }
                target.write(trailer, 0, 8);
                target.complete();
                if (successMessage != null) {
                    LOG.info(successMessage);
                }
            } catch (IOException e) {
                fail(e);
            }
        }
        if (failure != null) {
            target.discard();
        }
        if (!aborted) {
            done.accept(failure);
        }
    }

    private void wake() {
        commandThread.submit(() -> { });
    }
}
