package io.jredis.adapter.replication.rdb;

import java.io.IOException;

/**
 * Where an {@link RdbOutput}'s writer thread puts the bytes of a background snapshot: a file
 * ({@link RdbFileTarget}), a channel to a replica ({@link RdbChannelTarget}), or anything else.
 * Every method is called on the writer thread only, never on the command thread.
 */
public interface RdbTarget {

    /** The next bytes of the RDB stream. */
    void write(byte[] bytes, int off, int len) throws IOException;

    /** Everything was written: make it durable and visible (fsync, rename; an EOF mark...). */
    void complete() throws IOException;

    /** The snapshot failed or was killed: release and undo what was written (delete the temp file). */
    void discard();
}
