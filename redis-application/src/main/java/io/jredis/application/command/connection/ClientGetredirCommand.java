package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** CLIENT GETREDIR: -1, since jredis has no client-side caching (tracking is never on). */
public final class ClientGetredirCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getredir", 2)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("connection").since("6.0.0")
            .summary("Get tracking notifications redirection client ID if any")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().integer(-1);
    }
}
