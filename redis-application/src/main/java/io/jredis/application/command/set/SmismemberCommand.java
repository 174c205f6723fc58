package io.jredis.application.command.set;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SMISMEMBER key member [member ...]: one 1 or 0 per member. */
public final class SmismemberCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("smismember", -3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "set", "fast").keyFlags("RO", "access")
            .group("set").since("6.2.0")
            .summary("Returns the membership associated with the given elements for a set")
            .complexity("O(N) where N is the number of elements being checked for membership")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SetValue set = Sets.read(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        ctx.reply().array(args.count() - 2);
        for (int i = 2; i < args.count(); i++) {
            ctx.reply().integer(set != null && set.contains(args.array(), args.offset(i), args.length(i)) ? 1 : 0);
        }
    }
}
