package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.port.ReplySink;

import java.util.ArrayList;
import java.util.List;

/** COMMAND DOCS [name ...]: a map of name to documentation; unknown names are left out. */
public final class CommandDocsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("docs", -2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("7.0.0").summary("Get array of specific Redis command documentation")
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
        List<Command> found = new ArrayList<>();
        if (args.count() == 2) {
            found.addAll(registry.all());
        } else {
            for (int i = 2; i < args.count(); i++) {
                Command c = registry.byName(args.string(i));
                if (c != null) {
                    found.add(c);
                }
            }
        }
        r.map(found.size());
        for (Command c : found) {
            r.bulk(c.spec().fullName());
            CommandDescriptions.docs(r, c);
        }
    }
}
