package io.jredis.application.testing;

import io.jredis.application.port.ReplySink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A reply sink that renders each top-level reply as redis-cli-like text, so unit tests can
 * assert on replies without a network adapter: {@code OK}, {@code (error) ERR ...},
 * {@code (integer) 5}, {@code "bar"}, {@code (nil)}, {@code [a, b]}, {@code {k=v}},
 * {@code (double) 1.5}, {@code (true)}. Aggregates render RESP3 types; RESP2 tests check the
 * types a command chose, which is what the network adapter encodes.
 */
public final class RecordingReply implements ReplySink {

    private final List<String> replies = new ArrayList<>();
    private final io.jredis.application.server.Stats stats;

    /** A sink that counts its error replies in {@code stats}, as the network adapter does (may be null). */
    public RecordingReply(io.jredis.application.server.Stats stats) {
        this.stats = stats;
    }

    public RecordingReply() {
        this(null);
    }
    private final Deque<Frame> open = new ArrayDeque<>();

    private static final class Frame {
        final StringBuilder text = new StringBuilder();
        final char close;
        int remaining;
        int written;
        final boolean map;

        Frame(char openChar, char close, int count, boolean map) {
            this.close = close;
            this.remaining = count;
            this.map = map;
            text.append(openChar);
        }
    }

    /** Replies completed so far, oldest first. */
    public List<String> replies() {
        return replies;
    }

    /** The only or last reply. */
    public String last() {
        return replies.isEmpty() ? null : replies.get(replies.size() - 1);
    }

    public void clear() {
        replies.clear();
        open.clear();
    }

    private void value(String rendered) {
        Frame f = open.peek();
        if (f == null) {
            replies.add(rendered);
            return;
        }
        if (f.written > 0) {
            f.text.append(f.map && f.written % 2 == 1 ? "=" : ", ");
        }
        f.text.append(rendered);
        f.written++;
        f.remaining--;
        while (f != null && f.remaining == 0) {
            open.pop();
            String done = f.text.append(f.close).toString();
            f = open.peek();
            if (f == null) {
                replies.add(done);
            } else {
                if (f.written > 0) {
                    f.text.append(f.map && f.written % 2 == 1 ? "=" : ", ");
                }
                f.text.append(done);
                f.written++;
                f.remaining--;
            }
        }
    }

    private void aggregate(char o, char c, int count, boolean map) {
        if (count == 0) {
            value("" + o + c);
            return;
        }
        open.push(new Frame(o, c, count, map));
    }

    @Override
    public void status(String text) {
        value(text);
    }

    @Override
    public void error(String text) {
        if (stats != null) {
            stats.errorReplied(text);
        }
        value("(error) " + text);
    }

    @Override
    public void integer(long value) {
        value("(integer) " + value);
    }

    @Override
    public void bulk(byte[] value) {
        bulk(value, 0, value.length);
    }

    @Override
    public void bulk(byte[] buf, int off, int len) {
        value("\"" + new String(buf, off, len, StandardCharsets.UTF_8) + "\"");
    }

    @Override
    public void bulk(String value) {
        value("\"" + value + "\"");
    }

    @Override
    public void nullBulk() {
        value("(nil)");
    }

    @Override
    public void nullArray() {
        value("(nil-array)");
    }

    @Override
    public void array(int count) {
        aggregate('[', ']', count, false);
    }

    @Override
    public void map(int count) {
        aggregate('{', '}', count * 2, true);
    }

    @Override
    public void set(int count) {
        aggregate('~', '~', count, false);
    }

    @Override
    public void push(int count) {
        aggregate('>', '<', count, false);
    }

    @Override
    public void doubleValue(double value) {
        value("(double) " + value);
    }

    @Override
    public void doubleText(String text) {
        value("\"" + text + "\"");
    }

    @Override
    public void bool(boolean value) {
        value(value ? "(true)" : "(false)");
    }

    @Override
    public void bigNumber(String digits) {
        value("(big) " + digits);
    }

    @Override
    public void verbatim(String format, String text) {
        value("\"" + text + "\"");
    }
}
