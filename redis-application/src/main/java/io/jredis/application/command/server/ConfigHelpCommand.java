package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

import java.util.List;

/** CONFIG HELP: Redis 7.0's help lines, as status replies. */
public final class ConfigHelpCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("help", 2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow")
            .group("server").since("5.0.0").summary("Show helpful text about the different subcommands")
            .build();

    private static final List<String> LINES = List.of(
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

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().array(LINES.size());
        for (String line : LINES) {
            ctx.reply().status(line);
        }
    }
}
