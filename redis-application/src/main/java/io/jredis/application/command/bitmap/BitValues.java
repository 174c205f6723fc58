package io.jredis.application.command.bitmap;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Numbers;
import io.jredis.domain.value.Strings;

/** What the bit commands share: Redis's offset and type parsing, and growing the string they write. */
final class BitValues {

    /** The largest byte array the JVM hands out: offsets past it cannot be stored whatever the config says. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private BitValues() {
    }

    /**
     * Redis's getBitOffsetFromArgument: a bit offset, or "#n" meaning n fields of {@code bits} when
     * {@code hash}; -1 after replying the error. Offsets must stay below proto-max-bulk-len bytes,
     * except for the master's stream (it is obeyed whatever the local limit).
     */
    static long offset(CommandContext ctx, int i, boolean hash, int bits) {
        Arguments args = ctx.args();
        byte[] buf = args.array();
        int off = args.offset(i);
        int len = args.length(i);
        int skip = hash && bits > 0 && len > 0 && buf[off] == '#' ? 1 : 0;
        if (!Numbers.isCanonicalLong(buf, off + skip, len - skip)) {
            ctx.reply().error(Errors.BIT_OFFSET);
            return -1;
        }
        long offset = Numbers.parseLong(buf, off + skip, len - skip);
        if (skip == 1) {
            offset *= bits;
        }
        if (offset < 0 || (offset >> 3) >= MAX_ARRAY
                || !ctx.session().master() && (offset >> 3) >= ctx.server().config().protoMaxBulkLen) {
            ctx.reply().error(Errors.BIT_OFFSET);
            return -1;
        }
        return offset;
    }

    /**
     * Redis's getBitfieldTypeFromArgument: "i1".."i64" or "u1".."u63" (the C string, cut at NUL),
     * returned as bits, negated for unsigned; 0 after replying the error.
     */
    static int type(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        byte[] buf = args.array();
        int off = args.offset(i);
        int len = args.length(i);
        for (int k = 0; k < len; k++) {
            if (buf[off + k] == 0) {
                len = k;
                break;
            }
        }
        if (len >= 2 && (buf[off] == 'i' || buf[off] == 'u') && Numbers.isCanonicalLong(buf, off + 1, len - 1)) {
            boolean signed = buf[off] == 'i';
            long bits = Numbers.parseLong(buf, off + 1, len - 1);
            if (bits >= 1 && bits <= (signed ? 64 : 63)) {
                return signed ? (int) bits : -(int) bits;
            }
        }
        ctx.reply().error(Errors.BITFIELD_TYPE);
        return 0;
    }

    /**
     * Redis's lookupStringForBitCommand: the string at argument 1 as a mutable value at least
     * {@code maxBit / 8 + 1} bytes long, created or zero-extended as needed; null after replying
     * WRONGTYPE. {@code grown[0]} tells whether the key was created or extended (Redis 7.0.15
     * then counts the write as a change even if the bits written equal the old ones).
     */
    static MutableString writable(CommandContext ctx, long maxBit, boolean[] grown) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        byte[] buf = args.array();
        int size = (int) (maxBit >> 3) + 1;
        Object value = db.get(buf, args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            MutableString m = new MutableString(new byte[size], size);
            db.put(buf, args.offset(1), args.length(1), m, Database.NO_EXPIRY, ctx.now());
            grown[0] = true;
            return m;
        }
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return null;
        }
        MutableString m;
        if (value instanceof MutableString existing) {
            m = existing;
        } else {
            byte[] b = (byte[]) value;
            byte[] room = new byte[Math.max(size, b.length)];
            System.arraycopy(b, 0, room, 0, b.length);
            m = new MutableString(room, b.length);
            // The entry keeps its time to live (dbUnshareStringValue).
            db.replace(buf, args.offset(1), args.length(1), m, ctx.now());
        }
        grown[0] = m.length() < size;
        m.growZero(size);
        return m;
    }

    /** The backing array of a string value; its first {@code Strings.length(value)} bytes are the value. */
    static byte[] array(Object value) {
        return value instanceof byte[] b ? b : ((MutableString) value).array();
    }
}
