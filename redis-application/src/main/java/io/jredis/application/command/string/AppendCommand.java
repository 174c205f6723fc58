package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Strings;

/**
 * APPEND key value: replies the new length. A new key stores the argument as is; an existing
 * value becomes a {@link MutableString} ("raw", as Redis unshares it) and grows in place.
 */
public final class AppendCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("append", 3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "string", "fast")
            .group("string").since("2.0.0")
            .summary("Append a value to a key")
            .complexity("O(1). The amortized time complexity is O(1) assuming the appended value is small"
                    + " and the already present value is of any size, since the dynamic string library"
                    + " used by Redis will double the free space available on every reallocation.")
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
        long total;
        if (value == null) {
            db.put(buf, args.offset(1), args.length(1), args.bytes(2), Database.NO_EXPIRY, ctx.now());
            total = args.length(2);
        } else {
            if (!Strings.isString(value)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            int len = Strings.length(value);
            if (!StringValues.checkLength(ctx, len, args.length(2))) {
                return;
            }
            MutableString m;
            if (value instanceof MutableString existing) {
                m = existing;
            } else {
                m = unshare((byte[]) value, len + args.length(2));
                StringValues.replaceKeepingTtl(ctx, db, args, 1, m);
            }
            m.append(buf, args.offset(2), args.length(2));
            total = m.length();
        }
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "append", args, 1);
        ctx.reply().integer(total);
    }

    /** A mutable copy of an immutable value with room for {@code capacity} bytes. */
    static MutableString unshare(byte[] value, int capacity) {
        byte[] room = new byte[Math.max(capacity, value.length)];
        System.arraycopy(value, 0, room, 0, value.length);
        return new MutableString(room, value.length);
    }
}
