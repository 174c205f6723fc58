package io.jredis.application.command.transaction;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** UNWATCH: forget every watched key. */
public final class UnwatchCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("unwatch", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.ALLOW_BUSY)
            .acl("fast", "transaction")
            .group("transactions").since("2.2.0").summary("Forgets about watched keys of a transaction.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.server().watchedKeys().unwatchAll(ctx.session());
        ctx.reply().ok();
    }
}
