package io.jredis.application.command.hash;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.LongDouble;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HINCRBYFLOAT key field increment, in C long double arithmetic as Redis (see {@link LongDouble});
 * propagated as HSET key field result so replicas store the same digits.
 */
public final class HincrbyfloatCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hincrbyfloat", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "hash", "fast").keyFlags("RW", "access", "update")
            .group("hash").since("2.6.0").summary("Increment the float value of a hash field by the given amount")
            .build();

    private static final byte[] HSET = "HSET".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        LongDouble incr = LongDouble.parse(args.array(), args.offset(3), args.length(3));
        if (incr == null) {
            ctx.reply().error(Errors.NOT_FLOAT);
            return;
        }
        if (!incr.isFinite()) {
            ctx.reply().error(Errors.VALUE_NAN_OR_INFINITY);
            return;
        }
        HashValue hash = Hashes.writeOrCreate(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        int i = hash.indexOf(args.array(), args.offset(2), args.length(2));
        LongDouble value = LongDouble.ZERO;
        if (i >= 0) {
            byte[] old = hash.valueAt(i);
            value = LongDouble.parse(old, 0, old.length);
            if (value == null) {
                ctx.reply().error(Errors.HASH_VALUE_NOT_FLOAT);
                return;
            }
        }
        LongDouble sum = value.add(incr);
        if (!sum.isFinite()) {
            ctx.reply().error(Errors.INCR_NAN_OR_INF);
            Hashes.removeIfEmpty(ctx, hash, 1);
            return;
        }
        byte[] stored = sum.toHumanBytes();
        if (i >= 0) {
            hash.setValueAt(i, stored);
        } else {
            hash.put(args.bytes(2), stored);
        }
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.HASH, "hincrbyfloat", args, 1);
        ctx.reply().bulk(stored);
        ctx.propagateAs(List.of(HSET, args.bytes(1), args.bytes(2), stored));
    }
}
