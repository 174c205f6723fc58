package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.port.ReplySink;

/** COMMAND COUNT: the number of top-level commands. */
public final class CommandCountCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("count", 2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("2.8.13").summary("Get total number of Redis commands")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        CommandRegistry registry = ctx.server().registry();
        ReplySink r = ctx.reply();
        r.integer(registry.size());
    }
}
