package io.jredis.adapter.replication.rdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file written atomically, as SAVE writes it: a temp file in the same directory, fsynced,
 * renamed over the final name, then the directory fsynced. A crash at any moment leaves the old
 * complete file or the new complete file. BGSAVE's dump.rdb and an AOF rewrite's base file.
 */
public final class RdbFileTarget implements RdbTarget {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final Path temp;
    private final Path file;
    private final FileChannel channel;

    private RdbFileTarget(Path dir, Path temp, Path file, FileChannel channel) {
        this.dir = dir;
        this.temp = temp;
        this.file = file;
        this.channel = channel;
    }

    /** Opens a fresh temp file in {@code dir} that becomes {@code dir/fileName} on completion. */
    public static RdbFileTarget open(Path dir, String fileName) throws IOException {
        Path temp = dir.resolve("temp-bg-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".rdb");
        FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new RdbFileTarget(dir, temp, dir.resolve(fileName), ch);
    }

    /** The final file. */
    public Path file() {
        return file;
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
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.warn("Could not fsync the directory {}: {}", dir, e.getMessage());
        }
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
