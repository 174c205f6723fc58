package io.jredis.adapter.net;

import io.jredis.application.port.ReplySink;
import io.jredis.application.server.Stats;
import io.jredis.domain.value.DoubleText;
import io.jredis.domain.value.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes replies as RESP2 or RESP3 straight into an output array, which the connection writes
 * to its socket once per batch of pipelined commands. Nothing is allocated for integers, bulk
 * strings or headers.
 *
 * <p>The output is a heap array, not a direct buffer: replies are made of many small pieces (an
 * LRANGE of 100 short elements is 201 of them), and a small copy into a heap array is a few
 * inlined stores, while each small copy into native memory was an out-of-line Unsafe call with
 * its checks. The connection copies the whole batch into the loop's one direct buffer per write.
 */
public final class RespWriter implements ReplySink {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_BULK2 = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY2 = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO = ":0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ONE = ":1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE3 = "#t\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE3 = "#f\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The tens and ones digit of 0..99. */
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** The largest array the JVM reliably allocates. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    /** A header's type byte, up to 20 digits of a long, and CRLF. */
    private static final int MAX_HEADER = 1 + 20 + 2;

    /** Null while nothing is pending, when the writer borrows from a pool. */
    private byte[] out;
    /** Where the array is borrowed from and given back once drained; null: the writer owns one. */
    private final BufferPool<byte[]> pool;
    private final int initialCapacity;
    private int limit;
    private int protocol = 2;
    private final Stats stats;

    /** A writer whose error replies are counted in {@code stats} (INFO errorstats); may be null. */
    public RespWriter(int initialCapacity, Stats stats) {
        this.initialCapacity = initialCapacity;
        this.out = new byte[Math.max(initialCapacity, MAX_HEADER)];
        this.pool = null;
        this.stats = stats;
    }

    /**
     * A writer that holds an array only while replies are pending: it borrows one from
     * {@code pool} for the first byte and gives it back on {@link #release}.
     */
    RespWriter(BufferPool<byte[]> pool, Stats stats) {
        this.pool = pool;
        this.initialCapacity = 0;
        this.stats = stats;
    }

    public RespWriter(int initialCapacity) {
        this(initialCapacity, null);
    }

    /** 2 or 3: how the following replies are encoded. */
    @Override
    public void protocol(int protocol) {
        this.protocol = protocol;
    }

    /** Bytes encoded since the last {@link #reset} or {@link #release}. */
    public int pending() {
        return limit;
    }

    /**
     * The array holding the encoded bytes, from 0 to {@link #pending()}; valid until the next
     * reply is encoded (which may grow it into a new array) or the writer is released.
     */
    byte[] array() {
        return out;
    }

    /** Drops what was encoded after {@code mark} (an earlier {@link #pending()}): CLIENT REPLY OFF|SKIP. */
    void truncate(int mark) {
        if (mark < limit) {
            limit = mark;
        }
    }

    /** Everything was written: start again at the beginning. */
    public void reset() {
        limit = 0;
    }

    /** Everything was written: start again, giving a borrowed array back to its pool. */
    void release() {
        limit = 0;
        if (pool != null && out != null) {
            byte[] b = out;
            out = null;
            pool.give(b);
        }
    }

    /** The output array with room for {@code n} more bytes after {@link #limit}. */
    private byte[] room(int n) {
        byte[] b = out;
        if (b != null && b.length - limit >= n) {
            return b;
        }
        return grow(n);
    }

