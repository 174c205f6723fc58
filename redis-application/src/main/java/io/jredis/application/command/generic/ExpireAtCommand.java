package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** EXPIREAT key unix-time-seconds [NX | XX | GT | LT]. */
public final class ExpireAtCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("expireat", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("1.2.0").summary("Set the expiration for a key as a UNIX timestamp")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.execute(ctx, true, false, false);
    }
}
