package io.jredis.application.command.generic;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.MutableString;

import java.util.Arrays;

/** COPY source destination [DB destination-db] [REPLACE]: replies 1 when copied, 0 otherwise. */
public final class CopyCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("copy", -3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 2, 1)
            .acl("keyspace", "write", "slow")
            .group("generic").since("6.2.0").summary("Copy a key")
            .complexity("O(N) worst case for collections, where N is the number of nested items. O(1) for string values.")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO", "access")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "OW", "update")
            .build();

    /** Until typed values can copy themselves; Redis itself never fails here. */

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int srcId = ctx.session().db();
        int dstId = srcId;
        boolean replace = false;
        for (int j = 3; j < args.count(); j++) {
            if (args.is(j, "REPLACE")) {
                replace = true;
            } else if (args.is(j, "DB") && j + 1 < args.count()) {
                long index = DbIndex.parse(args, j + 1);
                if (DbIndex.failed(index)) {
                    ctx.reply().error(DbIndex.error(index));
                    return;
                }
                if (!DbIndex.inRange(index, ctx.server().keyspace().count())) {
                    ctx.reply().error(Errors.DB_INDEX_OUT_OF_RANGE);
                    return;
                }
                dstId = (int) index;
                j++;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        byte[] buf = args.array();
        if (srcId == dstId && Arrays.equals(buf, args.offset(1), args.offset(1) + args.length(1),
                buf, args.offset(2), args.offset(2) + args.length(2))) {
            ctx.reply().error(Errors.SAME_OBJECT);
            return;
        }
        Database src = ctx.db();
        Object value = KeyLookups.read(ctx, src, 1);
        if (value == null) {
            ctx.reply().integer(0);
            return;
        }
        long expireAt = src.expireAt(buf, args.offset(1), args.length(1), ctx.now());
        Database dst = ctx.server().keyspace().db(dstId);
        byte[] target = args.bytes(2);
        if (dst.contains(target, ctx.now()) && !replace) {
            ctx.reply().integer(0);
            return;
        }
        Object copy = duplicate(value);
        // put replaces whatever the destination held, which is what REPLACE asks for.
        dst.put(target, copy, expireAt, ctx.now());
        ctx.keyModified(dstId, target);
        ctx.server().keyspaceEvents().notify(KeyspaceEvents.GENERIC, "copy_to", dstId, target);
        ctx.reply().integer(1);
    }

    /** A copy that shares nothing mutable with the original. */
    private static Object duplicate(Object value) {
        if (value instanceof byte[] b) {
            return b.clone();
        }
        if (value instanceof MutableString m) {
            return new MutableString(m.toBytes(), m.length());
        }
        return ((io.jredis.domain.value.TypedValue) value).copy();
    }
}
