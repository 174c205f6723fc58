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

/** SETRANGE key offset value: overwrites from offset, zero-padding; replies the new length. */
public final class SetrangeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("setrange", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("write", "string", "slow")
            .group("string").since("2.2.0")
            .summary("Overwrite part of a string at key starting at the specified offset")
            .complexity("O(1), not counting the time taken to copy the new string in place. Usually, this"
                    + " string is very small so the amortized complexity is O(1). Otherwise, complexity is"
                    + " O(M) with M being the length of the value argument.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long offset = args.longValue(2);
        if (offset < 0) {
            ctx.reply().error(Errors.OFFSET_OUT_OF_RANGE);
            return;
        }
        Database db = ctx.db();
        byte[] buf = args.array();
        int valueLen = args.length(3);
        Object value = db.get(buf, args.offset(1), args.length(1), ctx.now());
        MutableString m;
        if (value == null) {
            // Setting nothing on a missing key creates nothing.
            if (valueLen == 0) {
                ctx.reply().integer(0);
                return;
            }
            if (!StringValues.checkLength(ctx, offset, valueLen)) {
                return;
            }
            m = new MutableString(new byte[(int) offset + valueLen], 0);
            db.put(buf, args.offset(1), args.length(1), m, Database.NO_EXPIRY, ctx.now());
        } else {
            if (!Strings.isString(value)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            if (valueLen == 0) {
                ctx.reply().integer(Strings.length(value));
                return;
            }
            if (!StringValues.checkLength(ctx, offset, valueLen)) {
                return;
            }
            if (value instanceof MutableString existing) {
                m = existing;
            } else {
                m = AppendCommand.unshare((byte[]) value, (int) Math.max(offset + valueLen, 0));
                StringValues.replaceKeepingTtl(ctx, db, args, 1, m);
            }
        }
        m.write((int) offset, buf, args.offset(3), valueLen);
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "setrange", args, 1);
        ctx.reply().integer(m.length());
    }
}
