package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;

import java.util.List;

/** COMMAND: without a subcommand, the COMMAND INFO entry of every command. */
public final class CommandCommand implements Command {

    private static final List<String> HELP = List.of(
            "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "(no subcommand)",
            "    Return details about all Redis commands.",
            "COUNT",
            "    Return the total number of commands in this Redis server.",
            "LIST",
            "    Return a list of all commands in this Redis server.",
            "INFO [<command-name> ...]",
            "    Return details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "DOCS [<command-name> ...]",
            "    Return documentation details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "GETKEYS <full-command>",
            "    Return the keys from a full Redis command.",
            "GETKEYSANDFLAGS <full-command>",
            "    Return the keys and the access flags from a full Redis command.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("command", -1)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("2.8.13").summary("Get array of Redis command details")
            .complexity("O(N) where N is the total number of Redis commands")
            .tips("nondeterministic_output_order")
            .build();

    private final List<Command> subcommands = List.of(
            new HelpCommand("server", "5.0.0", List.of("slow", "connection"), HELP), new CommandCountCommand(), new CommandGetkeysCommand(),
            new CommandGetkeysandflagsCommand(),
            new CommandListCommand(), new CommandInfoCommand(), new CommandDocsCommand());

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
        CommandRegistry registry = ctx.server().registry();
        ctx.reply().array(registry.size());
        for (Command c : registry.all()) {
            CommandDescriptions.info(ctx.reply(), c);
        }
    }
}
