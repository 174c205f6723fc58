package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PUBSUB NUMPAT: how many distinct patterns are subscribed to, by any client. */
public final class PubsubNumpatCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("numpat", 2)
            .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("pubsub", "slow")
            .group("pubsub").since("2.8.0").summary("Get the count of unique patterns pattern subscriptions")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().integer(ctx.server().pubsub().patternCount());
    }
}
