package io.jredis.application.command;

/** The {@code [COUNT count]} tail of LMPOP, BLMPOP, ZMPOP and BZMPOP, parsed as Redis does. */
public final class PopCount {

    /** Returned after the error was replied. */
    public static final long INVALID = -2;

    private PopCount() {
    }

    /**
     * Parses the options from argument {@code from} to the end: at most one COUNT with a
     * positive integer. Returns the count (1 when absent), or {@link #INVALID} after replying
     * {@code ERR count should be greater than 0} or a syntax error.
     */
    public static long parse(CommandContext ctx, int from) {
        Arguments args = ctx.args();
        long count = -1;
        for (int j = from; j < args.count(); j++) {
            if (count == -1 && args.is(j, "COUNT") && j + 1 < args.count()) {
                j++;
                if (!args.isLong(j) || args.longValue(j) < 1) {
                    ctx.reply().error(Errors.COUNT_NOT_POSITIVE);
                    return INVALID;
                }
                count = args.longValue(j);
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return INVALID;
            }
        }
        return count == -1 ? 1 : count;
    }
}
