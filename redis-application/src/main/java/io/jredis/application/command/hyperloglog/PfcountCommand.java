package io.jredis.application.command.hyperloglog;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.SnapshotWalk;
import io.jredis.domain.value.HyperLogLog;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Strings;

/**
 * PFCOUNT key [key...]: one key replies its cached cardinality, computing and caching it in the
 * header when stale — a change to the string, so it counts as a write and propagates, as in
 * Redis; several keys count their union without touching them.
 */
public final class PfcountCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pfcount", -2)
            .flags(CommandFlag.READONLY).keys(1, -1, 1)
            .acl("read", "hyperloglog", "slow")
            .group("hyperloglog").since("2.8.9")
            .summary("Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).")
            .complexity("O(1) with a very small average constant time when called with a single key. O(N) with N"
                    + " being the number of keys, and much bigger constant times, when called with multiple keys.")
            .keySpec("RW because it may change the internal representation of the key, and propagate to replicas",
                    CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "RW", "access")
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
        if (args.count() > 2) {
            byte[] max = new byte[HyperLogLog.REGISTERS];
            for (int j = 1; j < args.count(); j++) {
                Object value = db.get(buf, args.offset(j), args.length(j), ctx.now());
                if (value == null) {
                    continue;
                }
                if (!HllValues.check(ctx, value)) {
                    return;
                }
                if (!HyperLogLog.merge(max, HllValues.array(value), Strings.length(value))) {
                    ctx.reply().error(Errors.HLL_CORRUPTED);
                    return;
                }
            }
            ctx.reply().integer(HyperLogLog.countRegisters(max));
            return;
        }
        // Flagged read-only, yet it may rewrite the cached count in place: a running snapshot
        // must get the key as it was first, as it does for any write's look-up.
        SnapshotWalk walk = ctx.server().keyspace().walk();
        boolean wasWriting = walk != null && walk.writing(true);
        Object value;
        try {
            value = db.get(buf, args.offset(1), args.length(1), ctx.now());
        } finally {
            if (walk != null) {
                walk.writing(wasWriting);
            }
        }
        if (value == null) {
            ctx.reply().integer(0);
            return;
        }
        if (!HllValues.check(ctx, value)) {
            return;
        }
        MutableString hll = HllValues.unshare(ctx, 1, value);
        byte[] a = hll.array();
        long card;
        if (HyperLogLog.cacheValid(a)) {
            card = HyperLogLog.cachedCardinality(a);
        } else {
            card = HyperLogLog.count(a, hll.length());
            if (card < 0) {
                ctx.reply().error(Errors.HLL_CORRUPTED);
                return;
            }
            HyperLogLog.storeCardinality(a, card);
            ctx.keyModified(args, 1);
            // PFCOUNT is flagged read-only, yet Redis propagates the refreshed cache as a write.
            ctx.forcePropagation();
        }
        ctx.reply().integer(card);
    }
}
