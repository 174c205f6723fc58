package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ZPOPMIN and ZPOPMAX key [count]; also the popping half of ZMPOP. Replies a flat array of
 * member, score (nested pairs in RESP3 when a count was given); propagated as sent, as Redis.
 */
public final class ZpopCommand implements Command {

    private static final byte[] ZPOPMIN = "ZPOPMIN".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZPOPMAX = "ZPOPMAX".getBytes(StandardCharsets.US_ASCII);

    private final CommandSpec spec;
    private final boolean max;

    private ZpopCommand(CommandSpec spec, boolean max) {
        this.spec = spec;
        this.max = max;
    }

    public static ZpopCommand zpopmin() {
        return new ZpopCommand(CommandSpec.command("zpopmin", -2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "sortedset", "fast")
            .group("sorted-set").since("5.0.0")
            .summary("Remove and return members with the lowest scores in a sorted set")
            .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")
            .keyFlags("RW", "access", "delete")
            .build(), false);
    }

    public static ZpopCommand zpopmax() {
        return new ZpopCommand(CommandSpec.command("zpopmax", -2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "sortedset", "fast")
            .group("sorted-set").since("5.0.0")
            .summary("Remove and return members with the highest scores in a sorted set")
            .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")
            .keyFlags("RW", "access", "delete")
            .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 3) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        long count = -1;
        if (args.count() == 3) {
            if (!args.isLong(2) || args.longValue(2) < 0) {
                ctx.reply().error(Errors.NOT_POSITIVE);
                return;
            }
            count = args.longValue(2);
        }
        boolean nested = ctx.session().protocol() == 3 && count != -1;
        pop(ctx, 1, 1, max, count, nested, false);
    }

    /**
     * Pops up to count (-1: one) elements from the first existing key of keys first..first+n-1,
     * Redis's genericZpopCommand. With emitKey (ZMPOP) the reply is [key, pairs] or a null array.
     * ZPOPMIN/ZPOPMAX propagate as sent; ZMPOP as ZPOPMIN/ZPOPMAX key with the number popped.
     */
    static void pop(CommandContext ctx, int firstKey, int keys, boolean max, long count, boolean nested,
                    boolean emitKey) {
        Arguments args = ctx.args();
        SortedSet z = null;
        int keyArg = -1;
        for (int i = firstKey; i < firstKey + keys; i++) {
            z = ZSets.write(ctx, i);
            if (z == ZSets.WRONG_TYPE) {
                return;
            }
            if (z != null) {
                keyArg = i;
                break;
            }
        }
        if (z == null) {
            if (emitKey) {
                ctx.reply().nullArray();
            } else {
                ctx.reply().array(0);
            }
            return;
        }
        if (count == 0) {
            ctx.reply().array(0); // after the type check, as Redis
            return;
        }
        byte[] key = args.bytes(keyArg);
        int n = popFrom(ctx, z, key, max, count, nested, emitKey);
        if (emitKey) {
            ctx.propagateAs(popCommand(max, key, n));
        }
    }

    /**
     * Pops up to count (-1: one) elements of a non-empty set at key, replies them (after the
     * key when emitKey), deletes the key when emptied and marks it modified. Returns the number
     * popped.
     */
    static int popFrom(CommandContext ctx, SortedSet z, byte[] key, boolean max, long count, boolean nested,
                       boolean emitKey) {
        return popFrom(ctx, z, key, max, count, nested, emitKey, true);
    }

    /** {@link #popFrom}; without {@code header} the pairs go into an array the caller opened (BZPOPMIN). */
    static int popFrom(CommandContext ctx, SortedSet z, byte[] key, boolean max, long count, boolean nested,
                       boolean emitKey, boolean header) {
        int n = (int) Math.min(count < 0 ? 1 : count, z.size());
        if (emitKey) {
            ctx.reply().array(2);
            ctx.reply().bulk(key);
        }
        if (header) {
            ctx.reply().array(nested ? n : 2 * n);
        }
        for (int k = 0; k < n; k++) {
            int rank = max ? z.size() - 1 : 0;
            if (nested) {
                ctx.reply().array(2);
            }
            ctx.reply().bulk(z.memberAt(rank));
            ctx.reply().doubleValue(z.scoreAt(rank));
            z.removeRanks(rank, rank);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, max ? "zpopmax" : "zpopmin", key);
        if (z.size() == 0) {
            ctx.db().remove(key, ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", key);
        }
        ctx.keyModified(key);
        return n;
    }

    /** ZPOPMIN/ZPOPMAX key count, what a pop of count elements replays as. */
    static List<byte[]> popCommand(boolean max, byte[] key, long count) {
        return List.of(max ? ZPOPMAX : ZPOPMIN, key, Long.toString(count).getBytes(StandardCharsets.US_ASCII));
    }

    /** ZPOPMIN/ZPOPMAX key: what BZPOPMIN/BZPOPMAX replay as. */
    static List<byte[]> popCommand(boolean max, byte[] key) {
        return List.of(max ? ZPOPMAX : ZPOPMIN, key);
    }
}
