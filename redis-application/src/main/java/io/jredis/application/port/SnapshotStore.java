package io.jredis.application.port;

import io.jredis.domain.keyspace.Keyspace;

/**
 * Where point-in-time copies of the keyspace go and come from (an RDB file in {@code dir}).
 * Both calls run on the command thread: the keyspace is not changing meanwhile.
 */
public interface SnapshotStore {

    /**
     * Writes every database as it is at {@code now} (keys already expired are left out),
     * replacing the previous snapshot only once the new one is complete and durable.
     *
     * @throws SnapshotFailure with the reason (already logged) when nothing was replaced
     */
    void save(Keyspace keyspace, long now) throws SnapshotFailure;

    /**
     * Loads the snapshot into {@code keyspace}, which must be empty; keys expired by {@code now}
     * are dropped. Nothing is loaded unless the whole snapshot could be read. A missing snapshot
     * loads nothing and is no failure.
     *
     * @throws SnapshotFailure when the snapshot exists but cannot be loaded (corrupt, truncated,
     *                         or holding data jredis cannot represent)
     */
    LoadResult load(Keyspace keyspace, long now) throws SnapshotFailure;

    /**
     * An output writing a background snapshot (BGSAVE) to the snapshot file: it replaces the
     * file only once complete and durable, as {@link #save} does. It calls
     * {@code commandThread} to wake the command thread when it has room again. Failing to open
     * the file is reported through {@link SnapshotOutput#failure()}, as a failed child would be.
     */
    default SnapshotOutput backgroundOutput(CommandThread commandThread) {
        return new FailedOutput("no snapshot store is attached");
    }

    /** An output that failed before it began: the snapshot ends FAILED at its first slice. */
    record FailedOutput(String failure) implements SnapshotOutput {
        @Override
        public void begin(long at) {
        }

        @Override
        public boolean saturated() {
            return false;
        }

        @Override
        public void finish(java.util.function.Consumer<String> done) {
            done.accept(failure);
        }

        @Override
        public void abort() {
        }

        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public long earlyBytes() {
            return 0;
        }

        @Override
        public void select(int db, long size, long expires) {
        }

        @Override
        public void entry(byte[] key, Object value, long expireAt, boolean early) {
        }
    }

    /** What a load found: keys loaded and keys dropped because they had expired. */
    record LoadResult(long keysLoaded, long keysExpired) {
        public static final LoadResult NOTHING = new LoadResult(0, 0);
    }

    final class SnapshotFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public SnapshotFailure(String reason) {
            super(reason);
        }

        public SnapshotFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** No persistence attached (unit tests): saving fails, loading finds nothing. */
    SnapshotStore NONE = new SnapshotStore() {
        @Override
        public void save(Keyspace keyspace, long now) throws SnapshotFailure {
            throw new SnapshotFailure("no snapshot store is attached");
        }

        @Override
        public LoadResult load(Keyspace keyspace, long now) {
            return LoadResult.NOTHING;
        }
    };
}
