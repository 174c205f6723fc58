package io.jredis.adapter.replication.replica;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the master sends, buffered: reply lines during the handshake, then the RDB transfer
 * (exactly its bytes, in either form), then the command stream, all from one buffer so that
 * bytes read ahead of one phase serve the next. Used by the link thread only.
 */
final class MasterInput {

    /** Called whenever a read waited the socket's timeout without data: may throw to give up. */
    interface IdleCheck {
        void idle() throws IOException;
    }

    private final InputStream in;
    private final IdleCheck idleCheck;
    byte[] buf = new byte[16 * 1024];
    int start;
    int end;
    /** Every byte received from the socket (master_sync_read_bytes, read offset). */
    long received;

    MasterInput(InputStream in, IdleCheck idleCheck) {
        this.in = in;
        this.idleCheck = idleCheck;
    }

    int available() {
        return end - start;
    }

    /** Reads more bytes after those buffered, growing the buffer when it is full. */
    int fill() throws IOException {
        if (start == end) {
            start = 0;
            end = 0;
        } else if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        while (true) {
            int n;
            try {
                n = in.read(buf, end, buf.length - end);
            } catch (SocketTimeoutException e) {
                idleCheck.idle();
                continue;
            }
            if (n < 0) {
                throw new EOFException("connection closed by the master");
            }
            end += n;
            received += n;
            return n;
        }
    }

    /** One line without its CRLF (or LF): a reply, or "" for a keepalive newline. */
    String readLine() throws IOException {
        int scanned = 0; // bytes after start already looked at
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end - start;
            if (scanned > 64 * 1024) {
                throw new IOException("reply line from the master too long");
            }
            fill();
        }
    }

    /** The next {@code length} bytes as a stream, and not one more (a {@code $<length>} transfer). */
    InputStream exactly(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                if (start == end) {
                    fill();
                }
                int n = (int) Math.min(Math.min(len, left), end - start);
                System.arraycopy(buf, start, b, off, n);
                start += n;
                left -= n;
                return n;
            }
        };
    }

    /**
     * The bytes up to the 40-byte end mark of a diskless ({@code $EOF:<mark>}) transfer, as a
     * stream: the last 40 bytes seen are held back until more arrive, and the stream ends when
     * they are the mark. The master sends nothing after the mark until the replica's first
     * ACK, so the mark is the last thing read.
     */
    InputStream untilMark(byte[] mark) {
        return new InputStream() {
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (true) {
                    if (done) {
                        return -1;
                    }
                    int held = end - start;
                    if (held > mark.length) {
                        int n = Math.min(len, held - mark.length);
                        System.arraycopy(buf, start, b, off, n);
                        start += n;
                        return n;
                    }
                    if (held == mark.length && Arrays.equals(buf, start, end, mark, 0, mark.length)) {
                        start = end; // the mark is consumed
                        done = true;
                        return -1;
                    }
                    fill();
                }
            }
        };
    }
}
