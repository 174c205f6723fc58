package io.jredis.application.port;

import java.util.List;

/**
 * The stream of writes that changed data, in execution order, each with its database. Replicas
 * and the append-only file subscribe to it; with no subscriber appending costs nothing.
 */
public interface WriteLog {

    /** True when someone listens, so the executor need not build entries otherwise. */
    boolean active();

    /** One command as it must be replayed (already rewritten to a deterministic form). */
    void append(int db, List<byte[]> argv);

    /**
     * Brackets for writes that must be replayed as one unit (MULTI ... EXEC on the wire): those of
     * one command when there are several — an EXEC with two writes or more, or a command plus
     * the expired keys it reclaimed — as Redis 7.0 propagates them. Never empty, never nested,
     * never around a single write; each entry inside still carries its own database (the
     * adapter emits SELECT where it changes, as for any entry).
     */
    void beginTransaction();

    void endTransaction();

    /**
     * True for the replication stream: writes Redis 7.0 propagates to replicas only (PUBLISH and
     * SPUBLISH, its PROPAGATE_REPL) reach only the logs that say so; the append-only file says no.
     */
    default boolean feedsReplicas() {
        return true;
    }

    WriteLog NONE = new WriteLog() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void append(int db, List<byte[]> argv) {
        }

        @Override
        public void beginTransaction() {
        }

        @Override
        public void endTransaction() {
        }
    };
}
