package io.jredis.application.command.set;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.SetValue;

/** Look-ups and replies the set commands share. */
final class Sets {

    /** Returned by the look-ups when the key holds another type (WRONGTYPE was replied). */
    static final SetValue WRONG_TYPE = new SetValue();

    private Sets() {
    }

    /** A read look-up of argument i (counts a keyspace hit or miss): the set, null, or WRONG_TYPE. */
    static SetValue read(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        Object v = ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now());
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            return null;
        }
        ctx.server().stats().keyspaceHits++;
        return checked(ctx, v);
    }

    /** A write look-up of argument i: the set, null, or WRONG_TYPE. */
    static SetValue write(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        return checked(ctx, ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now()));
    }

    private static SetValue checked(CommandContext ctx, Object v) {
        if (v == null || v instanceof SetValue) {
            return (SetValue) v;
        }
        ctx.reply().error(Errors.WRONG_TYPE);
        return WRONG_TYPE;
    }

    /** Looks up without replying: the value, null, or WRONG_TYPE for another type. */
    static SetValue peekForAlgebra(CommandContext ctx, int i, boolean write) {
        Arguments args = ctx.args();
        Object v = ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now());
        if (!write) {
            if (v == null) {
                ctx.server().stats().keyspaceMisses++;
            } else {
                ctx.server().stats().keyspaceHits++;
            }
        }
        if (v == null || v instanceof SetValue) {
            return (SetValue) v;
        }
        return WRONG_TYPE;
    }

    /** Stores a new set at argument i. */
    static void create(CommandContext ctx, int i, SetValue set) {
        Arguments args = ctx.args();
        ctx.db().put(args.array(), args.offset(i), args.length(i), set, Database.NO_EXPIRY, ctx.now());
    }

    /** Deletes the key at argument i once its set is empty, as Redis never keeps empty sets. */
    static void removeIfEmpty(CommandContext ctx, SetValue set, int i) {
        if (set.isEmpty()) {
            Arguments args = ctx.args();
            ctx.db().remove(args.array(), args.offset(i), args.length(i), ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, i);
        }
    }

    /** Replies a whole set (RESP3 set, RESP2 array). */
    static void replySet(ReplySink reply, SetValue set) {
        reply.set(set.size());
        set.forEach(reply::bulk);
    }
}
