package io.jredis.application.command.set;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SCARD key. */
public final class ScardCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("scard", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "set", "fast").keyFlags("RO")
            .group("set").since("1.0.0").summary("Get the number of members in a set")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        SetValue set = Sets.read(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        ctx.reply().integer(set == null ? 0 : set.size());
    }
}
