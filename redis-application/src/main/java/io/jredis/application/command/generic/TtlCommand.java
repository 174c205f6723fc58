package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** TTL key: seconds left, rounded; -1 without expiry, -2 when missing. */
public final class TtlCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("ttl", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "read", "fast")
            .group("generic").since("1.0.0").summary("Get the time to live for a key in seconds")
            .tips("nondeterministic_output").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.reportTtl(ctx, false, false);
    }
}
