package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/** SUNSUBSCRIBE [shardchannel ...]: unsubscribes from the shard channels given, or from every one. */
public final class SunsubscribeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sunsubscribe", -1)
            .flags(CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .keys(1, -1, 1)
            .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "not_key")
            .acl("pubsub", "slow")
            .group("pubsub").since("7.0.0").summary("Stop listening for messages posted to the given shard channels")
            .complexity("O(N) where N is the number of clients already subscribed to a shard channel.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Subscribing.unsubscribe(ctx, PubSub.Kind.SHARD);
    }
}
