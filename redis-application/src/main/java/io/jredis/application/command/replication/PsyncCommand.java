package io.jredis.application.command.replication;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/**
 * PSYNC replicationid offset: a replica asks for the stream from {@code offset} of history
 * {@code replicationid} (+CONTINUE) or, failing that, for a full resynchronization (+FULLRESYNC,
 * a snapshot, then the stream). The connection stays a replica link from then on.
 */
public final class PsyncCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("psync", -3)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING, CommandFlag.NO_MULTI)
            .acl("admin", "slow", "dangerous")
            .group("server").since("2.8.0").summary("An internal command used in replication")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        var links = ctx.server().replicaLinks();
        if (links.isReplica(ctx.session())) {
            return; // already a replica: Redis ignores a second SYNC
        }
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        if (ctx.session().connection().outputBufferLength() > 0) {
            ctx.reply().error(Errors.SYNC_WITH_PENDING_OUTPUT);
            return;
        }
        links.sync(ctx.session(), args.string(1), args.longValue(2), ctx.reply());
    }
}
