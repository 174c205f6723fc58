package io.jredis.adapter.replication.aof;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Commands encoded as Redis writes them to the append-only file, gathered until written. */
final class CommandBuffer {

    private byte[] buf = new byte[64 * 1024];
    private int length;

    int length() {
        return length;
    }

    void command(List<byte[]> argv) {
        header('*', argv.size());
        for (byte[] a : argv) {
            bulk(a);
        }
    }

    void command(byte[]... argv) {
        command(Arrays.asList(argv));
    }

    /** Text as it is (an annotation line such as {@code #TS:1700000000\r\n}). */
    void raw(String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        ensure(b.length);
        System.arraycopy(b, 0, buf, length, b.length);
        length += b.length;
    }

    private void bulk(byte[] a) {
        header('$', a.length);
        ensure(a.length + 2);
        System.arraycopy(a, 0, buf, length, a.length);
        length += a.length;
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void header(char type, long n) {
        ensure(24);
        buf[length++] = (byte) type;
        if (n < 10) {
            buf[length++] = (byte) ('0' + n);
        } else {
            byte[] digits = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, buf, length, digits.length);
            length += digits.length;
        }
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }

    /** Writes everything to {@code ch} and empties the buffer; on failure nothing is dropped. */
    void writeTo(FileChannel ch) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, length);
        try {
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
        } finally {
            // a partial write keeps its unwritten tail for the retry (the written head stays on disk)
            int written = bb.position();
            System.arraycopy(buf, written, buf, 0, length - written);
            length -= written;
        }
        if (buf.length > 4 * 1024 * 1024) {
            buf = new byte[64 * 1024]; // give back what a burst took
        }
    }

    /** Everything gathered, as a new array; the buffer is empty afterwards. */
    byte[] take() {
        byte[] out = Arrays.copyOf(buf, length);
        length = 0;
        return out;
    }

    void clear() {
        length = 0;
    }
}
