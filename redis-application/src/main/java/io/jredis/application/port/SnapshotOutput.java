package io.jredis.application.port;

import io.jredis.domain.keyspace.SnapshotWalk;

import java.util.function.Consumer;

/**
 * Where a background snapshot goes (an RDB file, an AOF base file, a replica's socket): an
 * adapter encodes the keys the walk hands over on the command thread and writes them out on its
 * own thread. Everything but {@link #finish}'s callback is called on the command thread.
 */
public interface SnapshotOutput extends SnapshotWalk.Sink {

    /** Before the first key: the header, as of the snapshot's start time {@code at} (unix ms). */
    void begin(long at);

    /**
     * True while the output has as much queued as it may hold: the walk pauses, and the output
     * wakes the command thread ({@link CommandThread#submit}) once it has room again or failed.
     */
    boolean saturated();

    /** Why the output cannot complete (encoding or writing failed), or null while it can. */
    String failure();

    /**
     * Every key was handed over: the output writes its end and completes (a file: flush, fsync,
     * rename) on its own thread, then calls {@code done} from that thread with null on success
     * or the reason it failed.
     */
    void finish(Consumer<String> done);

    /** Stops and discards (a temp file is deleted); once this returns nothing is written any more. */
    void abort();

    /** Bytes produced so far. */
    long bytes();

    /** Bytes produced for keys handed over early, because a write was about to change them. */
    long earlyBytes();
}
