package io.jredis.application.command.string;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** SETNX key value: 1 when set, 0 when the key existed. Propagated as sent. */
public final class SetnxCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("setnx", 3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "string", "fast")
            .group("string").since("1.0.0")
            .summary("Set the value of a key, only if the key does not exist")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "insert")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        SetCommand.set(ctx, ExpiryArguments.NX, 2, 0, SetCommand.Replies.INTEGER, "setnx");
    }
}
