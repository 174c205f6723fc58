package io.jredis.application.command.list;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

/** LLEN key. */
public final class LlenCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("llen", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RO")
            .acl("read", "list", "fast")
            .group("list").since("1.0.0").summary("Get the length of a list")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ListValue list = Lists.lookup(ctx, 1);
        if (list != Lists.WRONG_TYPE) {
            ctx.reply().integer(list == null ? 0 : list.size());
        }
    }
}
