package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** CONFIG RESETSTAT: zeroes the counters INFO reports (not the dirty counter save points use). */
public final class ConfigResetStatCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("resetstat", 2)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous")
            .group("server").since("2.0.0").summary("Reset the stats returned by INFO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.server().stats().reset();
        ctx.server().registry().resetStats();
        ctx.reply().ok();
    }
}
