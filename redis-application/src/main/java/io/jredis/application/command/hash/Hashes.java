package io.jredis.application.command.hash;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.HashValue;

/** Look-ups the hash commands share. */
final class Hashes {

    /** Returned by the look-ups when the key holds another type (WRONGTYPE was replied). */
    static final HashValue WRONG_TYPE = new HashValue();

    private Hashes() {
    }

    /** A read look-up of argument i (counts a keyspace hit or miss): the hash, null, or WRONG_TYPE. */
    static HashValue read(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        Object v = ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now());
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            return null;
        }
        ctx.server().stats().keyspaceHits++;
        return checked(ctx, v);
    }

    /** A write look-up of argument i: the hash, null, or WRONG_TYPE. */
    static HashValue write(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        return checked(ctx, ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now()));
    }

    /** A write look-up that creates an empty hash for a missing key (hashTypeLookupWriteOrCreate). */
    static HashValue writeOrCreate(CommandContext ctx, int i) {
        HashValue h = write(ctx, i);
        if (h == null) {
            h = new HashValue();
            Arguments args = ctx.args();
            ctx.db().put(args.array(), args.offset(i), args.length(i), h, Database.NO_EXPIRY, ctx.now());
        }
        return h;
    }

    private static HashValue checked(CommandContext ctx, Object v) {
        if (v == null || v instanceof HashValue) {
            return (HashValue) v;
        }
        ctx.reply().error(Errors.WRONG_TYPE);
        return WRONG_TYPE;
    }

    /** Deletes the key at argument i once its hash is empty, as Redis never keeps empty hashes. */
    static void removeIfEmpty(CommandContext ctx, HashValue hash, int i) {
        if (hash.isEmpty()) {
            Arguments args = ctx.args();
            ctx.db().remove(args.array(), args.offset(i), args.length(i), ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, i);
        }
    }
}