    private byte[] grow(int n) {
        if (out == null) {
            out = pool.take();
            if (out.length - limit >= n) {
                return out;
            }
        }
        long need = (long) limit + n;
        if (need > MAX_CAPACITY) {
            throw new IllegalStateException("reply buffer would exceed " + MAX_CAPACITY + " bytes");
        }
        // a grown array is not given back to the pool (it keeps only small ones); the old one is dropped
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(need, 2L * out.length));
        out = Arrays.copyOf(out, capacity);
        return out;
    }

    /** The encoded bytes, copied (tests). */
    public byte[] toBytes() {
        return limit == 0 ? new byte[0] : Arrays.copyOf(out, limit);
    }

    /** Capacity of the output array now held (0 when a pooled writer holds none). */
    public int capacity() {
        return out == null ? 0 : out.length;
    }

    public int initialCapacity() {
        return initialCapacity;
    }

    /** Bytes as they are, not a reply: a replica's replication stream. */
    public void raw(byte[] bytes, int offset, int length) {
        putBytes(bytes, offset, length);
    }

    // ---------------------------------------------------------------- ReplySink

    @Override
    public void status(String text) {
        if (text.equals("OK")) {
            putBytes(OK);
            return;
        }
        putByte('+');
        putText(text);
        putBytes(CRLF);
    }

    @Override
    public void ok() {
        putBytes(OK);
    }

    @Override
    public void error(String text) {
        if (stats != null) {
            stats.errorReplied(text);
        }
        putByte('-');
        putText(text);
        putBytes(CRLF);
    }

    @Override
    public void integer(long value) {
        if (value == 0) {
            putBytes(ZERO);
        } else if (value == 1) {
            putBytes(ONE);
        } else {
            header(':', value);
        }
    }

    @Override
    public void bulk(byte[] value) {
        bulk(value, 0, value.length);
    }

    @Override
    public void bulk(byte[] buf, int off, int len) {
        byte[] b = room(MAX_HEADER + len + 2);
        int p = limit;
        b[p++] = '$';
        p = writeLong(b, p, len);
        b[p++] = '\r';
        b[p++] = '\n';
        System.arraycopy(buf, off, b, p, len);
        p += len;
        b[p++] = '\r';
        b[p++] = '\n';
        limit = p;
    }

    @Override
    public void bulk(String value) {
        bulk(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void nullBulk() {
        putBytes(protocol == 3 ? NULL3 : NULL_BULK2);
    }

    @Override
    public void nullArray() {
        putBytes(protocol == 3 ? NULL3 : NULL_ARRAY2);
    }

    @Override
    public void array(int count) {
        header('*', count);
    }

    @Override
    public void map(int count) {
        if (protocol == 3) {
            header('%', count);
        } else {
            header('*', 2L * count);
        }
    }

    @Override
    public void set(int count) {
        header(protocol == 3 ? '~' : '*', count);
    }

    @Override
    public void push(int count) {
        header(protocol == 3 ? '>' : '*', count);
    }

    @Override
    public void doubleValue(double value) {
        String text = DoubleText.format(value);
        if (protocol == 3) {
            putByte(',');
            putText(text);
            putBytes(CRLF);
        } else {
            bulk(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void doubleText(String text) {
        if (protocol == 3) {
            putByte(',');
            putText(text);
            putBytes(CRLF);
        } else {
            bulk(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void bool(boolean value) {
        if (protocol == 3) {
            putBytes(value ? TRUE3 : FALSE3);
        } else {
            putBytes(value ? ONE : ZERO);
        }
    }

    @Override
    public void bigNumber(String digits) {
        if (protocol == 3) {
            putByte('(');
            putText(digits);
            putBytes(CRLF);
        } else {
            bulk(digits.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void verbatim(String format, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (protocol == 3) {
            header('=', body.length + 4L);
            putText(format);
            putByte(':');
            putBytes(body, 0, body.length);
            putBytes(CRLF);
        } else {
            bulk(body);
        }
    }

    // ---------------------------------------------------------------- encoding

    private void header(char type, long n) {
        byte[] b = room(MAX_HEADER);
        int p = limit;
        b[p++] = (byte) type;
        p = writeLong(b, p, n);
        b[p++] = '\r';
        b[p++] = '\n';
        limit = p;
    }

    /** The decimal digits of n at p; returns the position after them. */
    private static int writeLong(byte[] b, int p, long n) {
        if (n >= 0 && n < 10) {
            b[p] = (byte) ('0' + n);
            return p + 1;
        }
        if (n == Long.MIN_VALUE) {
            return Numbers.writeDecimal(n, b, p);
        }
        if (n < 0) {
            b[p++] = '-';
            n = -n;
        }
        int end = p + digits(n);
        int q = end;
        // two digits per division: half the divisions of one at a time
        while (n >= 100) {
            int r = (int) (n % 100);
            n /= 100;
            b[--q] = DIGIT_ONES[r];
            b[--q] = DIGIT_TENS[r];
        }
        if (n >= 10) {
            b[--q] = DIGIT_ONES[(int) n];
            b[--q] = DIGIT_TENS[(int) n];
        } else {
            b[--q] = (byte) ('0' + n);
        }
        return end;
    }

    /** Decimal digits of a positive long. */
    private static int digits(long n) {
        int d = 1;
        long limit = 10;
        while (d < 19 && n >= limit) {
            d++;
            limit *= 10;
        }
        return d;
    }

    private void putByte(int v) {
        byte[] b = room(1);
        b[limit++] = (byte) v;
    }

    private void putBytes(byte[] v) {
        putBytes(v, 0, v.length);
    }

    private void putBytes(byte[] v, int off, int len) {
        byte[] b = room(len);
        System.arraycopy(v, off, b, limit, len);
        limit += len;
    }

    /**
     * Status and error texts: one line, CR and LF turned into spaces as Redis does. Texts are
     * byte strings: chars up to 0xFF are written as that byte (user bytes reach the client
     * exactly, see {@code Arguments.text}); anything above is written as UTF-8.
     */
    private void putText(String s) {
        int n = s.length();
        byte[] b = room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
                b = room(utf8.length);
                for (byte x : utf8) {
                    b[limit++] = x == '\r' || x == '\n' ? (byte) ' ' : x;
                }
                return;
            }
            b[limit++] = (byte) (c == '\r' || c == '\n' ? ' ' : c);
        }
    }
}
