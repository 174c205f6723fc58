package io.jredis.adapter.net;

import io.jredis.application.port.ReplySink;
import io.jredis.application.server.Stats;
import io.jredis.domain.value.DoubleText;
import org.agrona.ExpandableDirectByteBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes replies as RESP2 or RESP3 straight into a direct output buffer, which the connection
 * writes to its socket once per batch of pipelined commands. Nothing is allocated for integers,
 * bulk strings or headers.
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
    /** Bulks up to this length are assembled in {@link #scratch} and copied out in one put. */
    private static final int SMALL_BULK = 32;
    /** "$n\r\n" for every small bulk length n. */
    private static final byte[][] BULK_HEADERS = new byte[SMALL_BULK + 1][];

    static {
        for (int n = 0; n <= SMALL_BULK; n++) {
            BULK_HEADERS[n] = ("$" + n + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A small bulk's header, value and CRLF: one bounds check and one copy instead of five. */
    private final byte[] scratch = new byte[BULK_HEADERS[SMALL_BULK].length + SMALL_BULK + 2];

    /** Null while nothing is pending, when the writer borrows from a pool. */
    private ExpandableDirectByteBuffer out;
    /** Where the buffer is borrowed from and given back once drained; null: the writer owns one. */
    private final BufferPool<ExpandableDirectByteBuffer> pool;
    private final int initialCapacity;
    private int limit;
    private int protocol = 2;
    private final Stats stats;

    /** A writer whose error replies are counted in {@code stats} (INFO errorstats); may be null. */
    public RespWriter(int initialCapacity, Stats stats) {
        this.initialCapacity = initialCapacity;
        this.out = new ExpandableDirectByteBuffer(initialCapacity);
        this.pool = null;
        this.stats = stats;
    }

    /**
     * A writer that holds a buffer only while replies are pending: it borrows one from
     * {@code pool} for the first byte and gives it back on {@link #release}.
     */
    RespWriter(BufferPool<ExpandableDirectByteBuffer> pool, Stats stats) {
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

    /** Bytes encoded and not yet taken by {@link #consumed}. */
    public int pending() {
        return limit;
    }

    /** The encoded bytes as a buffer positioned at {@code from}, for a channel write. */
    public ByteBuffer view(int from) {
        ByteBuffer bb = out.byteBuffer();
        bb.limit(limit).position(from);
        return bb;
    }

    /** Everything was written: start again at the beginning. */
    public void reset() {
        limit = 0;
    }

    /** Everything was written: start again, giving a borrowed buffer back to its pool. */
    void release() {
        limit = 0;
        if (pool != null && out != null) {
            ExpandableDirectByteBuffer b = out;
            out = null;
            pool.give(b);
        }
    }

    private ExpandableDirectByteBuffer buf() {
        ExpandableDirectByteBuffer b = out;
        return b != null ? b : borrow();
    }

    private ExpandableDirectByteBuffer borrow() {
        out = pool.take();
        return out;
    }

    /** The encoded bytes, copied (tests). */
    public byte[] toBytes() {
        byte[] b = new byte[limit];
        if (limit > 0) {
            out.getBytes(0, b);
        }
        return b;
    }

    /** Capacity of the output buffer now held (0 when a pooled writer holds none). */
    public int capacity() {
        return out == null ? 0 : out.capacity();
    }

    public int initialCapacity() {
        return initialCapacity;
    }

    /** Bytes as they are, not a reply: a replica's replication stream. */
    public void raw(byte[] bytes, int offset, int length) {
        buf().putBytes(limit, bytes, offset, length);
        limit += length;
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
        if (len <= SMALL_BULK) {
            byte[] h = BULK_HEADERS[len];
            byte[] s = scratch;
            int hl = h.length;
            System.arraycopy(h, 0, s, 0, hl);
            System.arraycopy(buf, off, s, hl, len);
            s[hl + len] = '\r';
            s[hl + len + 1] = '\n';
            int total = hl + len + 2;
            buf().putBytes(limit, s, 0, total);
            limit += total;
            return;
        }
        header('$', len);
        buf().putBytes(limit, buf, off, len);
        limit += len;
        putBytes(CRLF);
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
            buf().putBytes(limit, body);
            limit += body.length;
            putBytes(CRLF);
        } else {
            bulk(body);
        }
    }

    // ---------------------------------------------------------------- encoding

    private void header(char type, long n) {
        ExpandableDirectByteBuffer b = buf();
        b.putByte(limit++, (byte) type);
        limit += b.putLongAscii(limit, n);
        b.putByte(limit++, (byte) '\r');
        b.putByte(limit++, (byte) '\n');
    }

    private void putByte(int b) {
        buf().putByte(limit++, (byte) b);
    }

    private void putBytes(byte[] b) {
        buf().putBytes(limit, b);
        limit += b.length;
    }

    /**
     * Status and error texts: one line, CR and LF turned into spaces as Redis does. Texts are
     * byte strings: chars up to 0xFF are written as that byte (user bytes reach the client
     * exactly, see {@code Arguments.text}); anything above is written as UTF-8.
     */
    private void putText(String s) {
        int n = s.length();
        ExpandableDirectByteBuffer out = buf();
        out.checkLimit(limit + n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                byte[] b = s.substring(i).getBytes(StandardCharsets.UTF_8);
                for (byte x : b) {
                    out.putByte(limit++, x == '\r' || x == '\n' ? (byte) ' ' : x);
                }
                return;
            }
            out.putByte(limit++, (byte) (c == '\r' || c == '\n' ? ' ' : c));
        }
    }
}
