package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;

/** Parsing a database number as Redis's getIntFromObjectOrReply does: a canonical integer that fits an int. */
public final class DbIndex {

    /** Returned by {@link #parse} when the argument is not an integer in int range. */
    public static final long NOT_AN_INT = Long.MIN_VALUE;

    private DbIndex() {
    }

    /** The argument as an int value, or {@link #NOT_AN_INT}; the range check against the database count is separate. */
    public static long parse(Arguments args, int i) {
        if (!args.isLong(i)) {
            return NOT_AN_INT;
        }
        long v = args.longValue(i);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? NOT_AN_INT : v;
    }

    public static boolean inRange(long index, int databases) {
        return index >= 0 && index < databases;
    }
}
