package io.jredis.application.command.replica;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** ROLE: master with its offset and replicas, or slave with its master, link state and offset. */
public final class RoleCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("role", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .acl("admin", "fast", "dangerous")
            .group("server").since("2.8.12")
            .summary("Return the role of the instance in the context of replication")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.server().replication().roleReply(ctx.reply());
    }
}
