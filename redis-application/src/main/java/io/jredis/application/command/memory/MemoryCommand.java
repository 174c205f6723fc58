package io.jredis.application.command.memory;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.HelpCommand;

import java.util.List;

/** MEMORY: the container of USAGE, STATS, DOCTOR, MALLOC-STATS, PURGE and HELP. */
public final class MemoryCommand implements Command {

    private static final List<String> HELP = List.of(
            "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "DOCTOR",
            "    Return memory problems reports.",
            "MALLOC-STATS",
            "    Return internal statistics report from the memory allocator.",
            "PURGE",
            "    Attempt to purge dirty pages for reclamation by the allocator.",
            "STATS",
            "    Return information about the memory usage of the server.",
            "USAGE <key> [SAMPLES <count>]",
            "    Return memory in bytes used by <key> and its value. Nested values are",
            "    sampled up to <count> times (default: 5, 0 means sample all).",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("memory", -2)
            .acl("slow")
            .group("server").since("4.0.0").summary("A container for memory diagnostics commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(
            new MemoryUsageCommand(), new MemoryStatsCommand(), new MemoryDoctorCommand(),
            new MemoryMallocStatsCommand(), new MemoryPurgeCommand(),
            new HelpCommand("server", "4.0.0", List.of("slow"), HELP));

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
}
