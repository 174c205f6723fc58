package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]. */
public final class RestoreCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("restore", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("keyspace", "write", "slow", "dangerous")
            .group("generic").since("2.6.0").summary("Create a key using the provided serialized value, previously obtained using DUMP.")
            .complexity("O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N "
                    + "is the number of Redis objects composing the value and M their average size. For small string "
                    + "values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for "
                    + "sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is "
                    + "O(log(N)).")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Restoring.restore(ctx);
    }
}
