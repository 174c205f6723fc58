package io.jredis.application.command.set;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SISMEMBER key member. */
public final class SismemberCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sismember", 3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "set", "fast").keyFlags("RO")
            .group("set").since("1.0.0").summary("Determine if a given value is a member of a set")
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
        ctx.reply().integer(set != null && set.contains(args.array(), args.offset(2), args.length(2)) ? 1 : 0);
    }
}
