package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;
import io.jredis.domain.value.Strings;

/**
 * INCR, DECR, INCRBY and DECRBY: one class, four instances. The stored value must be a canonical
 * 64-bit integer; the result keeps the key's time to live and is stored as its decimal bytes
 * (reported "int"), small results sharing one array each, so a counter allocates little.
 */
public final class IncrCommand implements Command {

    private enum Kind { INCR, DECR, INCRBY, DECRBY }

    private final CommandSpec spec;
    private final Kind kind;

    private IncrCommand(Kind kind, String name, int arity, String summary) {
        this.kind = kind;
        this.spec = CommandSpec.command(name, arity)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
                .acl("write", "string", "fast")
                .group("string").since("1.0.0")
                .summary(summary)
                .complexity("O(1)")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update")
                .build();
    }

    public static IncrCommand incr() {
        return new IncrCommand(Kind.INCR, "incr", 2, "Increment the integer value of a key by one");
    }

    public static IncrCommand decr() {
        return new IncrCommand(Kind.DECR, "decr", 2, "Decrement the integer value of a key by one");
    }

    public static IncrCommand incrby() {
        return new IncrCommand(Kind.INCRBY, "incrby", 3, "Increment the integer value of a key by the given amount");
    }

    public static IncrCommand decrby() {
        return new IncrCommand(Kind.DECRBY, "decrby", 3, "Decrement the integer value of a key by the given number");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long incr;
        switch (kind) {
            case INCR -> incr = 1;
            case DECR -> incr = -1;
            default -> {
                if (!args.isLong(2)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                incr = args.longValue(2);
                if (kind == Kind.DECRBY) {
                    if (incr == Long.MIN_VALUE) {
                        ctx.reply().error(Errors.DECREMENT_OVERFLOW);
                        return;
                    }
                    incr = -incr;
                }
            }
        }
        Database db = ctx.db();
        byte[] buf = args.array();
        Object old = db.get(buf, args.offset(1), args.length(1), ctx.now());
        long value = 0;
        if (old != null) {
            if (!Strings.isString(old)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            byte[] a = StringValues.array(old);
            int len = Strings.length(old);
            if (!Numbers.isCanonicalLong(a, 0, len)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            value = Numbers.parseLong(a, 0, len);
        }
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            ctx.reply().error(Errors.OVERFLOW);
            return;
        }
        value += incr;
        byte[] stored = StringValues.integer(value);
        if (old == null) {
            db.put(buf, args.offset(1), args.length(1), stored, Database.NO_EXPIRY, ctx.now());
        } else {
            StringValues.replaceKeepingTtl(ctx, db, args, 1, stored);
        }
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "incrby", args, 1);
        ctx.reply().integer(value);
    }
}
