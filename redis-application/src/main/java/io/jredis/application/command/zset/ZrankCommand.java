package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;

/** ZRANK and ZREVRANK key member (Redis 7.0 has no WITHSCORE: a third argument is an arity error). */
public final class ZrankCommand implements Command {

    private final CommandSpec spec;
    private final boolean reverse;

    private ZrankCommand(CommandSpec spec, boolean reverse) {
        this.spec = spec;
        this.reverse = reverse;
    }

    public static ZrankCommand zrank() {
        return new ZrankCommand(CommandSpec.command("zrank", 3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("2.0.0")
            .summary("Determine the index of a member in a sorted set")
            .complexity("O(log(N))")
            .keyFlags("RO", "access")
            .build(), false);
    }

    public static ZrankCommand zrevrank() {
        return new ZrankCommand(CommandSpec.command("zrevrank", 3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("2.0.0")
            .summary("Determine the index of a member in a sorted set, with scores ordered from high to low")
            .complexity("O(log(N))")
            .keyFlags("RO", "access")
            .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        int rank = z == null ? -1 : z.rank(args.array(), args.offset(2), args.length(2));
        if (rank < 0) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().integer(reverse ? z.size() - 1 - rank : rank);
        }
    }
}
