package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** RENAME key newkey: the value, its time to live and idle time move; newkey is overwritten. */
public final class RenameCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("rename", 3)
            .flags(CommandFlag.WRITE).keys(1, 2, 1)
            .acl("keyspace", "write", "slow")
            .group("generic").since("1.0.0").summary("Rename a key")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "OW", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Renaming.rename(ctx, false);
    }
}
