package io.jredis.adapter.net;

import io.jredis.application.command.Arguments;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link RespParser} as {@link Connection} does — append what a read brought, parse every
 * complete command, compact, grow the buffer when full — and records what came out as text
 * (ISO-8859-1, so every byte survives). Errors are recorded as {@code "ERR <text>"} and end the feed.
 */
final class FeedingParser {

    private final RespParser parser = new RespParser();
    private final Arguments args = new Arguments();
    private final long maxBulk;
    private final boolean authenticated;
    private ExpandableArrayBuffer in = new ExpandableArrayBuffer(16);
    private int inLimit;
    final List<String> out = new ArrayList<>();
    boolean failed;

    FeedingParser() {
        this(512L * 1024 * 1024, true);
    }

    FeedingParser(long maxBulk, boolean authenticated) {
        this.maxBulk = maxBulk;
        this.authenticated = authenticated;
    }

    /** One read: appends the chunk (growing the buffer as Connection.read does) and parses. */
    void feed(byte[] data, int off, int len) {
        if (failed) {
            return;
        }
        if (inLimit + len > in.capacity()) {
            in.checkLimit(Math.max(inLimit + len, in.capacity() * 2));
            parser.rebase(in.byteArray(), args);
        }
        in.putBytes(inLimit, data, off, len);
        inLimit += len;
        while (true) {
            RespParser.Result r = parser.parse(in, inLimit, args, maxBulk, authenticated);
            if (r == RespParser.Result.COMMAND) {
                out.add(render(args));
            } else if (r == RespParser.Result.ERROR) {
                out.add("ERR " + parser.error());
                failed = true;
                return;
            } else {
                break;
            }
        }
        compact();
    }

    int buffered() {
        return inLimit;
    }

    private void compact() {
        int from = parser.retainedFrom();
        if (from == 0) {
            return;
        }
        int remaining = inLimit - from;
        byte[] a = in.byteArray();
        System.arraycopy(a, from, a, 0, remaining);
        inLimit = remaining;
        parser.shift(from, args);
    }

    static String render(Arguments a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.count(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(new String(a.array(), a.offset(i), a.length(i), StandardCharsets.ISO_8859_1));
        }
        return sb.append(']').toString();
    }

    /** Parses {@code input} delivered in reads ending at the given cut points. */
    static List<String> parse(byte[] input, int... cuts) {
        FeedingParser p = new FeedingParser();
        int from = 0;
        for (int cut : cuts) {
            p.feed(input, from, cut - from);
            from = cut;
        }
        p.feed(input, from, input.length - from);
        return p.out;
    }
}
