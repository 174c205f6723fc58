package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

import java.util.List;

/** CONFIG: the container of GET, SET, RESETSTAT, REWRITE and HELP. */
public final class ConfigCommand implements Command {

    private static final List<String> HELP = List.of(
            "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "GET <pattern>",
            "    Return parameters matching the glob-like <pattern> and their values.",
            "SET <directive> <value>",
            "    Set the configuration <directive> to <value>.",
            "RESETSTAT",
            "    Reset statistics reported by the INFO command.",
            "REWRITE",
            "    Rewrite the configuration file.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("config", -2)
            .acl("slow")
            .group("server").since("2.0.0").summary("A container for server configuration commands")
            .complexity("Depends on subcommand.")
            .build();

    private static final List<Command> SUBCOMMANDS = List.of(new ConfigGetCommand(), new ConfigSetCommand(),
            new ConfigResetStatCommand(), new ConfigRewriteCommand(),
            new HelpCommand("server", "5.0.0", List.of("slow"), HELP));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return SUBCOMMANDS;
    }

    /** Reached only as bare CONFIG, which the arity check already refuses. */
    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().error(Errors.wrongArity("config"));
    }
}
