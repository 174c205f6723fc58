package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;

import java.util.List;

/** COMMAND: without a subcommand, the COMMAND INFO entry of every command. */
public final class CommandCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("command", -1)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("2.8.13").summary("Get array of Redis command details")
            .complexity("O(N) where N is the total number of Redis commands")
            .tips("nondeterministic_output_order")
            .build();

    private final List<Command> subcommands = List.of(
            new CommandHelpCommand(), new CommandCountCommand(), new CommandGetkeysCommand(),
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
