package io.jredis.application.command.generic;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.keyspace.Database;

/** DEL key [key ...]: replies how many keys were removed. */
public final class DelCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("del", -2)
            .flags(CommandFlag.WRITE).keys(1, -1, 1)
            .acl("keyspace", "write", "slow")
            .group("generic").since("1.0.0").summary("Delete a key")
            .complexity("O(N) where N is the number of keys that will be removed. When a key to remove holds a value"
                    + " other than a string, the individual complexity for this key is O(M) where M is the number"
                    + " of elements in the list, set, sorted set or hash. Removing a single key that holds a string"
                    + " value is O(1).")
            .tips("request_policy:multi_shard", "response_policy:agg_sum")
            .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "RM", "delete")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().integer(deleteAll(ctx));
    }

    /** Removes every key argument; shared with UNLINK, which differs only in how memory is freed. */
    static long deleteAll(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        long removed = 0;
        for (int i = 1; i < args.count(); i++) {
            if (db.remove(args.array(), args.offset(i), args.length(i), ctx.now()) != null) {
                ctx.keyModified(args, i);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, i);
                removed++;
            }
        }
        return removed;
    }
}
