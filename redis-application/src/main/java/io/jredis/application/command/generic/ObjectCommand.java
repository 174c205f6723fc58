package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.server.ServerConfig;

import java.util.List;

/** OBJECT: the container of ENCODING, REFCOUNT, IDLETIME, FREQ and HELP. */
public final class ObjectCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("object", -2)
            .acl("slow")
            .group("generic").since("2.2.3").summary("A container for object introspection commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(
            new ObjectEncodingCommand(), new ObjectRefcountCommand(), new ObjectIdletimeCommand(),
            new ObjectFreqCommand(), new ObjectHelpCommand());

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
