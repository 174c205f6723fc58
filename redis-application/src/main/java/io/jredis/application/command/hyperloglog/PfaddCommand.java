package io.jredis.application.command.hyperloglog;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.HyperLogLog;
import io.jredis.domain.value.MutableString;

/** PFADD key [element...]: 1 if the HLL was created or a register grew, else 0. */
public final class PfaddCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pfadd", -2)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "hyperloglog", "fast")
            .group("hyperloglog").since("2.8.9")
            .summary("Adds the specified elements to the specified HyperLogLog.")
            .complexity("O(1) to add every element.")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "insert")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        byte[] buf = args.array();
        Object value = db.get(buf, args.offset(1), args.length(1), ctx.now());
        int updated = 0;
        MutableString hll;
        if (value == null) {
            hll = HyperLogLog.create();
            db.put(buf, args.offset(1), args.length(1), hll, Database.NO_EXPIRY, ctx.now());
            updated++;
        } else {
            if (!HllValues.check(ctx, value)) {
                return;
            }
            hll = HllValues.unshare(ctx, 1, value);
        }
        long sparseMax = HllValues.sparseMaxBytes(ctx);
        for (int j = 2; j < args.count(); j++) {
            int r = HyperLogLog.add(hll, buf, args.offset(j), args.length(j), sparseMax);
            if (r < 0) {
                ctx.reply().error(Errors.HLL_CORRUPTED);
                return;
            }
            updated += r;
        }
        if (updated > 0) {
            HyperLogLog.invalidateCache(hll.array());
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "pfadd", args, 1);
            ctx.dirty(updated - 1);
        }
        ctx.reply().integer(updated > 0 ? 1 : 0);
    }
}
