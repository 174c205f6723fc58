package io.jredis.adapter.replication.master;

import io.jredis.adapter.replication.rdb.RdbTarget;
import io.jredis.application.port.CommandThread;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The snapshot of one full resynchronization on its way to the replicas that share it: a
 * producer thread (the RDB writer for the diskless form, a file reader for the disk form) hands
 * chunks here; they reach the replicas' connections on the command thread, which owns them.
 * At most {@link #WINDOW} bytes may sit unsent in a replica's output, so the producer waits for
 * the slowest socket (and, through the snapshot's bounded queue, the walk pauses) instead of
 * buffering the whole snapshot.
 */
final class SnapshotTransfer implements RdbTarget {

    /** Snapshot bytes a replica's connection may hold unsent. */
    static final int WINDOW = 4 << 20;
    private static final long RECHECK_MILLIS = 10;

    private final CommandThread commandThread;
    /** The replicas this snapshot goes to; the command thread's. */
    final List<ReplicaLink> replicas;
    private final byte[] head;
    private final byte[] tail;
    private final Semaphore room = new Semaphore(WINDOW);
    /** Permits taken and not yet given back; the command thread's. */
    private long outstanding;
    private boolean started;
    private volatile boolean checkQueued;

    /**
     * @param head bytes before the first snapshot byte ({@code $EOF:<mark>\r\n} or {@code $<len>\r\n})
     * @param tail bytes after the last one (the EOF mark), or an empty array
     */
    SnapshotTransfer(CommandThread commandThread, List<ReplicaLink> replicas, byte[] head, byte[] tail) {
        this.commandThread = commandThread;
        this.replicas = replicas;
        this.head = head;
        this.tail = tail;
    }

    // ---------------------------------------------------------------- producer thread

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        if (!started) {
            started = true;
            hand(head, 0, head.length);
        }
        hand(bytes, off, len);
    }

    @Override
    public void complete() throws IOException {
        if (!started) {
            started = true;
            hand(head, 0, head.length);
        }
        hand(tail, 0, tail.length);
    }

    @Override
    public void discard() {
        // the replicas are closed by whoever heard of the failure
    }

    private void hand(byte[] bytes, int off, int len) throws IOException {
        int step = WINDOW / 4;
        for (int at = off; at < off + len; at += step) {
            int n = Math.min(step, off + len - at);
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, at, at + n);
            awaitRoom(n);
            commandThread.submit(() -> deliver(chunk, n));
        }
    }

    /** Waits until the slowest replica took enough of what it was given; rechecks while waiting. */
    private void awaitRoom(int n) throws IOException {
        try {
            while (!room.tryAcquire(n, RECHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (!checkQueued) {
                    checkQueued = true;
                    commandThread.submit(this::giveBackSent);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("snapshot transfer stopped");
        }
    }

    // ---------------------------------------------------------------- command thread

    private void deliver(byte[] chunk, int n) {
        outstanding += n;
        for (ReplicaLink r : replicas) {
            if (!r.closing) {
                r.writeSnapshot(chunk, 0, n);
            }
        }
        giveBackSent();
    }

    /** Gives the producer back the room the sockets freed (also from the cron). */
    void giveBackSent() {
        checkQueued = false;
        long unsent = 0;
        for (ReplicaLink r : replicas) {
            if (!r.closing) {
                unsent = Math.max(unsent, r.connection.outputBufferLength());
            }
        }
        if (outstanding > unsent) {
            room.release((int) (outstanding - unsent));
            outstanding = unsent;
        }
    }

    /** True while some replica of this transfer is still connected. */
    boolean anyoneLeft() {
        for (ReplicaLink r : replicas) {
            if (!r.closing) {
                return true;
            }
        }
        return false;
    }
}
