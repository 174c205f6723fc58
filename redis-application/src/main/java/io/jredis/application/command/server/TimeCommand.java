package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** TIME: unix seconds and the microseconds within that second, both as bulk strings. */
public final class TimeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("time", 1)
            .flags(CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .acl("fast")
            .group("server").since("2.6.0").summary("Return the current server time")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        long now = ctx.now();
        ctx.reply().array(2);
        ctx.reply().bulk(Long.toString(now / 1000));
        ctx.reply().bulk(Long.toString(now % 1000 * 1000));
    }
}
