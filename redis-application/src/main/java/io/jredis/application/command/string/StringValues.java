package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Ascii;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Numbers;

/** What the string commands share: reading either representation, replacing a value, size limits. */
final class StringValues {

    static final byte[] EMPTY = new byte[0];

    /** The largest byte array the JVM hands out; values past it cannot exist whatever the config says. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Like Redis's shared integers: counters below this reuse one immutable array per value. */
    private static final int SHARED_INTEGERS = 10_000;
    private static final byte[][] SHARED = new byte[SHARED_INTEGERS][];

    static {
        for (int i = 0; i < SHARED_INTEGERS; i++) {
            SHARED[i] = Numbers.toBytes(i);
        }
    }

    private StringValues() {
    }

    /** The backing array of a string value; its first {@code length(value)} bytes are the value. */
    static byte[] array(Object value) {
        return value instanceof byte[] b ? b : ((MutableString) value).array();
    }

    /** The decimal form of v as a value to store; small values share one array each. */
    static byte[] integer(long v) {
        return v >= 0 && v < SHARED_INTEGERS ? SHARED[(int) v] : Numbers.toBytes(v);
    }

    /** Replies a value that is known to be a string. */
    static void replyValue(CommandContext ctx, Object value) {
        if (value instanceof byte[] b) {
            ctx.reply().bulk(b);
        } else {
            MutableString m = (MutableString) value;
            ctx.reply().bulk(m.array(), 0, m.length());
        }
    }

    /**
     * Compares an option as Redis does with strcasecmp on the argument's C string: only the bytes
     * before a NUL count, so "NX\0junk" is NX. Allocates nothing.
     */
    static boolean isOption(Arguments args, int i, String word) {
        byte[] buf = args.array();
        int off = args.offset(i);
        int len = args.length(i);
        for (int k = 0; k < len; k++) {
            if (buf[off + k] == 0) {
                len = k;
                break;
            }
        }
        if (len != word.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (Ascii.lower(buf[off + k]) != Ascii.lower(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Stores a new value for the key at argument i, keeping its time to live (dbReplaceValue). */
    static void replaceKeepingTtl(CommandContext ctx, Database db, Arguments args, int i, Object value) {
        // One look-up: the entry keeps its time to live; a key that vanished meanwhile is created.
        byte[] buf = args.array();
        if (!db.replace(buf, args.offset(i), args.length(i), value, ctx.now())) {
            db.put(buf, args.offset(i), args.length(i), value, Database.NO_EXPIRY, ctx.now());
        }
    }

    /**
     * Redis's checkStringLength: a string may not grow past proto-max-bulk-len (nor, here, past
     * what a Java array can hold). Replies the error and returns false when it would.
     */
    static boolean checkLength(CommandContext ctx, long size, long append) {
        long total = size + append;
        long limit = Math.min(ctx.server().config().protoMaxBulkLen, MAX_ARRAY);
        if (total < size || total < append || total > limit) {
            ctx.reply().error(Errors.STRING_TOO_LONG);
            return false;
        }
        return true;
    }
}
