package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the stream commands share: id parsing as Redis's, entry replies, propagation. */
final class Streams {

    /** Marks a lookup that already replied an error. */
    static final Object FAILED = new Object();

    private Streams() {
    }

    /**
     * The stream at argument i, null when missing, or {@link #FAILED} after replying WRONGTYPE.
     */
    static Object lookup(CommandContext ctx, int i) {
        Arguments a = ctx.args();
        Object v = ctx.db().get(a.array(), a.offset(i), a.length(i), ctx.now());
        if (v != null && !(v instanceof StreamValue)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return FAILED;
        }
        return v;
    }

    /**
     * Parses argument i as a stream id into out[0] (ms) and out[1] (seq), as Redis's
     * streamGenericParseIDOrReply: "-" and "+" (unless strict), "ms" (seq = missingSeq),
     * "ms-seq", and with {@code seqStar} "ms-*" (out[2] = 0 then, 1 when the seq was given).
     * Replies the error and returns false when invalid.
     */
    static boolean parseId(CommandContext ctx, int i, long missingSeq, boolean strict, boolean seqStar, long[] out) {
        if (!parseId(ctx.args(), i, missingSeq, strict, seqStar, out)) {
            ctx.reply().error(Errors.STREAM_INVALID_ID);
            return false;
        }
        return true;
    }

    static boolean parseId(Arguments a, int i, long missingSeq, boolean strict, boolean seqStar, long[] out) {
        return parseId(a.array(), a.offset(i), a.length(i), missingSeq, strict, seqStar, out);
    }

    static boolean parseId(byte[] b, int off, int len, long missingSeq, boolean strict, boolean seqStar, long[] out) {
        if (len > 127) {
            return false;
        }
        // C string semantics: the argument ends at its first NUL
        for (int k = 0; k < len; k++) {
            if (b[off + k] == 0) {
                len = k;
                break;
            }
        }
        if (out.length > 2) {
            out[2] = 1;
        }
        if (len == 1 && (b[off] == '-' || b[off] == '+')) {
            if (strict) {
                return false;
            }
            out[0] = b[off] == '-' ? 0 : -1L;
            out[1] = b[off] == '-' ? 0 : -1L;
            return true;
        }
        int dash = -1;
        for (int k = 0; k < len; k++) {
            if (b[off + k] == '-') {
                dash = k;
                break;
            }
        }
        long[] v = new long[1];
        if (!toUnsigned(b, off, dash < 0 ? len : dash, v)) {
            return false;
        }
        long ms = v[0];
        long seq;
        if (dash >= 0) {
            int so = off + dash + 1;
            int sl = len - dash - 1;
            if (seqStar && sl == 1 && b[so] == '*') {
                seq = 0;
                out[2] = 0;
            } else if (!toUnsigned(b, so, sl, v)) {
                return false;
            } else {
                seq = v[0];
            }
        } else {
            seq = missingSeq;
        }
        out[0] = ms;
        out[1] = seq;
        return true;
    }

