package io.jredis.application.command.transaction;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** WATCH key [key ...]: EXEC will fail if any of them changes before it. */
public final class WatchCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("watch", -2)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.ALLOW_BUSY)
            .keys(1, -1, 1).keyFlags("RO")
            .acl("fast", "transaction")
            .group("transactions").since("2.2.0")
            .summary("Monitors changes to keys to determine the execution of a transaction.")
            .complexity("O(1) for every key.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (ctx.session().inMulti()) {
            ctx.reply().error(Errors.WATCH_IN_MULTI);
            return;
        }
        Arguments args = ctx.args();
        int db = ctx.session().db();
        for (int i = 1; i < args.count(); i++) {
            ctx.server().watchedKeys().watch(ctx.session(), db, args.bytes(i), ctx.now());
        }
        ctx.reply().ok();
    }
}
