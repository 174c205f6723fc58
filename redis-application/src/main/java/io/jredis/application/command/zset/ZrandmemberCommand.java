package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;
import io.jredis.application.port.ReplySink;

import java.util.SplittableRandom;

/**
 * ZRANDMEMBER key [count [WITHSCORES]]. A negative count may repeat members; a positive one
 * returns distinct members, the whole set from the highest when it asks for at least as many as there
 * are, as Redis does.
 */
public final class ZrandmemberCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zrandmember", -2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("6.2.0")
            .summary("Get one or multiple random elements from a sorted set")
            .complexity("O(N) where N is the number of elements returned")
            .keyFlags("RO", "access")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SplittableRandom random = ctx.server().random();
        if (args.count() >= 3) {
            if (!args.isLong(2)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            long l = args.longValue(2);
            if (l == Long.MIN_VALUE) {
                ctx.reply().error(Errors.COUNT_OUT_OF_RANGE);
                return;
            }
            boolean withScores = false;
            if (args.count() > 4 || (args.count() == 4 && !args.is(3, "WITHSCORES"))) {
                ctx.reply().error(Errors.SYNTAX);
                return;
            } else if (args.count() == 4) {
                withScores = true;
                if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) {
                    ctx.reply().error(Errors.VALUE_OUT_OF_RANGE);
                    return;
                }
            }
            withCount(ctx, l, withScores, random);
            return;
        }
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        if (z == null) {
            ctx.reply().nullBulk();
            return;
        }
        ctx.reply().bulk(z.memberAt(random.nextInt(z.size())));
    }

    private static void withCount(CommandContext ctx, long l, boolean withScores, SplittableRandom random) {
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        if (z == null || l == 0) {
            ctx.reply().array(0);
            return;
        }
        boolean unique = l > 0;
        long count = Math.abs(l);
        int size = z.size();
        ReplySink r = ctx.reply();
        boolean resp3 = ctx.session().protocol() == 3;
        if (!unique || count == 1) {
            header(r, count, withScores, resp3);
            for (long k = 0; k < count; k++) {
                int rank = random.nextInt(size);
                element(r, z.memberAt(rank), z.scoreAt(rank), withScores, resp3);
            }
            return;
        }
        if (count >= size) {
            header(r, size, withScores, resp3);
            // the whole set, highest first, as Redis 7.0 replies it
            z.visit(size - 1, true, (m, s) -> {
                element(r, m, s, withScores, resp3);
                return true;
            });
            return;
        }
        // distinct ranks: a partial Fisher-Yates shuffle
        int n = (int) count;
        int[] ranks = new int[size];
        for (int i = 0; i < size; i++) {
            ranks[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(size - i);
            int t = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = t;
        }
        header(r, n, withScores, resp3);
        for (int i = 0; i < n; i++) {
            element(r, z.memberAt(ranks[i]), z.scoreAt(ranks[i]), withScores, resp3);
        }
    }

    private static void header(ReplySink r, long count, boolean withScores, boolean resp3) {
        r.array((int) (withScores && !resp3 ? count * 2 : count));
    }

    private static void element(ReplySink r, byte[] member, double score, boolean withScores, boolean resp3) {
        if (withScores && resp3) {
            r.array(2);
        }
        r.bulk(member);
        if (withScores) {
            r.doubleValue(score);
        }
    }
}
