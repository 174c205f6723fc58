package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.ZRange;

/** ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX key min max. */
public final class ZremrangeCommand implements Command {

    private enum Type { RANK, SCORE, LEX }

    private final CommandSpec spec;
    private final Type type;

    private ZremrangeCommand(CommandSpec spec, Type type) {
        this.spec = spec;
        this.type = type;
    }

    public static ZremrangeCommand byRank() {
        return new ZremrangeCommand(CommandSpec.command("zremrangebyrank", 4)
            .flags(CommandFlag.WRITE).keys(1, 1, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("2.0.0")
            .summary("Remove all members in a sorted set within the given indexes")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
            .keyFlags("RW", "delete")
            .build(), Type.RANK);
    }

    public static ZremrangeCommand byScore() {
        return new ZremrangeCommand(CommandSpec.command("zremrangebyscore", 4)
            .flags(CommandFlag.WRITE).keys(1, 1, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("1.2.0")
            .summary("Remove all members in a sorted set within the given scores")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
            .keyFlags("RW", "delete")
            .build(), Type.SCORE);
    }

    public static ZremrangeCommand byLex() {
        return new ZremrangeCommand(CommandSpec.command("zremrangebylex", 4)
            .flags(CommandFlag.WRITE).keys(1, 1, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("2.8.9")
            .summary("Remove all members in a sorted set between the given lexicographical range")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
            .keyFlags("RW", "delete")
            .build(), Type.LEX);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long start = 0;
        long end = 0;
        ZRange range = null;
        if (type == Type.RANK) {
            if (!args.isLong(2) || !args.isLong(3)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            start = args.longValue(2);
            end = args.longValue(3);
        } else {
            range = type == Type.SCORE ? ZSets.scoreRange(ctx, 2, 3) : ZSets.lexRange(ctx, 2, 3);
            if (range == null) {
                return;
            }
        }
        SortedSet z = ZSets.write(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        if (z == null) {
            ctx.reply().integer(0);
            return;
        }
        int from;
        int to;
        if (type == Type.RANK) {
            long size = z.size();
            if (start < 0) {
                start = size + start;
            }
            if (end < 0) {
                end = size + end;
            }
            if (start < 0) {
                start = 0;
            }
            if (start > end || start >= size) {
                ctx.reply().integer(0);
                return;
            }
            from = (int) start;
            to = (int) Math.min(end, size - 1);
        } else {
            from = z.firstInRange(range);
            if (from < 0) {
                ctx.reply().integer(0);
                return;
            }
            to = z.endOfRun(from, range);
        }
        int deleted = to - from + 1;
        if (deleted > 0) {
            z.removeRanks(from, to);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, type == Type.RANK ? "zremrangebyrank"
                    : type == Type.SCORE ? "zremrangebyscore" : "zremrangebylex", args, 1);
            ZSets.deleteIfEmpty(ctx, z, 1);
            ctx.keyModified(args, 1);
            ctx.dirty(deleted - 1);
        }
        ctx.reply().integer(Math.max(deleted, 0));
    }
}
