package io.jredis.application.command.zset;

import io.jredis.application.command.KeyReference;
import io.jredis.application.blocking.BlockTimeout;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.PopCount;
import io.jredis.domain.value.SortedSet;

import java.util.List;

/**
 * BZPOPMIN, BZPOPMAX (key... timeout) and BZMPOP (timeout numkeys key... MIN|MAX [COUNT n]):
 * pop from the first non-empty sorted set in argument order, or block. Inside MULTI they act
 * as their non-blocking forms. As Redis 7.0 they propagate as ZPOPMIN/ZPOPMAX key (BZPOPMIN,
 * BZPOPMAX) or ZPOPMIN/ZPOPMAX key popped-count (BZMPOP), and a waiter whose key turns into
 * another type keeps waiting.
 */
public final class BzpopCommand implements Command {

    private final CommandSpec spec;
    /** BZMPOP: the end is given as MIN|MAX, the reply is [key, [[member, score]...]]. */
    private final boolean multi;
    private final boolean max;

    private BzpopCommand(CommandSpec spec, boolean multi, boolean max) {
        this.spec = spec;
        this.multi = multi;
        this.max = max;
    }

    public static BzpopCommand bzpopmin() {
        return new BzpopCommand(blockingPop("bzpopmin", "Remove and return the member with the lowest score "
                + "from one or more sorted sets, or block until one is available"), false, false);
    }

    public static BzpopCommand bzpopmax() {
        return new BzpopCommand(blockingPop("bzpopmax", "Remove and return the member with the highest score "
                + "from one or more sorted sets, or block until one is available"), false, true);
    }

    public static BzpopCommand bzmpop() {
        return new BzpopCommand(CommandSpec.command("bzmpop", -5)
                .flags(CommandFlag.WRITE, CommandFlag.BLOCKING, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
                .keyFlags("RW", "access", "delete")
                .acl("write", "sortedset", "slow", "blocking")
                .group("sorted-set").since("7.0.0")
                .summary("Remove and return members with scores in a sorted set or block until one is available")
                .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of "
                        + "elements in the sorted set, and M being the number of elements popped.")
                .keySpec(CommandSpec.index(2), CommandSpec.keynum(0, 1, 1), "RW", "access", "delete")
                .build(), true, false);
    }

    private static CommandSpec blockingPop(String name, String summary) {
        return CommandSpec.command(name, -3)
                .flags(CommandFlag.WRITE, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING, CommandFlag.FAST)
                .keys(1, -2, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "sortedset", "fast", "blocking")
                .group("sorted-set").since("5.0.0").summary(summary)
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .build();
    }

    /** BZMPOP counts its keys after the timeout, as Redis's keynum spec; BZPOPMIN/MAX need no parsing. */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        if (!multi) {
            return null;
        }
        List<KeyReference> keys = new java.util.ArrayList<>();
        return KeyReference.addCounted(keys, args, base, 2, KeyReference.RW_ACCESS_DELETE) ? keys : List.of();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        int firstKey;
        int lastKey;
        boolean fromMax = max;
        long count = -1;
        int timeoutIndex;
        if (multi) {
            timeoutIndex = 1;
            long numkeys;
            if (!a.isLong(2) || (numkeys = a.longValue(2)) < 1) {
                ctx.reply().error(Errors.NUMKEYS_NOT_POSITIVE);
                return;
            }
            if (numkeys >= a.count() - 3) {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
            int whereIndex = (int) numkeys + 3;
            if (a.is(whereIndex, "MIN")) {
                fromMax = false;
            } else if (a.is(whereIndex, "MAX")) {
                fromMax = true;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
            count = PopCount.parse(ctx, whereIndex + 1);
            if (count == PopCount.INVALID) {
                return;
            }
            firstKey = 3;
            lastKey = whereIndex - 1;
        } else {
            firstKey = 1;
            lastKey = a.count() - 2;
            timeoutIndex = a.count() - 1;
        }
        long deadline = BlockTimeout.deadline(a, timeoutIndex, ctx.now(), ctx.reply());
        if (deadline == BlockTimeout.INVALID) {
            return;
        }
        byte[] ready = ctx.readyKey();
        if (ready != null) {
            // a blocked client is served from the key that became ready; another type: keep waiting (7.0)
            if (!(ctx.db().get(ready, ctx.now()) instanceof SortedSet z) || z.size() == 0) {
                ctx.block(List.of(), deadline);
                return;
            }
            pop(ctx, z, ready, fromMax, count);
            return;
        }
        for (int i = firstKey; i <= lastKey; i++) {
            Object v = ctx.db().get(a.array(), a.offset(i), a.length(i), ctx.now());
            if (v == null) {
                continue;
            }
            if (!(v instanceof SortedSet z)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            pop(ctx, z, a.bytes(i), fromMax, count);
            return;
        }
        if (!ctx.canBlock()) {
            ctx.reply().nullArray();
            return;
        }
        ctx.block(a.copies(firstKey, lastKey), deadline);
    }

    /** Replies [key, member, score] (BZPOPMIN/BZPOPMAX) or [key, [[member, score]...]] (BZMPOP). */
    private void pop(CommandContext ctx, SortedSet z, byte[] key, boolean fromMax, long count) {
        if (multi) {
            int n = ZpopCommand.popFrom(ctx, z, key, fromMax, count, true, true);
            ctx.propagateAs(ZpopCommand.popCommand(fromMax, key, n));
        } else {
            ctx.reply().array(3);
            ctx.reply().bulk(key);
            ZpopCommand.popFrom(ctx, z, key, fromMax, -1, false, false, false);
            ctx.propagateAs(ZpopCommand.popCommand(fromMax, key));
        }
    }
}
