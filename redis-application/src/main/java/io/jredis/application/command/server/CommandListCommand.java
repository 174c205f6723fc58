package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

import java.util.ArrayList;
import java.util.List;

/** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: full names, subcommands included. */
public final class CommandListCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("list", -2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("7.0.0").summary("Get an array of Redis command names")
            .complexity("O(N) where N is the total number of Redis commands")
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
        String module = null;
        String category = null;
        String pattern = null;
        if (args.count() == 5 && args.is(2, "FILTERBY")) {
            if (args.is(3, "MODULE")) {
                module = args.string(4);
            } else if (args.is(3, "ACLCAT")) {
                category = args.string(4);
            } else if (args.is(3, "PATTERN")) {
                pattern = args.string(4);
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        } else if (args.count() != 2) {
            r.error(Errors.SYNTAX);
            return;
        }
        List<String> names = new ArrayList<>();
        if (module == null) {
            for (Command c : registry.allWithSubcommands()) {
                CommandSpec s = c.spec();
                if (category != null && !CommandDescriptions.categories(s).contains(category.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                if (pattern != null && !GlobPattern.matches(pattern, s.fullName(), true)) {
                    continue;
                }
                names.add(s.fullName());
            }
        }
        r.array(names.size());
        for (String n : names) {
            r.bulk(n);
        }
    }
}
