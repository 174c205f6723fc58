package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.keyspace.Database;

/** EXISTS key [key ...]: counts existing keys, a key named twice counting twice. */
public final class ExistsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("exists", -2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, -1, 1)
            .acl("keyspace", "read", "fast")
            .group("generic").since("1.0.0").summary("Determine if a key exists")
            .complexity("O(N) where N is the number of keys to check.")
            .tips("request_policy:multi_shard", "response_policy:agg_sum")
            .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        long found = 0;
        for (int i = 1; i < args.count(); i++) {
            // A look-up that does not count as an access, as Redis's LOOKUP_NOTOUCH.
            if (KeyLookups.peek(ctx, db, i) != null) {
                found++;
            }
        }
        ctx.reply().integer(found);
    }
}
