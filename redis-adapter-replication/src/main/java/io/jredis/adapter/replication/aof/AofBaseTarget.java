package io.jredis.adapter.replication.aof;

import io.jredis.adapter.replication.rdb.RdbTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The temporary base file of a background rewrite ({@code dir/temp-rewriteaof-bg-<pid>.aof}, as
 * Redis's child names it), written by the output's writer thread and fsynced on completion. It
 * is not renamed here: the command thread moves it into the AOF directory together with the
 * manifest switch, as Redis's backgroundRewriteDoneHandler does.
 */
final class AofBaseTarget implements RdbTarget {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");

    private final Path temp;
    private final FileChannel channel;

    private AofBaseTarget(Path temp, FileChannel channel) {
        this.temp = temp;
        this.channel = channel;
    }

    static AofBaseTarget open(Path temp) throws IOException {
        return new AofBaseTarget(temp, FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    Path file() {
        return temp;
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, off, len);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public void complete() throws IOException {
        try (channel) {
            channel.force(true);
        }
        LOG.info("Successfully created the temporary AOF base file {}", temp.getFileName());
    }

    @Override
    public void discard() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // going away anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not remove the temp file {}: {}", temp, e.getMessage());
        }
    }
}
