package io.jredis.application.command.replication;

import io.jredis.application.blocking.TimeoutReply;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.List;

/**
 * WAIT numreplicas timeout: as Redis 7.0's waitCommand, counts the online replicas that
 * acknowledged this client's last propagated write; replies at once when there are enough (or
 * inside MULTI), otherwise blocks until there are or until {@code timeout} ms (0 = forever),
 * asking the replicas for their offsets. The reply is the count at that moment.
 */
public final class WaitCommand implements Command, TimeoutReply {

    private static final CommandSpec SPEC = CommandSpec.command("wait", 3)
            .flags(CommandFlag.NOSCRIPT)
            .acl("slow", "connection")
            .group("generic").since("3.0.0")
            .summary("Wait for the synchronous replication of all the write commands sent in the context of the current connection")
            .complexity("O(1)")
            .tips("request_policy:all_shards", "response_policy:agg_min")
            .build();

    private final AckWaiters waiters;

    WaitCommand(AckWaiters waiters) {
        this.waiters = waiters;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if ("slave".equals(ctx.server().replication().role())) {
            ctx.reply().error(Errors.WAIT_ON_REPLICA);
            return;
        }
        if (!args.isLong(1)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long replicas = args.longValue(1);
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.WAIT_TIMEOUT_NOT_INTEGER);
            return;
        }
        long timeout = args.longValue(2);
        if (timeout < 0) {
            ctx.reply().error(Errors.TIMEOUT_NEGATIVE);
            return;
        }
        var links = ctx.server().replicaLinks();
        long offset = ctx.session().writeOffset();
        int acked = links.acknowledged(offset);
        if (acked >= replicas || !ctx.canBlock()) {
            ctx.reply().integer(acked);
            return;
        }
        long deadline = timeout == 0 ? 0 : ctx.now() + timeout;
        waiters.add(ctx.session(), offset, replicas);
        ctx.block(List.of(), deadline);
        links.requestAcks();
    }

    @Override
    public void timedOut(ServerState server, ClientSession client, ReplySink reply) {
        reply.integer(waiters.end(client, server.replicaLinks()));
    }
}
