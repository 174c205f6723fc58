package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** RENAMENX key newkey: RENAME only when newkey does not exist; replies 1 or 0. */
public final class RenameNxCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("renamenx", 3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 2, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("1.0.0").summary("Rename a key, only if the new key does not exist")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "OW", "insert")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Renaming.rename(ctx, true);
    }
}
