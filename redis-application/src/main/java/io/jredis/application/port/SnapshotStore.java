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
