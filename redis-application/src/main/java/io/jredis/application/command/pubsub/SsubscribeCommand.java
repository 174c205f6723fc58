package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/** SSUBSCRIBE shardchannel [shardchannel ...]: subscribes to shard channels (standalone: one shard holds them all). */
public final class SsubscribeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("ssubscribe", -2)
            .flags(CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .keys(1, -1, 1)
            .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "not_key")
            .acl("pubsub", "slow")
            .group("pubsub").since("7.0.0").summary("Listen for messages published to the given shard channels")
            .complexity("O(N) where N is the number of shard channels to subscribe to.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Subscribing.subscribe(ctx, PubSub.Kind.SHARD);
    }
}
