package io.jredis.application.command.hash;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.Numbers;

/** HINCRBY key field increment. */
public final class HincrbyCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hincrby", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "hash", "fast").keyFlags("RW", "access", "update")
            .group("hash").since("2.0.0").summary("Increment the integer value of a hash field by the given number")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (!args.isLong(3)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long incr = args.longValue(3);
        HashValue hash = Hashes.writeOrCreate(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        int i = hash.indexOf(args.array(), args.offset(2), args.length(2));
        long value = 0;
        if (i >= 0) {
            byte[] old = hash.valueAt(i);
            if (!Numbers.isCanonicalLong(old, 0, old.length)) {
                ctx.reply().error(Errors.HASH_VALUE_NOT_INTEGER);
                return;
            }
            value = Numbers.parseLong(old, 0, old.length);
        }
        long sum = value + incr;
        if (((value ^ sum) & (incr ^ sum)) < 0) {
            ctx.reply().error(Errors.OVERFLOW);
            Hashes.removeIfEmpty(ctx, hash, 1);
            return;
        }
        byte[] stored = Numbers.toBytes(sum);
        if (i >= 0) {
            hash.setValueAt(i, stored);
        } else {
            hash.put(args.bytes(2), stored);
        }
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.HASH, "hincrby", args, 1);
        ctx.reply().integer(sum);
    }
}
