package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;

/**
 * The options SET and GETEX share (Redis's parseExtendedStringArgumentsOrReply) and the absolute
 * expiry they give. Parsing returns the flags and the index of the expiry argument packed in one
 * long, so nothing is allocated.
 */
final class ExpiryArguments {

    static final int NX = 1;
    static final int XX = 1 << 1;
    static final int GET = 1 << 2;
    static final int KEEPTTL = 1 << 3;
    static final int PERSIST = 1 << 4;
    static final int EX = 1 << 5;
    static final int PX = 1 << 6;
    static final int EXAT = 1 << 7;
    static final int PXAT = 1 << 8;
    static final int ANY_EXPIRY = EX | PX | EXAT | PXAT;

    /** Returned by {@link #parse} after replying a syntax error. */
    static final long SYNTAX_ERROR = -1L;
    /** Returned by {@link #absoluteExpiry} after replying an error. */
    static final long INVALID = Long.MIN_VALUE;

    private ExpiryArguments() {
    }

    /**
     * Parses options from argument {@code from} on; {@code forSet} selects SET's options (NX, XX,
     * GET, KEEPTTL) over GETEX's (PERSIST). As in Redis, repeating the same expiry option is
     * allowed (the last one wins) but mixing two kinds is a syntax error.
     */
    static long parse(CommandContext ctx, Arguments args, int from, boolean forSet) {
        int flags = 0;
        int expireArg = 0;
        int n = args.count();
        for (int j = from; j < n; j++) {
            boolean hasNext = j + 1 < n;
            if (forSet && StringValues.isOption(args, j, "NX") && (flags & XX) == 0) {
                flags |= NX;
            } else if (forSet && StringValues.isOption(args, j, "XX") && (flags & NX) == 0) {
                flags |= XX;
            } else if (forSet && StringValues.isOption(args, j, "GET")) {
                flags |= GET;
            } else if (forSet && StringValues.isOption(args, j, "KEEPTTL") && (flags & (PERSIST | ANY_EXPIRY)) == 0) {
                flags |= KEEPTTL;
            } else if (!forSet && StringValues.isOption(args, j, "PERSIST") && (flags & (KEEPTTL | ANY_EXPIRY)) == 0) {
                flags |= PERSIST;
            } else if (hasNext && StringValues.isOption(args, j, "EX") && (flags & (KEEPTTL | PERSIST | (ANY_EXPIRY & ~EX))) == 0) {
                flags |= EX;
                expireArg = ++j;
            } else if (hasNext && StringValues.isOption(args, j, "PX") && (flags & (KEEPTTL | PERSIST | (ANY_EXPIRY & ~PX))) == 0) {
                flags |= PX;
                expireArg = ++j;
            } else if (hasNext && StringValues.isOption(args, j, "EXAT") && (flags & (KEEPTTL | PERSIST | (ANY_EXPIRY & ~EXAT))) == 0) {
                flags |= EXAT;
                expireArg = ++j;
            } else if (hasNext && StringValues.isOption(args, j, "PXAT") && (flags & (KEEPTTL | PERSIST | (ANY_EXPIRY & ~PXAT))) == 0) {
                flags |= PXAT;
                expireArg = ++j;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return SYNTAX_ERROR;
            }
        }
        return ((long) expireArg << 32) | flags;
    }

    static int flags(long parsed) {
        return (int) parsed;
    }

    static int expireArg(long parsed) {
        return (int) (parsed >>> 32);
    }

    /**
     * The absolute expiry in unix ms for the argument at i (Redis's getExpireMillisecondsOrReply),
     * or {@link #INVALID} after replying the error: not an integer, not positive, or overflowing
     * once turned into milliseconds and made absolute. {@code command} is the name the error quotes.
     */
    static long absoluteExpiry(CommandContext ctx, Arguments args, int i, int flags, String command) {
        if (!args.isLong(i)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return INVALID;
        }
        long v = args.longValue(i);
        boolean seconds = (flags & (EX | EXAT)) != 0;
        if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) {
            ctx.reply().error(Errors.invalidExpire(command));
            return INVALID;
        }
        if (seconds) {
            v *= 1000;
        }
        if ((flags & (EX | PX)) != 0) {
            if (v > Long.MAX_VALUE - ctx.now()) {
                ctx.reply().error(Errors.invalidExpire(command));
                return INVALID;
            }
            v += ctx.now();
        }
        return v;
    }
}
