package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;

/** ZCARD key. */
public final class ZcardCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zcard", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "sortedset", "fast")
            .group("sorted-set").since("1.2.0")
            .summary("Get the number of members in a sorted set")
            .complexity("O(1)")
            .keyFlags("RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        SortedSet z = ZSets.read(ctx, 1);
        if (z != ZSets.WRONG_TYPE) {
            ctx.reply().integer(z == null ? 0 : z.size());
        }
    }
}
