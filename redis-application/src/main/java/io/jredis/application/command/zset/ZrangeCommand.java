package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.ZRange;

/**
 * ZRANGE in all its forms, as Redis's one zrangeGenericCommand serves them: ZRANGE and
 * ZRANGESTORE (BYSCORE, BYLEX, REV, LIMIT, WITHSCORES chosen by options) and the older fixed
 * forms ZREVRANGE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX.
 */
public final class ZrangeCommand implements Command {

    private enum Type { AUTO, RANK, SCORE, LEX }

    private final CommandSpec spec;
    private final boolean store;
    private final Type fixedType;
    /** Null: chosen by the REV option. */
    private final Boolean fixedReverse;

    private ZrangeCommand(CommandSpec spec, boolean store, Type type, Boolean reverse) {
        this.spec = spec;
        this.store = store;
        this.fixedType = type;
        this.fixedReverse = reverse;
    }

    public static ZrangeCommand zrange() {
        return new ZrangeCommand(CommandSpec.command("zrange", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("1.2.0")
            .summary("Return a range of members in a sorted set")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")
            .keyFlags("RO", "access")
            .build(), false, Type.AUTO, null);
    }

    public static ZrangeCommand zrangestore() {
        return new ZrangeCommand(CommandSpec.command("zrangestore", -5)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 2, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("6.2.0")
            .summary("Store a range of members from sorted set into another key")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.")
            .keyFlags("OW", "update")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RO", "access")
                .build(), true, Type.AUTO, null);
    }

    public static ZrangeCommand zrevrange() {
        return new ZrangeCommand(CommandSpec.command("zrevrange", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("1.2.0")
            .summary("Return a range of members in a sorted set, by index, with scores ordered from high to low")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")
            .keyFlags("RO", "access")
            .build(), false, Type.RANK, true);
    }

    public static ZrangeCommand zrangebyscore() {
        return new ZrangeCommand(CommandSpec.command("zrangebyscore", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("1.0.5")
            .summary("Return a range of members in a sorted set, by score")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
            .keyFlags("RO", "access")
            .build(), false, Type.SCORE, false);
    }

    public static ZrangeCommand zrevrangebyscore() {
        return new ZrangeCommand(CommandSpec.command("zrevrangebyscore", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("2.2.0")
            .summary("Return a range of members in a sorted set, by score, with scores ordered from high to low")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
            .keyFlags("RO", "access")
            .build(), false, Type.SCORE, true);
    }

    public static ZrangeCommand zrangebylex() {
        return new ZrangeCommand(CommandSpec.command("zrangebylex", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("2.8.9")
            .summary("Return a range of members in a sorted set, by lexicographical range")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
            .keyFlags("RO", "access")
            .build(), false, Type.LEX, false);
    }

    public static ZrangeCommand zrevrangebylex() {
        return new ZrangeCommand(CommandSpec.command("zrevrangebylex", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("2.8.9")
            .summary("Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.")
            .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
            .keyFlags("RO", "access")
            .build(), false, Type.LEX, true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int srcArg = store ? 2 : 1;
        int minArg = srcArg + 1;
        int maxArg = srcArg + 2;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        boolean reverse = fixedReverse != null && fixedReverse;
        Type type = fixedType;
        for (int j = srcArg + 3; j < args.count(); j++) {
            int left = args.count() - j - 1;
            if (!store && args.is(j, "WITHSCORES")) {
                withScores = true;
            } else if (args.is(j, "LIMIT") && left >= 2) {
                if (!args.isLong(j + 1) || !args.isLong(j + 2)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                offset = args.longValue(j + 1);
                limit = args.longValue(j + 2);
                j += 2;
            } else if (fixedReverse == null && !reverse && args.is(j, "REV")) {
                reverse = true;
            } else if (type == Type.AUTO && args.is(j, "BYLEX")) {
                type = Type.LEX;
            } else if (type == Type.AUTO && args.is(j, "BYSCORE")) {
                type = Type.SCORE;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (type == Type.AUTO) {
            type = Type.RANK;
        }
        if (limit != -1 && type == Type.RANK) {
            ctx.reply().error(Errors.ZSET_LIMIT_RANK);
            return;
        }
        if (withScores && type == Type.LEX) {
            ctx.reply().error(Errors.ZSET_WITHSCORES_BYLEX);
            return;
        }
        if (reverse && type != Type.RANK) {
            // the range is given as max, min
            int t = minArg;
            minArg = maxArg;
            maxArg = t;
        }
        long start = 0;
        long end = 0;
        ZRange range = null;
        if (type == Type.RANK) {
            if (!args.isLong(minArg) || !args.isLong(maxArg)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            start = args.longValue(minArg);
            end = args.longValue(maxArg);
        } else {
            range = type == Type.SCORE ? ZSets.scoreRange(ctx, minArg, maxArg) : ZSets.lexRange(ctx, minArg, maxArg);
            if (range == null) {
                return;
            }
        }
        SortedSet z = ZSets.read(ctx, srcArg);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        ZSets.Elements out = new ZSets.Elements();
        if (z != null) {
            if (type == Type.RANK) {
                byRank(z, start, end, reverse, out);
            } else {
                byRange(z, range, offset, limit, reverse, out);
            }
        }
        if (store) {
            store(ctx, out);
        } else {
            out.reply(ctx, withScores);
        }
    }

    private static void byRank(SortedSet z, long start, long end, boolean reverse, ZSets.Elements out) {
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
            return;
        }
        if (end >= size) {
            end = size - 1;
        }
        long[] left = {end - start + 1};
        int from = (int) (reverse ? size - 1 - start : start);
        z.visit(from, reverse, (m, s) -> {
            out.add(m, s);
            return --left[0] > 0;
        });
    }

    /** As Redis walks it: from the first (last) element in range, skip offset, then up to limit in range. */
    private static void byRange(SortedSet z, ZRange range, long offset, long limit, boolean reverse,
                                ZSets.Elements out) {
        if (offset > 0 && offset >= z.size()) {
            return;
        }
        int first = reverse ? z.lastInRange(range) : z.firstInRange(range);
        if (first < 0 || offset < 0) {
            return; // a negative offset walks off the end
        }
        long from = reverse ? first - offset : first + offset;
        if (from < 0 || from >= z.size() || limit == 0) {
            return;
        }
        long[] left = {limit};
        z.visit((int) from, reverse, (m, s) -> {
            if (reverse ? !range.aboveMin(s, m) : !range.belowMax(s, m)) {
                return false;
            }
            out.add(m, s);
            return --left[0] != 0;
        });
    }

    private static void store(CommandContext ctx, ZSets.Elements out) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        if (out.size == 0) {
            ctx.reply().integer(0);
            if (db.remove(args.array(), args.offset(1), args.length(1), ctx.now()) != null) {
                ctx.keyModified(args, 1);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 1);
            }
            return;
        }
        SortedSet dst = new SortedSet();
        for (int i = 0; i < out.size; i++) {
            dst.put(out.members[i], out.scores[i]); // members are never changed in place: shared
        }
        db.put(args.array(), args.offset(1), args.length(1), dst, Database.NO_EXPIRY, ctx.now());
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, "zrangestore", args, 1);
        ctx.reply().integer(out.size);
    }
}
