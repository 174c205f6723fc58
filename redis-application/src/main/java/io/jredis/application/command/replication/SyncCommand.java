package io.jredis.application.command.replication;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** SYNC: the pre-PSYNC full synchronization: the snapshot and the stream, without +FULLRESYNC. */
public final class SyncCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sync", 1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING, CommandFlag.NO_MULTI)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Internal command used for replication")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        var links = ctx.server().replicaLinks();
        if (links.isReplica(ctx.session())) {
            return;
        }
        if (ctx.session().connection().outputBufferLength() > 0) {
            ctx.reply().error(Errors.SYNC_WITH_PENDING_OUTPUT);
            return;
        }
        links.sync(ctx.session(), null, -1, ctx.reply());
    }
}
