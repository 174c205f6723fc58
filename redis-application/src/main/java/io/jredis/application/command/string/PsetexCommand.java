package io.jredis.application.command.string;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PSETEX key milliseconds value: propagated as SET key value PXAT ms. */
public final class PsetexCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("psetex", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("write", "string", "slow")
            .group("string").since("2.6.0")
            .summary("Set the value and expiration in milliseconds of a key")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        SetCommand.set(ctx, ExpiryArguments.PX, 3, 2, SetCommand.Replies.PLAIN, "psetex");
    }
}
