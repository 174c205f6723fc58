package io.jredis.application.command.transaction;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** DISCARD: drop the queued commands and every WATCH. */
public final class DiscardCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("discard", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.ALLOW_BUSY)
            .acl("fast", "transaction")
            .group("transactions").since("2.0.0").summary("Discards a transaction.")
            .complexity("O(N), when N is the number of queued commands")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (!ctx.session().inMulti()) {
            ctx.reply().error(Errors.DISCARD_WITHOUT_MULTI);
            return;
        }
        ctx.session().endMulti();
        ctx.server().watchedKeys().unwatchAll(ctx.session());
        ctx.reply().ok();
    }
}
