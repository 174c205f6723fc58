package io.jredis.adapter.replication.aof;

import io.jredis.adapter.replication.rdb.RdbTarget;
import io.jredis.application.port.CommandThread;
import io.jredis.application.port.SnapshotOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A background rewrite's base as commands (aof-use-rdb-preamble no): the keys the walk hands
 * over are encoded on the command thread as the commands that rebuild them (what
 * {@link RespBaseWriter} writes: SELECT, SET/RPUSH/SADD/ZADD/HMSET in batches, PEXPIREAT), in
 * 64 KiB chunks; a writer thread of its own writes the chunks to the target. As
 * {@code RdbOutput}, the queue is bounded for the walk ({@link #saturated()} past 8 MiB until the
 * writer drained half) and early copies are always accepted, so a command never waits for the
 * disk. Keys of different databases may interleave (early copies): each switch is a SELECT.
 */
final class RespBaseOutput implements SnapshotOutput {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    static final long QUEUE_LIMIT = 8L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final RdbTarget target;
    private final CommandThread commandThread;
    private final boolean annotate;
    private final CommandBuffer buf = new CommandBuffer();
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean pausedForRoom;
    private volatile String failure;
    private volatile Consumer<String> done;
    private volatile boolean aborted;
    /** Bytes handed to the writer; the command thread's own. */
    private long shipped;
    private long earlyBytes;

    /** {@code annotate}: starts with a {@code #TS:} annotation (aof-timestamp-enabled), as Redis. */
    RespBaseOutput(RdbTarget target, CommandThread commandThread, boolean annotate) {
        this.target = target;
        this.commandThread = commandThread;
        this.annotate = annotate;
        this.thread = Thread.ofPlatform().name("jredis-aof-writer").daemon().unstarted(this::drain);
    }

    // ---------------------------------------------------------------- command thread

    @Override
    public void begin(long at) {
        thread.start();
        if (annotate) {
            buf.raw("#TS:" + at / 1000 + "\r\n");
        }
    }

    @Override
    public void select(int db, long size, long expires) {
        RespBaseWriter.select(buf, db);
    }

    @Override
    public void entry(byte[] key, Object value, long expireAt, boolean early) {
        if (failure != null) {
            return;
        }
        int before = buf.length();
        try {
            RespBaseWriter.entry(buf, key, value, expireAt);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        if (early) {
            earlyBytes += buf.length() - before;
        }
        if (buf.length() >= CHUNK) {
            ship();
        }
    }

    private void ship() {
        if (buf.length() == 0) {
            return;
        }
        byte[] chunk = buf.take();
        shipped += chunk.length;
        queuedBytes.addAndGet(chunk.length);
        queue.add(chunk);
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
        ship();
        done = whenDone;
        queue.add(END);
    }

    @Override
    public void abort() {
        aborted = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long bytes() {
        return shipped + buf.length();
    }

    @Override
    public long earlyBytes() {
        return earlyBytes;
    }

    private void fail(Exception e) {
        if (failure == null) {
            String m = e.getMessage();
            failure = m == null ? e.getClass().getSimpleName() : m;
            LOG.warn("Background AOF rewrite failed: {}", failure);
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
                target.complete();
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
