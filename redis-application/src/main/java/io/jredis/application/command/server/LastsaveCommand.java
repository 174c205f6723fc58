package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** LASTSAVE: unix time in seconds of the last successful save (the start time until one). */
public final class LastsaveCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lastsave", 1)
            .flags(CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .acl("admin", "fast", "dangerous")
            .group("server").since("1.0.0").summary("Get the UNIX time stamp of the last successful save to disk")
            .complexity("O(1)")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().integer(ctx.server().persistence().lastSaveMillis / 1000);
    }
}
