package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

import java.util.List;

/** OBJECT HELP: Redis's help text, one status line each. */
public final class ObjectHelpCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("help", 2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("keyspace", "slow")
            .group("generic").since("6.2.0").summary("Show helpful text about the different subcommands")
            .build();

    private static final List<String> LINES = List.of(
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
