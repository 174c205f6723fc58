package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.ZRange;

/** ZCOUNT key min max and ZLEXCOUNT key min max. */
public final class ZcountCommand implements Command {

    private final CommandSpec spec;
    private final boolean lex;

    private ZcountCommand(CommandSpec spec, boolean lex) {
        this.spec = spec;
        this.lex = lex;
    }

    public static ZcountCommand zcount() {
        return new ZcountCommand(CommandSpec.command("zcount", 4)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("2.0.0")
            .summary("Count the members in a sorted set with scores within the given values")
            .complexity("O(log(N)) with N being the number of elements in the sorted set.")
            .keyFlags("RO", "access")
            .build(), false);
    }

    public static ZcountCommand zlexcount() {
        return new ZcountCommand(CommandSpec.command("zlexcount", 4)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("2.8.9")
            .summary("Count the number of members in a sorted set between a given lexicographical range")
            .complexity("O(log(N)) with N being the number of elements in the sorted set.")
            .keyFlags("RO", "access")
            .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        ZRange range = lex ? ZSets.lexRange(ctx, 2, 3) : ZSets.scoreRange(ctx, 2, 3);
        if (range == null) {
            return;
        }
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        ctx.reply().integer(z == null ? 0 : count(z, range));
    }

    /** As Redis counts: from the first element in range, onwards while below the maximum. */
    static int count(SortedSet z, ZRange range) {
        int first = z.firstInRange(range);
        if (first < 0) {
            return 0;
        }
        if (!z.isListpack()) {
            // by ranks, as Redis does on a skip list (same answer unless a lex range meets mixed scores)
            int last = z.lastInRange(range);
            return last < 0 ? z.size() - first : last - first + 1;
        }
        return z.endOfRun(first, range) - first + 1;
    }
}
