package io.jredis.application.command.set;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;

import java.util.SplittableRandom;

/** Counts and random choices of SRANDMEMBER and HRANDFIELD. */
public final class RandomPicks {

    /** Returned by {@link #parseCount} after replying an error. */
    public static final long INVALID = Long.MIN_VALUE;

    private RandomPicks() {
    }

    /** The count at argument i, in -LONG_MAX..LONG_MAX as Redis wants it; INVALID after replying an error. */
    public static long parseCount(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        if (!args.isLong(i)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return INVALID;
        }
        long count = args.longValue(i);
        if (count == Long.MIN_VALUE) {
            ctx.reply().error(Errors.COUNT_OUT_OF_RANGE);
            return INVALID;
        }
        return count;
    }

    /** {@code count} distinct indexes in 0..size-1 (count < size), in random order. */
    public static int[] distinct(SplittableRandom random, int size, int count) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        // A partial Fisher-Yates shuffle: the first count slots end up a uniform sample.
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, count);
    }
}
