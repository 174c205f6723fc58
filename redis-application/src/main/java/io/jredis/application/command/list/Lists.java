package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.ListValue;

import java.util.List;

/** What the list commands share: look-ups with Redis's type check, pops, pushes and replies. */
final class Lists {

    /** Marks a look-up that already replied WRONGTYPE. */
    static final ListValue WRONG_TYPE = new ListValue();

    private Lists() {
    }

    /** The list at argument i, null when missing, {@link #WRONG_TYPE} after replying the error. */
    static ListValue lookup(CommandContext ctx, int i) {
        Arguments a = ctx.args();
        Object v = ctx.db().get(a.array(), a.offset(i), a.length(i), ctx.now());
        if (v == null || v instanceof ListValue) {
            return (ListValue) v;
        }
        ctx.reply().error(Errors.WRONG_TYPE);
        return WRONG_TYPE;
    }

    /** The list at a key, null when missing or of another type (no reply). */
    static ListValue peekList(CommandContext ctx, byte[] key) {
        return ctx.db().get(key, ctx.now()) instanceof ListValue l ? l : null;
    }

    /** True when argument i names LEFT (head) or RIGHT; replies a syntax error otherwise. */
    static Boolean where(CommandContext ctx, int i) {
        if (ctx.args().is(i, "LEFT")) {
            return Boolean.TRUE;
        }
        if (ctx.args().is(i, "RIGHT")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Removes the key once its list is empty, as Redis never keeps an empty list. */
    static void deleteIfEmpty(CommandContext ctx, ListValue list, byte[] key) {
        if (list.isEmpty()) {
            ctx.db().remove(key, ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", key);
        }
    }

    static void deleteIfEmpty(CommandContext ctx, ListValue list, int argIndex) {
        if (list.isEmpty()) {
            Arguments a = ctx.args();
            ctx.db().remove(a.array(), a.offset(argIndex), a.length(argIndex), ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", a, argIndex);
        }
    }

    /** The list at argument i for a push, created when missing; null after replying WRONGTYPE. */
    static ListValue forPush(CommandContext ctx, int i) {
        ListValue l = lookup(ctx, i);
        if (l == WRONG_TYPE) {
            return null;
        }
        if (l == null) {
            l = new ListValue();
            Arguments a = ctx.args();
            ctx.db().put(a.array(), a.offset(i), a.length(i), l, Database.NO_EXPIRY, ctx.now());
        }
        return l;
    }

    /** Pushes onto the list at key, creating it when missing (the destination of a move). */
    static void pushTo(CommandContext ctx, ListValue dst, byte[] key, boolean front, byte[] value) {
        if (dst == null) {
            dst = new ListValue();
            ctx.db().put(key, dst, ctx.now());
        }
        dst.push(front, value);
    }

    /** Replies {@code count} elements popped from one end; the caller deletes an emptied list. */
    static void popAndReply(CommandContext ctx, ListValue list, boolean front, long count) {
        int n = (int) Math.min(count, list.size());
        ctx.reply().array(n);
        for (int i = 0; i < n; i++) {
            ctx.reply().bulk(list.pop(front));
        }
    }

    static byte[] word(boolean front) {
        return front ? LEFT : RIGHT;
    }

    static final byte[] LEFT = {'L', 'E', 'F', 'T'};
    static final byte[] RIGHT = {'R', 'I', 'G', 'H', 'T'};
    static final byte[] LPOP = {'L', 'P', 'O', 'P'};
    static final byte[] RPOP = {'R', 'P', 'O', 'P'};

    static List<byte[]> popCommand(boolean front, byte[] key) {
        return List.of(front ? LPOP : RPOP, key);
    }
}
