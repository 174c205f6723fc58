package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/** SUBSCRIBE channel [channel ...]: subscribes, one confirmation frame per channel. */
public final class SubscribeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("subscribe", -2)
            .flags(CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("pubsub", "slow")
            .group("pubsub").since("2.0.0").summary("Listen for messages published to the given channels")
            .complexity("O(N) where N is the number of channels to subscribe to.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Subscribing.subscribe(ctx, PubSub.Kind.CHANNEL);
    }
}
