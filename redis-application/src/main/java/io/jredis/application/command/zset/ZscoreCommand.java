package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;

/** ZSCORE key member. */
public final class ZscoreCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zscore", 3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("1.2.0")
            .summary("Get the score associated with the given member in a sorted set")
            .complexity("O(1)")
            .keyFlags("RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        double score = z == null ? Double.NaN : z.score(args.array(), args.offset(2), args.length(2));
        if (Double.isNaN(score)) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().doubleValue(score);
        }
    }
}
