package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.CommandThread;
import io.jredis.application.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A background snapshot as an RDB (version 10) stream to any {@link RdbTarget}. The keys the
 * walk hands over are encoded on the command thread (the encoding must happen before a write
 * changes the value) by an {@link RdbWriter} whose 64 KiB buffer empties into the writer's
 * queue; the writer thread computes the CRC64 as it writes, so the command thread only encodes.
 * Queue bound and back-pressure: {@link ChunkedSnapshotOutput}.
 *
 * <p>Use: {@code state.backgroundSnapshot().start(purpose, new RdbOutput(target, ...), listener)}.
 */
public final class RdbOutput extends ChunkedSnapshotOutput {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");

    private final String redisVersion;
    private final String successMessage;
    private final java.util.Map<String, String> extraAux = new java.util.LinkedHashMap<>();
    private boolean aofBase;
    private final RdbWriter writer;
    private final boolean[] selected;
    private final boolean checksum;
    /** CRC64 of everything written so far; the writer thread's own. */
    private long crc;

    /**
     * @param successMessage logged once the target completed (e.g. "DB saved on disk"), or null
     */
    public RdbOutput(RdbTarget target, ServerConfig config, String redisVersion, CommandThread commandThread,
                     String successMessage) {
        super(target, commandThread, "Background snapshot", "jredis-rdb-writer");
        this.redisVersion = redisVersion;
        this.successMessage = successMessage;
        // the CRC64 is computed by the writer thread (written), so the writer here computes none
        this.writer = new RdbWriter(new ChunkStream(), config.rdbcompression, false);
        this.checksum = config.rdbchecksum;
        this.selected = new boolean[Math.max(1, config.databases)];
    }

    /** The aux field {@code aof-base} says 1: the base file of an AOF rewrite. Before {@link #begin}. */
    public RdbOutput aofBase() {
        this.aofBase = true;
        return this;
    }

    /** One more aux field after the usual ones (repl-id, repl-offset for a replica). Before {@link #begin}. */
    public RdbOutput aux(String name, String value) {
        extraAux.put(name, value);
        return this;
    }

    // ---------------------------------------------------------------- command thread

    @Override
    public void begin(long at) {
        startWriter();
        try {
            RdbSnapshotStore.writeHeader(writer, redisVersion, at, extraAux, aofBase);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void select(int db, long size, long expires) {
        try {
            if (db < selected.length && !selected[db]) {
                selected[db] = true;
                writer.selectDb(db, size, expires);
            } else {
                writer.selectDbAgain(db);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void entry(byte[] key, Object value, long expireAt, boolean early) {
        if (failure() != null) {
            return;
        }
        long before = writer.offset();
        try {
            RdbSnapshotStore.writeEntry(writer, key, value, expireAt);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        if (early) {
            countEarly(writer.offset() - before);
        }
    }

    @Override
    public void finish(Consumer<String> whenDone) {
        try {
            writer.endWithoutTrailer();
        } catch (IOException e) {
            fail(e);
        }
        finishQueue(whenDone);
    }

    @Override
    public long bytes() {
        return writer.offset() + 8;
    }

    /** Where the writer's 64 KiB buffer goes when full: a copy joins the queue. */
    private final class ChunkStream extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            enqueue(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }

    // ---------------------------------------------------------------- writer thread

    @Override
    protected void written(byte[] chunk) {
        if (checksum) {
            crc = Crc64.update(crc, chunk, 0, chunk.length);
        }
    }

    @Override
    protected void beforeComplete(RdbTarget target) throws IOException {
        byte[] trailer = new byte[8]; // the CRC64, little-endian; 0 when checksums are off
        for (int i = 0; i < 8; i++) {
            trailer[i] = (byte) (crc >>> (8 * i));
        }
        target.write(trailer, 0, 8);
    }

    @Override
    protected void completed() {
        if (successMessage != null) {
            LOG.info(successMessage);
        }
    }
}
