package io.jredis.application.command.pubsub;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/**
 * PUBLISH channel message: delivers to the channel's subscribers and the matching patterns'
 * and replies how many received it. Propagated to replicas (not the append-only file), as
 * Redis 7.0 does, so a replica's own subscribers get its master's messages.
 */
public final class PublishCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("publish", 3)
            .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .acl("pubsub", "fast")
            .group("pubsub").since("2.0.0").summary("Post a message to a channel")
            .complexity("O(N+M) where N is the number of clients subscribed to the receiving channel and M is the "
                    + "total number of subscribed patterns (by any client).")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int receivers = ctx.server().pubsub().publish(args.array(), args.offset(1), args.length(1),
                args.array(), args.offset(2), args.length(2));
        if (ctx.server().writeLog().active()) {
            ctx.server().propagation().appendToReplicas(ctx.session().db(), args.toList());
        }
        ctx.reply().integer(receivers);
    }
}
