package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/** PUNSUBSCRIBE [pattern ...]: unsubscribes from the patterns given, or from every pattern. */
public final class PunsubscribeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("punsubscribe", -1)
            .flags(CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("pubsub", "slow")
            .group("pubsub").since("2.0.0").summary("Stop listening for messages posted to channels matching the given patterns")
            .complexity("O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Subscribing.unsubscribe(ctx, PubSub.Kind.PATTERN);
    }
}
