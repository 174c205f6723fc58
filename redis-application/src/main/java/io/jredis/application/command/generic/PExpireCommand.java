package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PEXPIRE key milliseconds [NX | XX | GT | LT]. */
public final class PExpireCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pexpire", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("2.6.0").summary("Set a key's time to live in milliseconds")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.execute(ctx, false, true, false);
    }
}
