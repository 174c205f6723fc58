package io.jredis.adapter.replication.aof;

import io.jredis.adapter.replication.rdb.ChunkedSnapshotOutput;
import io.jredis.adapter.replication.rdb.RdbTarget;
import io.jredis.application.port.CommandThread;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A background rewrite's base as commands (aof-use-rdb-preamble no): the keys the walk hands
 * over are encoded on the command thread as the commands that rebuild them (what
 * {@link RespBaseWriter} writes: SELECT, SET/RPUSH/SADD/ZADD/HMSET in batches, XADD..., PEXPIREAT),
 * in 64 KiB chunks for the writer thread. Queue bound and back-pressure:
 * {@link ChunkedSnapshotOutput}. Keys of different databases may interleave (early copies): each
 * switch is a SELECT.
 */
final class RespBaseOutput extends ChunkedSnapshotOutput {

    private static final int CHUNK = 64 * 1024;

    private final boolean annotate;
    private final CommandBuffer buf = new CommandBuffer();
    /** Bytes handed to the writer; the command thread's own. */
    private long shipped;

    /** {@code annotate}: starts with a {@code #TS:} annotation (aof-timestamp-enabled), as Redis. */
    RespBaseOutput(RdbTarget target, CommandThread commandThread, boolean annotate) {
        super(target, commandThread, "Background AOF rewrite", "jredis-aof-writer");
        this.annotate = annotate;
    }

    @Override
    public void begin(long at) {
        startWriter();
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
        if (failure() != null) {
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
            countEarly(buf.length() - before);
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
        enqueue(chunk);
    }

    @Override
    public void finish(Consumer<String> whenDone) {
        ship();
        finishQueue(whenDone);
    }

    @Override
    public long bytes() {
        return shipped + buf.length();
    }
}
