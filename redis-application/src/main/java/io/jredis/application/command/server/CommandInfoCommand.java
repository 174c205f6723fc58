package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.port.ReplySink;

/** COMMAND INFO [name ...]: an entry per name (null when unknown), or every command. */
public final class CommandInfoCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("info", -2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("2.8.13").summary("Get array of specific Redis command details, or all when no argument is given.")
            .complexity("O(N) where N is the number of commands to look up")
            .tips("nondeterministic_output_order")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        CommandRegistry registry = ctx.server().registry();
        ReplySink r = ctx.reply();
        if (args.count() == 2) {
            r.array(registry.size());
            for (Command c : registry.all()) {
                CommandDescriptions.info(r, c);
            }
            return;
        }
        r.array(args.count() - 2);
        for (int i = 2; i < args.count(); i++) {
            Command c = registry.byName(args.string(i));
            if (c == null) {
                r.nullBulk();
            } else {
                CommandDescriptions.info(r, c);
            }
        }
    }
}
