package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;

import java.util.List;

/** The pub/sub command group. */
public final class PubSubCommands {

    private PubSubCommands() {
    }

    public static List<Command> all() {
        return List.of(new SubscribeCommand(), new UnsubscribeCommand(), new PsubscribeCommand(),
                new PunsubscribeCommand(), new SsubscribeCommand(), new SunsubscribeCommand(),
                new PublishCommand(), new SpublishCommand(), new PubsubCommand());
    }
}
