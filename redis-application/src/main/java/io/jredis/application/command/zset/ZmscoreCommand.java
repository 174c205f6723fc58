package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;

/** ZMSCORE key member [member ...]: a score or a null per member. */
public final class ZmscoreCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zmscore", -3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("6.2.0")
            .summary("Get the score associated with the given members in a sorted set")
            .complexity("O(N) where N is the number of members being requested.")
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
        ctx.reply().array(args.count() - 2);
        for (int i = 2; i < args.count(); i++) {
            double score = z == null ? Double.NaN : z.score(args.array(), args.offset(i), args.length(i));
            if (Double.isNaN(score)) {
                ctx.reply().nullBulk();
            } else {
                ctx.reply().doubleValue(score);
            }
        }
    }
}
