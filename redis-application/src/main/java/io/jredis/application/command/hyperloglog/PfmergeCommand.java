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
import io.jredis.domain.value.Strings;

/**
 * PFMERGE destkey [sourcekey...]: destkey (itself one of the inputs) gets the register-wise maximum.
 * As in Redis 7.0 it turns dense if any input is dense, otherwise registers are raised one by one
 * in the sparse form (which may turn it dense), so the bytes match Redis's.
 */
public final class PfmergeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pfmerge", -2)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, -1, 1)
            .acl("write", "hyperloglog", "slow")
            .group("hyperloglog").since("2.8.9")
            .summary("Merge N different HyperLogLogs into a single one.")
            .complexity("O(N) to merge N HyperLogLogs, but with high constant times.")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "insert")
            .keySpec(CommandSpec.index(2), CommandSpec.range(-1, 1, 0), "RO", "access")
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
        byte[] max = new byte[HyperLogLog.REGISTERS];
        boolean dense = false;
        for (int j = 1; j < args.count(); j++) {
            Object value = db.get(buf, args.offset(j), args.length(j), ctx.now());
            if (value == null) {
                continue;
            }
            if (!HllValues.check(ctx, value)) {
                return;
            }
            byte[] a = HllValues.array(value);
            dense |= !HyperLogLog.isSparse(a);
            if (!HyperLogLog.merge(max, a, Strings.length(value))) {
                ctx.reply().error(Errors.HLL_CORRUPTED);
                return;
            }
        }
        Object target = db.get(buf, args.offset(1), args.length(1), ctx.now());
        MutableString hll;
        if (target == null) {
            hll = HyperLogLog.create();
            db.put(buf, args.offset(1), args.length(1), hll, Database.NO_EXPIRY, ctx.now());
        } else {
            hll = HllValues.unshare(ctx, 1, target);
        }
        if (dense && !HyperLogLog.toDense(hll)) {
            ctx.reply().error(Errors.HLL_CORRUPTED);
            return;
        }
        long sparseMax = HllValues.sparseMaxBytes(ctx);
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            if (max[j] != 0) {
                HyperLogLog.set(hll, j, max[j], sparseMax);
            }
        }
        HyperLogLog.invalidateCache(hll.array());
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "pfadd", args, 1); // Redis's name for a merge too
        ctx.reply().ok();
    }
}
