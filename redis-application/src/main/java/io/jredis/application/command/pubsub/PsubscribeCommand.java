package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/** PSUBSCRIBE pattern [pattern ...]: subscribes to glob-style patterns, one confirmation frame per pattern. */
public final class PsubscribeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("psubscribe", -2)
            .flags(CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("pubsub", "slow")
            .group("pubsub").since("2.0.0").summary("Listen for messages published to channels matching the given patterns")
            .complexity("O(N) where N is the number of patterns the client is already subscribed to.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Subscribing.subscribe(ctx, PubSub.Kind.PATTERN);
    }
}
