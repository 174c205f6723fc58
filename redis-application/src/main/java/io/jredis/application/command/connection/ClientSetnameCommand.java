package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** CLIENT SETNAME name; an empty name removes it. */
public final class ClientSetnameCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("setname", 3)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("connection").since("2.6.9").summary("Set the current connection name")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (!ClientNames.valid(args, 2)) {
            ctx.reply().error(Errors.CLIENT_NAME_INVALID);
            return;
        }
        ctx.session().setName(args.string(2));
        ctx.reply().ok();
    }
}
