package io.jredis.application.command.replication;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplicaLinks;

/**
 * REPLCONF option value ...: what a replica tells its master during the handshake
 * (listening-port, ip-address, capa) and afterwards (ACK, which is never answered). As Redis's
 * replconfCommand: options apply in order until one fails; GETACK means something only on a
 * replica's link to its master, so here it is silently ignored like a stray ACK.
 */
public final class ReplconfCommand implements Command {

    /** Redis's NET_HOST_STR_LEN: an announced address must be shorter. */
    private static final int MAX_IP = 256;

    private static final CommandSpec SPEC = CommandSpec.command("replconf", -1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                    CommandFlag.ALLOW_BUSY)
            .acl("admin", "slow", "dangerous")
            .group("server").since("3.0.0").summary("An internal command for configuring the replication stream")
            .complexity("O(1)")
            .build();

    private final AckWaiters waiters;

    ReplconfCommand(AckWaiters waiters) {
        this.waiters = waiters;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() % 2 == 0) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        ReplicaLinks links = ctx.server().replicaLinks();
        for (int j = 1; j < args.count(); j += 2) {
            if (args.is(j, "listening-port")) {
                if (!args.isLong(j + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                links.listeningPort(ctx.session(), args.longValue(j + 1));
            } else if (args.is(j, "ip-address")) {
                if (args.length(j + 1) >= MAX_IP) {
                    ctx.reply().error(Errors.replicaIpTooLong(args.length(j + 1)));
                    return;
                }
                links.ipAddress(ctx.session(), args.string(j + 1));
            } else if (args.is(j, "capa")) {
                links.capability(ctx.session(), args.string(j + 1).toLowerCase(java.util.Locale.ROOT));
            } else if (args.is(j, "ack")) {
                // Replicas' acknowledgements are never answered; from anyone else it is ignored.
                if (args.isLong(j + 1) && links.ack(ctx.session(), args.longValue(j + 1))) {
                    waiters.serve(ctx.executor(), links);
                }
                return;
            } else if (args.is(j, "getack")) {
                return;
            } else if (args.is(j, "rdb-only")) {
                if (!args.isLong(j + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
            } else {
                ctx.reply().error(Errors.unrecognizedReplconfOption(args.text(j)));
                return;
            }
        }
        ctx.reply().ok();
    }
}
