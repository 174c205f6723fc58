package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]. */
public final class PExpireAtCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pexpireat", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("2.6.0").summary("Set the expiration for a key as a UNIX timestamp specified in milliseconds")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.execute(ctx, false, false, true);
    }
}
