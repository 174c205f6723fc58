package io.jredis.application.command.transaction;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** MULTI: start queuing this client's commands. */
public final class MultiCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("multi", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.ALLOW_BUSY)
            .acl("fast", "transaction")
            .group("transactions").since("1.2.0").summary("Starts a transaction.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (ctx.session().inMulti()) {
            ctx.reply().error(Errors.MULTI_NESTED);
            return;
        }
        ctx.session().beginMulti();
        ctx.reply().ok();
    }
}
