package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.snapshot.RdbBackgroundSave;

/**
 * BGSAVE [SCHEDULE]: writes the RDB file in the background while clients keep being served.
 * Redis forks; jredis walks the keyspace in slices with copy-on-write per key
 * ({@link io.jredis.application.snapshot.BackgroundSnapshot}). Replies as Redis 7.0: inside
 * EXEC, or with SCHEDULE while another snapshot (the AOF rewrite) runs, it is scheduled.
 */
public final class BgsaveCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("bgsave", -1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Asynchronously save the dataset to disk")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 2 || (args.count() == 2 && !args.is(1, "schedule"))) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        RdbBackgroundSave bgsave = ctx.server().rdbBackgroundSave();
        boolean schedule = args.count() == 2;
        if (bgsave.rdbInProgress()) {
            ctx.reply().error(Errors.BGSAVE_IN_PROGRESS);
        } else if (ctx.server().backgroundSnapshot().inProgress() || ctx.inTransaction()) {
            if (schedule || ctx.inTransaction()) {
                bgsave.schedule();
                ctx.reply().status("Background saving scheduled");
            } else {
                ctx.reply().error(Errors.BGSAVE_OTHER_CHILD);
            }
        } else {
            bgsave.start();
            ctx.reply().status("Background saving started");
        }
    }
}
