package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** ECHO message. */
public final class EchoCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("echo", 2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST).acl("fast", "connection")
            .group("connection").since("1.0.0").summary("Echo the given string")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        var args = ctx.args();
        ctx.reply().bulk(args.array(), args.offset(1), args.length(1));
    }
}
