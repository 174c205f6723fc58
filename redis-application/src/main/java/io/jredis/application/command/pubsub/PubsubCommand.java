package io.jredis.application.command.pubsub;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.HelpCommand;

import java.util.List;

/** PUBSUB: the container of CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB and HELP. */
public final class PubsubCommand implements Command {

    private static final List<String> HELP = List.of(
            "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT",
            "    Return number of subscriptions to patterns.",
            "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).",
            "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: '*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("pubsub", -2)
            .acl("slow")
            .group("pubsub").since("2.8.0").summary("A container for Pub/Sub commands")
            .complexity("Depends on subcommand.")
            .build();

    private static final List<Command> SUBCOMMANDS = List.of(
            new PubsubChannelsCommand(false), new PubsubNumsubCommand(false), new PubsubNumpatCommand(),
            new PubsubChannelsCommand(true), new PubsubNumsubCommand(true),
            new HelpCommand("pubsub", "6.2.0", List.of("slow"), HELP));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return SUBCOMMANDS;
    }

    /** Reached only as bare PUBSUB, which the arity check already refuses. */
    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().error(Errors.wrongArity("pubsub"));
    }
}
