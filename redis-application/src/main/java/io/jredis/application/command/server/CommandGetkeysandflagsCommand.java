package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** COMMAND GETKEYSANDFLAGS command [arg ...]: each key with its key spec flags. */
public final class CommandGetkeysandflagsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getkeysandflags", -4)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("7.0.0").summary("Extract keys and access flags given a full Redis command")
            .complexity("O(N) where N is the number of arguments to the command")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        CommandGetkeysCommand.replyKeys(ctx, true);
    }
}
