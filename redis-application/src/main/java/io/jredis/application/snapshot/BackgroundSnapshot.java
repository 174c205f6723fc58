package io.jredis.application.snapshot;

import io.jredis.application.port.SnapshotOutput;
import io.jredis.application.server.ServerState;
import io.jredis.domain.keyspace.SnapshotWalk;

/**
 * The fork-less background snapshot: at most one at a time, as Redis has at most one child.
 * {@link #start} fixes the point in time and starts a {@link SnapshotWalk}; the event loop then
 * runs bounded {@link #slice slices} of it between commands, pausing while the output is
 * saturated; the walk's copy-on-write hooks keep the snapshot exact while commands change the
 * keyspace. Once every key was handed over the output completes on its own thread and the
 * listener hears the outcome on the command thread. Used by BGSAVE, and meant for the AOF
 * rewrite's base file and a replica's full sync (each with its own {@link SnapshotOutput}).
 */
public final class BackgroundSnapshot {

    /** How a snapshot ended. */
    public enum Status { OK, FAILED, KILLED }

    /**
     * The end of a snapshot: status, failure reason (FAILED only), keys written, bytes written,
     * bytes written early for keys a write was about to change, and duration in ms.
     */
    public record Outcome(Status status, String failure, long keys, long bytes, long earlyBytes, long millis) {
        public boolean ok() {
            return status == Status.OK;
        }
    }

    /** Told once, on the command thread, how a snapshot ended. */
    @FunctionalInterface
    public interface Listener {
        void done(Outcome outcome);
    }

    /** Keys handed to the walk per step; the slice checks its time budget between steps. */
    private static final int STEP_KEYS = 128;
    /** Time one slice may take (one per event-loop turn), so a command waits at most about this much for a snapshot. */
    public static final long SLICE_NANOS = 250_000L;

    private final ServerState server;
    private SnapshotWalk walk;
    private SnapshotOutput output;
    private Listener listener;
    private String purpose;
    private long startedMillis;
    private boolean finishing;
    private long lastEarlyBytes;

    public BackgroundSnapshot(ServerState server) {
        this.server = server;
    }

    /** True from {@link #start} until the listener was told the outcome. */
    public boolean inProgress() {
        return output != null;
    }

    /** What the running snapshot is for, as given to {@link #start} ("rdb", "aof", "sync"), or null. */
    public String purpose() {
        return purpose;
    }

    /** Start of the running snapshot in unix ms of the server clock (meaningful while in progress). */
    public long startedMillis() {
        return startedMillis;
    }

    /** Keys in the keyspace when the running snapshot started; 0 when none runs. */
    public long keysTotal() {
        return walk == null ? 0 : walk.keysTotal();
    }

    /** Keys the running snapshot wrote so far; 0 when none runs. */
    public long keysProcessed() {
        return walk == null ? 0 : walk.keysHanded();
    }

    /** Bytes written early by the running snapshot (copy-on-write), else by the last one. */
    public long earlyBytes() {
        return output == null ? lastEarlyBytes : output.earlyBytes();
    }

    /**
     * Takes a snapshot of the keyspace as it is now into {@code out}; {@code listener} hears
     * how it ended, on the command thread.
     *
     * @throws IllegalStateException when one is already in progress ({@link #inProgress()})
     */
    public void start(String purpose, SnapshotOutput out, Listener listener) {
        if (inProgress()) {
            throw new IllegalStateException("a background snapshot is already in progress");
        }
        long now = server.clock().millis();
        this.output = out;
        this.listener = listener;
        this.purpose = purpose;
        this.startedMillis = now;
        this.finishing = false;
        out.begin(now);
        this.walk = server.keyspace().startWalk(now, out);
        if (out.failure() != null) {
            fail();
        } else if (walk.done()) {
            finish();
        }
    }

    /** True when a slice has work to do now (walking, and the output has room). */
    public boolean runnable() {
        return walk != null && !finishing && (output.failure() != null || !output.saturated());
    }

    /** Runs the walk for up to {@code budgetNanos} (checked every few keys) or until the output is saturated. */
    public void slice(long budgetNanos) {
        if (!runnable()) {
            return;
        }
        long start = server.clock().nanos();
        while (true) {
            if (output.failure() != null) {
                fail();
                return;
            }
            if (walk.step(STEP_KEYS)) {
                if (output.failure() != null) {
                    fail();
                } else {
                    finish();
                }
                return;
            }
            if (output.saturated() || server.clock().nanos() - start >= budgetNanos) {
                return;
            }
        }
    }

    /**
     * Stops the running snapshot, if any, discarding its output (SHUTDOWN, FLUSHALL, a replica
     * gone); the listener hears {@link Status#KILLED} before this returns.
     */
    public void kill() {
        if (!inProgress()) {
            return;
        }
        SnapshotOutput out = output;
        walk.close();
        out.abort();
        end(new Outcome(Status.KILLED, null, walk.keysHanded(), out.bytes(), out.earlyBytes(), elapsed()));
    }

    private void fail() {
        SnapshotOutput out = output;
        String reason = out.failure();
        walk.close();
        out.abort();
        end(new Outcome(Status.FAILED, reason, walk.keysHanded(), out.bytes(), out.earlyBytes(), elapsed()));
    }

    private void finish() {
        finishing = true;
        walk.close(); // every key is out: later writes need no copies
        SnapshotOutput out = output;
        out.finish(reason -> server.commandThread().submit(() -> completed(out, reason)));
    }

    private void completed(SnapshotOutput out, String reason) {
        if (output != out) {
            return; // killed meanwhile
        }
        Status status = reason == null ? Status.OK : Status.FAILED;
        end(new Outcome(status, reason, walk.keysHanded(), out.bytes(), out.earlyBytes(), elapsed()));
    }

    private long elapsed() {
        return Math.max(0, server.clock().millis() - startedMillis);
    }

    private void end(Outcome outcome) {
        Listener l = listener;
        lastEarlyBytes = output.earlyBytes();
        walk = null;
        output = null;
        listener = null;
        purpose = null;
        finishing = false;
        l.done(outcome);
    }
}
