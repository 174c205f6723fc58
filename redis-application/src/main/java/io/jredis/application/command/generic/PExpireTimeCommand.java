package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PEXPIRETIME key: absolute expiry in unix ms; -1 without expiry, -2 when missing. */
public final class PExpireTimeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pexpiretime", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "read", "fast")
            .group("generic").since("7.0.0").summary("Get the expiration Unix timestamp for a key in milliseconds")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.reportTtl(ctx, true, true);
    }
}
