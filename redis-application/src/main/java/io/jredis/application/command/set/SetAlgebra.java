package io.jredis.application.command.set;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SetValue;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Intersection, union and difference of the sets named by a run of arguments, with Redis's
 * rules: every key's type is checked before anything is computed, a missing key is an empty set,
 * and the STORE forms replace the destination (or delete it when the result is empty).
 */
final class SetAlgebra {

    enum Op { UNION, DIFF }

    private SetAlgebra() {
    }

    /**
     * The sets of arguments first..first+n-1 (null for missing keys), or null after replying
     * WRONGTYPE. Destinations of STORE forms look up as writes (no hit/miss counting).
     */
    static SetValue[] lookUp(CommandContext ctx, int first, int n, boolean write) {
        SetValue[] sets = new SetValue[n];
        for (int j = 0; j < n; j++) {
            SetValue s = Sets.peekForAlgebra(ctx, first + j, write);
            if (s == Sets.WRONG_TYPE) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return null;
            }
            sets[j] = s;
        }
        return sets;
    }

    /** The intersection; a missing key makes it empty. Stops after {@code limit} members (0: none). */
    static SetValue intersect(SetValue[] sets, long limit) {
        SetValue out = new SetValue();
        for (SetValue s : sets) {
            if (s == null) {
                return out;
            }
        }
        SetValue[] bySize = sets.clone();
        Arrays.sort(bySize, Comparator.comparingInt(SetValue::size));
        SetValue smallest = bySize[0];
        byte[] scratch = new byte[20];
        int n = smallest.size();
        for (int i = 0; i < n && (limit == 0 || out.size() < limit); i++) {
            smallest.memberAt(i, scratch, (buf, off, len) -> {
                for (int j = 1; j < bySize.length; j++) {
                    if (bySize[j] != smallest && !bySize[j].contains(buf, off, len)) {
                        return;
                    }
                }
                out.add(buf, off, len);
            });
        }
        return out;
    }

    static SetValue combine(SetValue[] sets, Op op) {
        SetValue out = new SetValue();
        if (op == Op.UNION) {
            for (SetValue s : sets) {
                if (s != null) {
                    s.forEach(out::add);
                }
            }
            return out;
        }
        SetValue first = sets[0];
        if (first == null) {
            return out;
        }
        first.forEach((buf, off, len) -> {
            for (int j = 1; j < sets.length; j++) {
                if (sets[j] != null && sets[j].contains(buf, off, len)) {
                    return;
                }
            }
            out.add(buf, off, len);
        });
        return out;
    }

    /** Stores a STORE form's result at argument {@code dst} (deleting it when empty) and replies its size. */
    static void store(CommandContext ctx, int dst, SetValue result) {
        Arguments args = ctx.args();
        if (result.isEmpty()) {
            if (ctx.db().remove(args.array(), args.offset(dst), args.length(dst), ctx.now()) != null) {
                ctx.keyModified(args, dst);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, dst);
            }
        } else {
            Sets.create(ctx, dst, result);
            ctx.keyModified(args, dst);
            if (ctx.server().keyspaceEvents().enabled(KeyspaceEvents.SET)) {
                // the event is the command's name: sinterstore, sunionstore, sdiffstore
                ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, args.text(0).toLowerCase(java.util.Locale.ROOT), args, dst);
            }
        }
        ctx.reply().integer(result.size());
    }
}
