package io.jredis.application.command.replication;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** ROLE: this server's part in replication; a master lists its online replicas and their offsets. */
public final class RoleCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("role", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .acl("admin", "fast", "dangerous")
            .group("server").since("2.8.12").summary("Return the role of the instance in the context of replication")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.server().replicaLinks().role(ctx.reply());
    }
}