    /**
     * Redis's string2ull: a long that is not negative, or else what strtoull accepts whole
     * (leading white space, a sign, digits; a '-' negates modulo 2^64; out of range refused).
     */
    static boolean toUnsigned(byte[] b, int off, int len, long[] out) {
        String s = new String(b, off, len, StandardCharsets.ISO_8859_1);
        Long strict = strictLong(s);
        if (strict != null) {
            if (strict < 0) {
                return false;
            }
            out[0] = strict;
            return true;
        }
        int p = 0;
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        boolean neg = false;
        if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            neg = s.charAt(p) == '-';
            p++;
        }
        int digits = p;
        while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            p++;
        }
        if (p == digits || p != s.length()) {
            return false;
        }
        java.math.BigInteger v = new java.math.BigInteger(s.substring(digits, p));
        if (v.bitLength() > 64) {
            return false;
        }
        long r = v.longValue();
        out[0] = neg ? -r : r;
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** Redis's string2ll on text, or null. */
    private static Long strictLong(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return null;
        }
        if (n == 1 && s.charAt(0) == '0') {
            return 0L;
        }
        int p = 0;
        if (s.charAt(0) == '-') {
            p = 1;
            if (n == 1) {
                return null;
            }
        }
        if (s.charAt(p) < '1' || s.charAt(p) > '9') {
            return null;
        }
        for (int k = p; k < n; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An interval bound as XRANGE takes it: "(" makes it exclusive (strict id after it).
     * out[2] = 1 when exclusive.
     */
    static boolean parseIntervalId(CommandContext ctx, int i, long missingSeq, long[] out) {
        Arguments a = ctx.args();
        int len = a.length(i);
        if (len > 1 && a.array()[a.offset(i)] == '(') {
            boolean ok = parseId(a.array(), a.offset(i) + 1, len - 1, missingSeq, true, false, out);
            if (!ok) {
                ctx.reply().error(Errors.STREAM_INVALID_ID);
                return false;
            }
            out[2] = 1;
            return true;
        }
        boolean ok = parseId(ctx, i, missingSeq, false, false, out);
        out[2] = 0;
        return ok;
    }

    static byte[] idBytes(long ms, long seq) {
        return (Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq)).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] idBytes(StreamId id) {
        return idBytes(id.ms(), id.seq());
    }

    static void replyId(ReplySink r, long ms, long seq) {
        r.bulk(idBytes(ms, seq));
    }

    /** [id, [field, value, ...]] for the cursor's entry. */
    static void replyEntry(ReplySink r, StreamValue.Cursor c) {
        r.array(2);
        replyId(r, c.ms(), c.seq());
        int pairs = c.pairs();
        r.array(2 * pairs);
        for (int i = 0; i < pairs; i++) {
            r.bulk(c.fieldArray(i), c.fieldOffset(i), c.fieldLength(i));
            r.bulk(c.valueArray(), c.valueOffset(i), c.valueLength(i));
        }
    }

    /** Counts the entries of a range, at most count (0 = all). */
    static int countRange(StreamValue s, long sMs, long sSeq, long eMs, long eSeq, long count, boolean rev) {
        StreamValue.Cursor c = s.cursor(sMs, sSeq, eMs, eSeq, rev);
        int n = 0;
        while ((count == 0 || n < count) && c.next()) {
            n++;
        }
        return n;
    }

    /** Replies the entries of a range as an array, at most count (0 = all). */
    static int replyRange(ReplySink r, StreamValue s, long sMs, long sSeq, long eMs, long eSeq, long count,
                          boolean rev) {
        int n = countRange(s, sMs, sSeq, eMs, eSeq, count, rev);
        r.array(n);
        StreamValue.Cursor c = s.cursor(sMs, sSeq, eMs, eSeq, rev);
        for (int i = 0; i < n && c.next(); i++) {
            replyEntry(r, c);
        }
        return n;
    }

    /** An extra write to propagate in this command's unit (the command itself is not propagated). */
    static void alsoPropagate(CommandContext ctx, Object... argv) {
        ctx.suppressPropagation();
        if (!ctx.server().writeLog().active()) {
            return;
        }
        List<byte[]> out = new ArrayList<>(argv.length);
        for (Object o : argv) {
            out.add(o instanceof byte[] b ? b : o.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        ctx.server().propagation().append(ctx.session().db(), out);
    }

    /** XCLAIM key group consumer 0 id TIME t RETRYCOUNT n FORCE JUSTID LASTID last: how Redis replicates a PEL entry. */
    static void propagateClaim(CommandContext ctx, byte[] key, byte[] group, io.jredis.domain.value.StreamGroup g,
                               byte[] consumer, StreamId id, long deliveryTime, long deliveryCount) {
        alsoPropagate(ctx, "XCLAIM", key, group, consumer, "0", idBytes(id), "TIME", Long.toString(deliveryTime),
                "RETRYCOUNT", Long.toString(deliveryCount), "FORCE", "JUSTID", "LASTID",
                idBytes(g.lastMs(), g.lastSeq()));
    }

    /** XGROUP SETID key group last ENTRIESREAD n. */
    static void propagateGroupId(CommandContext ctx, byte[] key, byte[] group, io.jredis.domain.value.StreamGroup g) {
        alsoPropagate(ctx, "XGROUP", "SETID", key, group, idBytes(g.lastMs(), g.lastSeq()), "ENTRIESREAD",
                Long.toString(g.entriesRead()));
    }

    /** Parses a long as getLongLongFromObjectOrReply; null after replying. */
    static Long longArg(CommandContext ctx, int i) {
        if (!ctx.args().isLong(i)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return null;
        }
        return ctx.args().longValue(i);
    }
}
