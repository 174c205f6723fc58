package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.server.ServerConfig;

import java.util.List;

/** OBJECT: the container of ENCODING, REFCOUNT, IDLETIME, FREQ and HELP. */
public final class ObjectCommand implements Command {

    private static final List<String> HELP = List.of(
            "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "ENCODING <key>",
            "    Return the kind of internal representation used in order to store the value",
            "    associated with a <key>.",
            "FREQ <key>",
            "    Return the access frequency index of the <key>. The returned integer is",
            "    proportional to the logarithm of the recent access frequency of the key.",
            "IDLETIME <key>",
            "    Return the idle time of the <key>, that is the approximated number of",
            "    seconds elapsed since the last access to the key.",
            "REFCOUNT <key>",
            "    Return the number of references of the value associated with the specified",
            "    <key>.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("object", -2)
            .acl("slow")
            .group("generic").since("2.2.3").summary("A container for object introspection commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(
            new ObjectEncodingCommand(), new ObjectRefcountCommand(), new ObjectIdletimeCommand(),
            new ObjectFreqCommand(), new HelpCommand("generic", "6.2.0", List.of("keyspace", "slow"), HELP));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    @Override
    public void execute(CommandContext ctx) {
        // Reached only if the registry did not dispatch to a subcommand.
        ctx.reply().error(Errors.unknownSubcommand(ctx.args()));
    }

    /** allkeys-lfu or volatile-lfu. */
    static boolean lfu(ServerConfig config) {
        return config.maxmemoryPolicy.endsWith("-lfu");
    }

    /** allkeys-lru or volatile-lru. */
    static boolean lru(ServerConfig config) {
        return config.maxmemoryPolicy.endsWith("-lru");
    }
}
