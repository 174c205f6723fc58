package io.jredis.adapter.replication.master;

import java.util.Arrays;
import java.util.List;

/** Commands as the RESP arrays of the replication stream, into one reusable buffer. */
final class StreamEncoder {

    private byte[] buf = new byte[4096];
    private int length;

    void clear() {
        length = 0;
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return length;
    }

    void command(List<byte[]> argv) {
        header('*', argv.size());
        for (byte[] arg : argv) {
            bulk(arg);
        }
    }

    void command(byte[]... argv) {
        command(Arrays.asList(argv));
    }

    /** SELECT db, as Redis's shared select commands. */
    void select(int db) {
        header('*', 2);
        bulk(SELECT);
        bulk(ascii(db));
    }

    private static final byte[] SELECT = {'S', 'E', 'L', 'E', 'C', 'T'};

    private void bulk(byte[] arg) {
        header('$', arg.length);
        ensure(arg.length + 2);
        System.arraycopy(arg, 0, buf, length, arg.length);
        length += arg.length;
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void header(char type, long n) {
        ensure(24);
        buf[length++] = (byte) type;
        if (n == 0) {
            buf[length++] = '0';
        } else {
            int start = length;
            long v = n;
            while (v > 0) {
                buf[length++] = (byte) ('0' + v % 10);
                v /= 10;
            }
            for (int i = start, j = length - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }

    static byte[] ascii(long v) {
        return Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
