package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PTTL key: milliseconds left; -1 without expiry, -2 when missing. */
public final class PTtlCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pttl", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "read", "fast")
            .group("generic").since("2.6.0").summary("Get the time to live for a key in milliseconds")
            .tips("nondeterministic_output").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Expiring.reportTtl(ctx, true, false);
    }
}
