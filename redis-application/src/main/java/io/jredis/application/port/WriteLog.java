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

    /** Brackets for a transaction's writes, which are replayed as one unit. */
    void beginTransaction();

    void endTransaction();

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
