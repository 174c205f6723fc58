package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** CONFIG REWRITE: writes the configuration in force back to the config file, if there is one. */
public final class ConfigRewriteCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("rewrite", 2)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous")
            .group("server").since("2.8.0").summary("Rewrite the configuration file with the in memory configuration")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (ctx.server().config().configFile.isEmpty()) {
            ctx.reply().error(Errors.CONFIG_NO_FILE);
            return;
        }
        String failure = ctx.server().lifecycle().rewriteConfig();
        if (failure != null) {
            ctx.reply().error(Errors.CONFIG_REWRITE_FAILED + failure);
        } else {
            ctx.reply().ok();
        }
    }
}
