package io.jredis.application.command.pubsub;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/**
 * SPUBLISH shardchannel message: delivers to the shard channel's subscribers (standalone: every
 * shard channel lives here). Propagated to replicas only, like PUBLISH.
 */
public final class SpublishCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("spublish", 3)
            .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .keys(1, 1, 1)
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "not_key")
            .acl("pubsub", "fast")
            .group("pubsub").since("7.0.0").summary("Post a message to a shard channel")
            .complexity("O(N) where N is the number of clients subscribed to the receiving shard channel.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int receivers = ctx.server().pubsub().publishShard(args.array(), args.offset(1), args.length(1),
                args.array(), args.offset(2), args.length(2));
        if (ctx.server().writeLog().active()) {
            ctx.server().propagation().appendToReplicas(ctx.session().db(), args.toList());
        }
        ctx.reply().integer(receivers);
    }
}
