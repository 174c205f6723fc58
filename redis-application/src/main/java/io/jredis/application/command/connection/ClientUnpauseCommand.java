package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** CLIENT UNPAUSE: ends a pause; the held commands run in the order they arrived. */
public final class ClientUnpauseCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("unpause", 2)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous", "connection")
            .group("connection").since("6.2.0")
            .summary("Resume processing of clients that were paused")
            .complexity("O(N) Where N is the number of paused clients")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.server().clientPause().unpause();
        ctx.reply().ok();
        ctx.executor().resumePaused();
    }
}
