package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Errors;

/**
 * Parsing a database number as Redis's getIntFromObjectOrReply does: a canonical 64-bit
 * integer, then a separate error when it does not fit an int.
 */
public final class DbIndex {

    /** {@link #parse} result: not an integer at all. */
    public static final long NOT_AN_INT = Long.MIN_VALUE;
    /** {@link #parse} result: an integer outside int range. */
    public static final long OUT_OF_INT_RANGE = Long.MAX_VALUE;

    private DbIndex() {
    }

    /** The argument as an int value, or one of the two failure markers. */
    public static long parse(Arguments args, int i) {
        if (!args.isLong(i)) {
            return NOT_AN_INT;
        }
        long v = args.longValue(i);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? OUT_OF_INT_RANGE : v;
    }

    public static boolean failed(long parsed) {
        return parsed == NOT_AN_INT || parsed == OUT_OF_INT_RANGE;
    }

    /** The error Redis gives for a failed parse. */
    public static String error(long parsed) {
        return parsed == NOT_AN_INT ? Errors.NOT_INTEGER : Errors.NOT_AN_INT_RANGE;
    }

    public static boolean inRange(long index, int databases) {
        return index >= 0 && index < databases;
    }
}
