package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** DUMP key: the value in Redis's serialized form (RDB encoding, RDB version, CRC64), or nil. */
public final class DumpCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("dump", 2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("keyspace", "read", "slow")
            .group("generic").since("2.6.0").summary("Return a serialized version of the value stored at the specified key.")
            .complexity("O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis "
                    + "objects composing the value and M their average size. For small string values the time "
                    + "complexity is thus O(1)+O(1*M) where M is small, so simply O(1).")
            .tips("nondeterministic_output")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Object value = KeyLookups.read(ctx, ctx.db(), 1);
        if (value == null) {
            ctx.reply().nullBulk();
            return;
        }
        ctx.reply().bulk(ctx.server().valueCodec().dump(value));
    }
}
