package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/** UNSUBSCRIBE [channel ...]: unsubscribes from the channels given, or from every channel. */
public final class UnsubscribeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("unsubscribe", -1)
            .flags(CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("pubsub", "slow")
            .group("pubsub").since("2.0.0").summary("Stop listening for messages posted to the given channels")
            .complexity("O(N) where N is the number of clients already subscribed to a channel.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Subscribing.unsubscribe(ctx, PubSub.Kind.CHANNEL);
    }
}
