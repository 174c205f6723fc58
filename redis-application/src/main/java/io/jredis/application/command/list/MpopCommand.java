package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.KeyReference;
import io.jredis.application.blocking.BlockTimeout;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.PopCount;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.Numbers;

import java.util.List;

/**
 * BLPOP, BRPOP (key... timeout), LMPOP (numkeys key... LEFT|RIGHT [COUNT n]) and BLMPOP
 * (timeout numkeys ...): pop from the first non-empty list in argument order, or block. Each is
 * propagated as LPOP/RPOP of the key it popped from, with the count for the MPOP forms.
 */
public final class MpopCommand implements Command {

    private final CommandSpec spec;
    /** BLPOP/BRPOP: the end is fixed; LMPOP/BLMPOP: given as LEFT|RIGHT. */
    private final boolean multi;
    private final boolean front;
    private final boolean blocking;

    private MpopCommand(CommandSpec spec, boolean multi, boolean front, boolean blocking) {
        this.spec = spec;
        this.multi = multi;
        this.front = front;
        this.blocking = blocking;
    }

    public static MpopCommand blpop() {
        return new MpopCommand(blockingPop("blpop",
                "Remove and get the first element in a list, or block until one is available"), false, true, true);
    }

    public static MpopCommand brpop() {
        return new MpopCommand(blockingPop("brpop",
                "Remove and get the last element in a list, or block until one is available"), false, false, true);
    }

    public static MpopCommand lmpop() {
        return new MpopCommand(CommandSpec.command("lmpop", -4)
                .flags(CommandFlag.WRITE, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow")
                .group("list").since("7.0.0").summary("Pop elements from a list")
                .complexity("O(N+M) where N is the number of provided keys and M is the number of elements returned.")
                .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RW", "access", "delete")
                .build(), true, true, false);
    }

    public static MpopCommand blmpop() {
        return new MpopCommand(CommandSpec.command("blmpop", -5)
                .flags(CommandFlag.WRITE, CommandFlag.BLOCKING, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow", "blocking")
                .group("list").since("7.0.0").summary("Pop elements from a list or block until one is available")
                .complexity("O(N+M) where N is the number of provided keys and M is the number of elements returned.")
                .keySpec(CommandSpec.index(2), CommandSpec.keynum(0, 1, 1), "RW", "access", "delete")
                .build(), true, true, true);
    }

    private static CommandSpec blockingPop(String name, String summary) {
        return CommandSpec.command(name, -3)
                .flags(CommandFlag.WRITE, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING).keys(1, -2, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow", "blocking")
                .group("list").since("2.0.0").summary(summary)
                .complexity("O(N) where N is the number of provided keys.")
                .build();
    }

    /** LMPOP and BLMPOP count their keys (numkeys after the timeout for BLMPOP), as Redis's keynum spec. */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        if (!multi) {
            return null;
        }
        List<KeyReference> keys = new java.util.ArrayList<>();
        return KeyReference.addCounted(keys, args, base, blocking ? 2 : 1, KeyReference.RW_ACCESS_DELETE)
                ? keys : List.of();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        int firstKey;
        int lastKey;
        boolean fromFront = front;
        long count = -1;
        int timeoutIndex;
        if (multi) {
            int numkeysIndex = blocking ? 2 : 1;
            timeoutIndex = 1;
            long numkeys;
            if (!a.isLong(numkeysIndex) || (numkeys = a.longValue(numkeysIndex)) < 1) {
                ctx.reply().error(Errors.NUMKEYS_NOT_POSITIVE);
                return;
            }
            long whereIndex = numkeysIndex + numkeys + 1;
            if (whereIndex >= a.count()) {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
            Boolean where = Lists.where(ctx, (int) whereIndex);
            if (where == null) {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
            fromFront = where;
            count = PopCount.parse(ctx, (int) whereIndex + 1);
            if (count == PopCount.INVALID) {
                return;
            }
            firstKey = numkeysIndex + 1;
            lastKey = (int) whereIndex - 1;
        } else {
            firstKey = 1;
            lastKey = a.count() - 2;
            timeoutIndex = a.count() - 1;
        }
        long deadline = 0;
        if (blocking) {
            deadline = BlockTimeout.deadline(a, timeoutIndex, ctx.now(), ctx.reply());
            if (deadline == BlockTimeout.INVALID) {
                return;
            }
        }
        byte[] ready = ctx.readyKey();
        if (ready != null) {
            // a blocked client is served from the key that became ready
            if (!(ctx.db().get(ready, ctx.now()) instanceof ListValue list) || list.isEmpty()) {
                ctx.block(List.of(), deadline);
                return;
            }
            pop(ctx, list, ready, fromFront, count);
            return;
        }
        for (int i = firstKey; i <= lastKey; i++) {
            Object v = ctx.db().get(a.array(), a.offset(i), a.length(i), ctx.now());
            if (v == null) {
                continue;
            }
            if (!(v instanceof ListValue list)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            pop(ctx, list, a.bytes(i), fromFront, count);
            return;
        }
        if (!blocking || !ctx.canBlock()) {
            ctx.reply().nullArray();
            return;
        }
        ctx.block(a.copies(firstKey, lastKey), deadline);
    }

    /** Replies [key, element] (BLPOP) or [key, [elements]] (MPOP) and propagates the pop. */
    private static void pop(CommandContext ctx, ListValue list, byte[] key, boolean fromFront, long count) {
        ctx.reply().array(2);
        ctx.reply().bulk(key);
        if (count == -1) {
            ctx.reply().bulk(list.pop(fromFront));
            ctx.propagateAs(Lists.popCommand(fromFront, key));
        } else {
            long n = Math.min(count, list.size());
            Lists.popAndReply(ctx, list, fromFront, n);
            ctx.propagateAs(List.of(fromFront ? Lists.LPOP : Lists.RPOP, key, Numbers.toBytes(n)));
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, fromFront ? "lpop" : "rpop", key);
        Lists.deleteIfEmpty(ctx, list, key);
        ctx.keyModified(key);
    }
}
