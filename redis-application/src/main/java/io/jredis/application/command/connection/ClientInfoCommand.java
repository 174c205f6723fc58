package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** CLIENT INFO: the CLIENT LIST line of this client (verbatim text in RESP3). */
public final class ClientInfoCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("info", 2)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("connection").since("6.2.0").summary("Returns information about the current client connection.")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().verbatim("txt", ClientInfoLine.of(ctx, ctx.session()) + "\n");
    }
}
