package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** RESTORE-ASKING key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]. */
public final class RestoreAskingCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("restore-asking", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.ASKING).keys(1, 1, 1)
            .acl("keyspace", "write", "slow", "dangerous")
            .group("server").since("3.0.0").summary("An internal command for migrating keys in a cluster")
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
