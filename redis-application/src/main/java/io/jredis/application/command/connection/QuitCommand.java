package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** QUIT: OK, then the connection closes once the reply is written. */
public final class QuitCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("quit", -1)
            .flags(CommandFlag.ALLOW_BUSY, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                    CommandFlag.FAST, CommandFlag.NO_AUTH)
            .acl("fast", "connection")
            .group("connection").since("1.0.0").summary("Close the connection")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().ok();
        ctx.session().markClosing();
    }
}
