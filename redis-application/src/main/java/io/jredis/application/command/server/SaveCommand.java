package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** SAVE: writes the snapshot now, blocking every client meanwhile, as Redis's SAVE does. */
public final class SaveCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("save", 1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING, CommandFlag.NO_MULTI)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Synchronously save the dataset to disk")
            .complexity("O(N) where N is the total number of keys in all databases")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (ctx.server().rdbBackgroundSave().rdbInProgress()) {
            ctx.reply().error(Errors.BGSAVE_IN_PROGRESS);
            return;
        }
        // counted even when it fails, as redis-server 7.0.15 counts it
        ctx.server().persistence().saves++;
        if (ctx.server().saveSnapshot()) {
            ctx.reply().ok();
        } else {
            ctx.reply().error(Errors.SAVE_FAILED);
        }
    }
}
