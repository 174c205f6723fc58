package io.jredis.adapter.replication.rdb;

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
 * What every background snapshot output shares, whatever it encodes (an RDB, an AOF base of
 * commands): the command thread encodes the keys the walk hands over into chunks and
 * {@link #enqueue}s them; a writer thread of its own writes them to the {@link RdbTarget}. The
 * queue is bounded for the walk: past {@link #QUEUE_LIMIT} bytes the output is
 * {@link #saturated()} and the walk pauses until the writer drained half of it, then wakes the
 * command thread. Keys handed over early (a write was about to change them) are always
 * accepted, so a command never waits for the disk.
 */
public abstract class ChunkedSnapshotOutput implements SnapshotOutput {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    /** Bytes queued for the writer above which the walk pauses. */
    static final long QUEUE_LIMIT = 8L * 1024 * 1024;
    private static final byte[] END = new byte[0];

    private final RdbTarget target;
    private final CommandThread commandThread;
    private final String what;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean pausedForRoom;
    private volatile String failure;
    private volatile Consumer<String> done;
    private volatile boolean aborted;
    /** Bytes encoded for keys handed over early; the command thread's own. */
    private long earlyBytes;

    /** {@code what} names the output in log lines ("Background snapshot"); the writer thread is {@code threadName}. */
    protected ChunkedSnapshotOutput(RdbTarget target, CommandThread commandThread, String what, String threadName) {
        this.target = target;
        this.commandThread = commandThread;
        this.what = what;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::drain);
    }

    // ---------------------------------------------------------------- command thread

    /** Starts the writer thread: the first thing {@link #begin} does. */
    protected final void startWriter() {
        thread.start();
    }

    /** Hands one encoded chunk to the writer (its bytes are the writer's from now on). */
    protected final void enqueue(byte[] chunk) {
        if (failure != null || chunk.length == 0) {
            return; // failing: nothing more will be written
        }
        queuedBytes.addAndGet(chunk.length);
        queue.add(chunk);
    }

    /** Counts bytes encoded for a key handed over early (INFO's *_last_cow_size). */
    protected final void countEarly(long bytes) {
        earlyBytes += bytes;
    }

    /** The writer completes the target after what is queued, then calls {@code whenDone} (null when it worked). */
    protected final void finishQueue(Consumer<String> whenDone) {
        done = whenDone;
        queue.add(END);
    }

    @Override
    public final boolean saturated() {
        if (queuedBytes.get() < QUEUE_LIMIT) {
            return false;
        }
        pausedForRoom = true;
        return queuedBytes.get() >= QUEUE_LIMIT; // the writer may have drained meanwhile
    }

    @Override
    public final String failure() {
        return failure;
    }

    @Override
    public final void abort() {
        if (!aborted) {
            LOG.info("{} killed: what it wrote is discarded", what);
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
    public final long earlyBytes() {
        return earlyBytes;
    }

    /** Records the first failure (any thread); later ones add nothing. */
    protected final void fail(Exception e) {
        if (failure == null) {
            String m = e.getMessage();
            failure = m == null ? e.getClass().getSimpleName() : m;
            LOG.warn("{} failed: {}", what, failure);
        }
    }

    // ---------------------------------------------------------------- writer thread

    /** Sees every chunk just before it is written (the RDB's CRC64). Writer thread. */
    protected void written(byte[] chunk) {
    }

    /** Writes what ends the output once every chunk is written (the RDB's checksum). Writer thread. */
    protected void beforeComplete(RdbTarget target) throws IOException {
    }

    /** Called once the target completed successfully (a log line). Writer thread. */
    protected void completed() {
    }

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
                        written(chunk);
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
                beforeComplete(target);
                target.complete();
                completed();
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
