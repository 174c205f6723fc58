package io.jredis.adapter.replication.rdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * The RDB stream to a channel in blocking mode (a replica's socket handed to the writer thread,
 * a pipe), optionally framed as Redis's diskless full sync frames it: {@code $EOF:<40 bytes>\r\n},
 * the RDB, then the same 40 bytes. Without a mark the bytes go as they are (the length-prefixed
 * {@code $<len>\r\n} form needs the length first: write to an {@link RdbFileTarget} and send the
 * file, as Redis's disk-based sync does).
 */
public final class RdbChannelTarget implements RdbTarget {

    private final WritableByteChannel channel;
    private final byte[] eofMark;
    private boolean started;

    /**
     * @param eofMark 40 bytes for the diskless {@code $EOF:} framing, or null for none
     */
    public RdbChannelTarget(WritableByteChannel channel, byte[] eofMark) {
        if (eofMark != null && eofMark.length != 40) {
            throw new IllegalArgumentException("the EOF mark must be 40 bytes");
        }
        this.channel = channel;
        this.eofMark = eofMark == null ? null : eofMark.clone();
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        if (!started) {
            started = true;
            if (eofMark != null) {
                byte[] head = "$EOF:".getBytes(StandardCharsets.US_ASCII);
                writeFully(head, 0, head.length);
                writeFully(eofMark, 0, eofMark.length);
                writeFully(new byte[] {'\r', '\n'}, 0, 2);
            }
        }
        writeFully(bytes, off, len);
    }

    @Override
    public void complete() throws IOException {
        if (eofMark != null) {
            writeFully(eofMark, 0, eofMark.length);
        }
    }

    @Override
    public void discard() {
        // the channel belongs to the caller, who closes it (a replica link is dropped)
    }

    private void writeFully(byte[] bytes, int off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, off, len);
        while (b.hasRemaining()) {
            if (channel.write(b) < 0) {
                throw new IOException("channel closed");
            }
        }
    }
}
