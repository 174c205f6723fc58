package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;
import io.jredis.domain.value.Strings;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT ts | PXAT ms-ts | KEEPTTL]. */
public final class SetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("set", -3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("write", "string", "slow")
            .group("string").since("1.0.0")
            .summary("Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.")
            .complexity("O(1)")
            .build();

    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PXAT = "PXAT".getBytes(StandardCharsets.US_ASCII);

    private static final int NX = 1;
    private static final int XX = 2;
    private static final int GET = 4;
    private static final int KEEPTTL = 8;
    private static final int EX = 16;
    private static final int PX = 32;
    private static final int EXAT = 64;
    private static final int PXAT_FLAG = 128;
    private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT_FLAG;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int flags = 0;
        int expireArg = -1;
        for (int j = 3; j < args.count(); j++) {
            boolean hasNext = j + 1 < args.count();
            if (args.is(j, "NX") && (flags & XX) == 0) {
                flags |= NX;
            } else if (args.is(j, "XX") && (flags & NX) == 0) {
                flags |= XX;
            } else if (args.is(j, "GET")) {
                flags |= GET;
            } else if (args.is(j, "KEEPTTL") && (flags & ANY_EXPIRE) == 0) {
                flags |= KEEPTTL;
            } else if (args.is(j, "EX") && (flags & (KEEPTTL | ANY_EXPIRE)) == 0 && hasNext) {
                flags |= EX;
                expireArg = ++j;
            } else if (args.is(j, "PX") && (flags & (KEEPTTL | ANY_EXPIRE)) == 0 && hasNext) {
                flags |= PX;
                expireArg = ++j;
            } else if (args.is(j, "EXAT") && (flags & (KEEPTTL | ANY_EXPIRE)) == 0 && hasNext) {
                flags |= EXAT;
                expireArg = ++j;
            } else if (args.is(j, "PXAT") && (flags & (KEEPTTL | ANY_EXPIRE)) == 0 && hasNext) {
                flags |= PXAT_FLAG;
                expireArg = ++j;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        long expireAt = Database.NO_EXPIRY;
        if (expireArg > 0) {
            expireAt = absoluteExpiry(ctx, args, expireArg, flags);
            if (expireAt == Long.MIN_VALUE) {
                return;
            }
        }
        Database db = ctx.db();
        byte[] buf = args.array();
        int keyOff = args.offset(1);
        int keyLen = args.length(1);
        // A plain SET needs no look-up of the old value.
        Object old = flags == 0 ? null : db.get(buf, keyOff, keyLen, ctx.now());
        if ((flags & GET) != 0) {
            if (old != null && !Strings.isString(old)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
        }
        boolean found = old != null;
        if (((flags & NX) != 0 && found) || ((flags & XX) != 0 && !found)) {
            if ((flags & GET) != 0) {
                GetCommand.replyString(ctx, old);
            } else {
                ctx.reply().nullBulk();
            }
            return;
        }
        if ((flags & KEEPTTL) != 0 && found) {
            expireAt = db.expireAt(buf, keyOff, keyLen, ctx.now());
        }
        db.put(buf, keyOff, keyLen, args.bytes(2), expireAt, ctx.now());
        ctx.keyModified(args, 1);
        if ((flags & GET) != 0) {
            GetCommand.replyString(ctx, old);
        } else {
            ctx.reply().ok();
        }
        if (expireArg > 0 && (flags & PXAT_FLAG) == 0) {
            // Replicas and the AOF get an absolute time, so replaying later expires at the same moment.
            ctx.propagateAs(List.of(SET, args.bytes(1), args.bytes(2), PXAT, Numbers.toBytes(expireAt)));
        }
    }

    /** The absolute expiry in unix ms, or Long.MIN_VALUE after replying an error. */
    private static long absoluteExpiry(CommandContext ctx, Arguments args, int i, int flags) {
        if (!args.isLong(i)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return Long.MIN_VALUE;
        }
        long v = args.longValue(i);
        boolean seconds = (flags & (EX | EXAT)) != 0;
        if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) {
            ctx.reply().error(Errors.invalidExpire("set"));
            return Long.MIN_VALUE;
        }
        if (seconds) {
            v *= 1000;
        }
        if ((flags & (EX | PX)) != 0) {
            if (v > Long.MAX_VALUE - ctx.now()) {
                ctx.reply().error(Errors.invalidExpire("set"));
                return Long.MIN_VALUE;
            }
            v += ctx.now();
        }
        return v;
    }
}
