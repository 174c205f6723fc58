package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.generic.DbIndex;
import io.jredis.domain.keyspace.Keyspace;

/** SWAPDB index1 index2: the two databases exchange contents; clients stay on their numbers. */
public final class SwapDbCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("swapdb", 3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST)
            .acl("keyspace", "write", "fast", "dangerous")
            .group("server").since("4.0.0").summary("Swaps two Redis databases")
            .complexity("O(N) where N is the count of clients watching or blocking on keys from both databases.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        long a = DbIndex.parse(ctx.args(), 1);
        if (DbIndex.failed(a)) {
            ctx.reply().error(Errors.INVALID_FIRST_DB_INDEX);
            return;
        }
        long b = DbIndex.parse(ctx.args(), 2);
        if (DbIndex.failed(b)) {
            ctx.reply().error(Errors.INVALID_SECOND_DB_INDEX);
            return;
        }
        Keyspace keyspace = ctx.server().keyspace();
        if (!DbIndex.inRange(a, keyspace.count()) || !DbIndex.inRange(b, keyspace.count())) {
            ctx.reply().error(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        if (a != b) {
            // Watches break only for keys that exist on either side, judged before the swap.
            var watched = ctx.server().watchedKeys();
            watched.touchReplacedDb((int) a, keyspace.db((int) a), keyspace.db((int) b), ctx.now());
            watched.touchReplacedDb((int) b, keyspace.db((int) b), keyspace.db((int) a), ctx.now());
            keyspace.swap((int) a, (int) b);
            // clients blocked in either database may find their keys there now
            ctx.executor().blockedClients().signalDatabase((int) a);
            ctx.executor().blockedClients().signalDatabase((int) b);
        }
        // Counted (and so propagated) even when both indexes are the same, as in Redis.
        ctx.dirty(1);
        ctx.reply().ok();
    }
}
