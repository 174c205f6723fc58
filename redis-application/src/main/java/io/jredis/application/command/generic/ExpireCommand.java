package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** EXPIRE key seconds [NX | XX | GT | LT]. */
public final class ExpireCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("expire", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("1.0.0").summary("Set a key's time to live in seconds")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.execute(ctx, true, true, false);
    }
}
