package io.jredis.application.command.generic;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT: one algorithm (Redis's expireGenericCommand) with
 * a unit and a base time. Replicas get PEXPIREAT with the absolute time (flags kept), or DEL
 * when the time is already past.
 */
final class Expiring {

    private static final byte[] PEXPIREAT = "PEXPIREAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    private static final int NX = 1;
    private static final int XX = 2;
    private static final int GT = 4;
    private static final int LT = 8;

    private Expiring() {
    }

    /**
     * @param seconds   the argument counts seconds rather than milliseconds
     * @param relative  the argument is added to the command's time (EXPIRE, PEXPIRE)
     * @param absoluteMs the command is PEXPIREAT itself, whose arguments already say what replicas need
     */
    static void execute(CommandContext ctx, boolean seconds, boolean relative, boolean absoluteMs) {
        Arguments args = ctx.args();
        int flags = 0;
        for (int j = 3; j < args.count(); j++) {
            if (args.is(j, "NX")) {
                flags |= NX;
            } else if (args.is(j, "XX")) {
                flags |= XX;
            } else if (args.is(j, "GT")) {
                flags |= GT;
            } else if (args.is(j, "LT")) {
                flags |= LT;
            } else {
                ctx.reply().error(Errors.unsupportedOption(args.text(j)));
                return;
            }
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            ctx.reply().error(Errors.EXPIRE_NX_AND_OTHERS);
            return;
        }
        if ((flags & GT) != 0 && (flags & LT) != 0) {
            ctx.reply().error(Errors.EXPIRE_GT_AND_LT);
            return;
        }
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long when = args.longValue(2);
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                ctx.reply().error(Errors.invalidExpire(commandName(args)));
                return;
            }
            when *= 1000;
        }
        long base = relative ? ctx.now() : 0;
        if (when > Long.MAX_VALUE - base) {
            ctx.reply().error(Errors.invalidExpire(commandName(args)));
            return;
        }
        when += base;

        Database db = ctx.db();
        byte[] buf = args.array();
        int off = args.offset(1);
        int len = args.length(1);
        if (db.get(buf, off, len, ctx.now()) == null) {
            ctx.reply().integer(0);
            return;
        }
        if (flags != 0) {
            long current = db.expireAt(buf, off, len, ctx.now());
            boolean none = current == Database.NO_EXPIRY;
            if (((flags & NX) != 0 && !none)
                    || ((flags & XX) != 0 && none)
                    // No time to live counts as infinite: GT never beats it, LT always does.
                    || ((flags & GT) != 0 && (none || when <= current))
                    || ((flags & LT) != 0 && !none && when >= current)) {
                ctx.reply().integer(0);
                return;
            }
        }
        // Redis's checkAlreadyExpired: a replica stores the past time (the key is then hidden
        // from its clients) and leaves the deletion to its master's DEL.
        if (when <= ctx.now() && !ctx.server().masterLink().replicating()) {
            db.remove(buf, off, len, ctx.now());
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 1);
            ctx.propagateAs(List.of(DEL, args.bytes(1)));
            ctx.reply().integer(1);
            return;
        }
        db.setExpire(args.bytes(1), when, ctx.now());
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "expire", args, 1);
        if (!absoluteMs) {
            List<byte[]> argv = new ArrayList<>(args.count());
            argv.add(PEXPIREAT);
            argv.add(args.bytes(1));
            argv.add(Numbers.toBytes(when));
            for (int j = 3; j < args.count(); j++) {
                argv.add(args.bytes(j));
            }
            ctx.propagateAs(argv);
        }
        ctx.reply().integer(1);
    }

    /** The command's name as Redis quotes it in errors: lower case. */
    private static String commandName(Arguments args) {
        return args.string(0).toLowerCase(java.util.Locale.ROOT);
    }

    /** TTL, PTTL, EXPIRETIME and PEXPIRETIME: -2 missing, -1 no time to live. */
    static void reportTtl(CommandContext ctx, boolean millis, boolean absolute) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        if (KeyLookups.peek(ctx, db, 1) == null) {
            ctx.reply().integer(-2);
            return;
        }
        long expireAt = db.expireAt(args.array(), args.offset(1), args.length(1), ctx.now());
        if (expireAt == Database.NO_EXPIRY) {
            ctx.reply().integer(-1);
            return;
        }
        long ttl = Math.max(0, absolute ? expireAt : expireAt - ctx.now());
        // Seconds are rounded to the nearest, as Redis does for TTL and EXPIRETIME alike, without
        // overflowing for expiries near Long.MAX_VALUE (Redis answers 9223372036854776 there).
        ctx.reply().integer(millis ? ttl : ttl / 1000 + (ttl % 1000 >= 500 ? 1 : 0));
    }
}
