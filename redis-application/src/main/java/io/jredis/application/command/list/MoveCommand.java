package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.blocking.BlockTimeout;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.ListValue;

import java.util.List;

/**
 * LMOVE, RPOPLPUSH and their blocking forms BLMOVE and BRPOPLPUSH: pop from one list, push to
 * another (possibly the same) and reply the element. A blocking form served at once, or later
 * for a blocked client, is propagated as its non-blocking form.
 */
public final class MoveCommand implements Command {

    private static final byte[] LMOVE = {'L', 'M', 'O', 'V', 'E'};
    private static final byte[] RPOPLPUSH = {'R', 'P', 'O', 'P', 'L', 'P', 'U', 'S', 'H'};

    private final CommandSpec spec;
    /** Whether the ends are given as LEFT|RIGHT arguments 3 and 4 (LMOVE, BLMOVE). */
    private final boolean explicitEnds;
    /** The timeout's argument index, 0 for the non-blocking forms. */
    private final int timeoutIndex;

    private MoveCommand(CommandSpec spec, boolean explicitEnds, int timeoutIndex) {
        this.spec = spec;
        this.explicitEnds = explicitEnds;
        this.timeoutIndex = timeoutIndex;
    }

    public static MoveCommand lmove() {
        return new MoveCommand(CommandSpec.command("lmove", 5)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 2, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow")
                .group("list").since("6.2.0").summary("Pop an element from a list, push it to another list and return it")
                .complexity("O(1)")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
                .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RW", "insert")
                .build(), true, 0);
    }

    public static MoveCommand rpoplpush() {
        return new MoveCommand(CommandSpec.command("rpoplpush", 3)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 2, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow")
                .group("list").since("1.2.0")
                .summary("Remove the last element in a list, prepend it to another list and return it")
                .complexity("O(1)")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
                .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RW", "insert")
                .build(), false, 0);
    }

    public static MoveCommand blmove() {
        return new MoveCommand(CommandSpec.command("blmove", 6)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING)
                .keys(1, 2, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow", "blocking")
                .group("list").since("6.2.0")
                .summary("Pop an element from a list, push it to another list and return it; or block until one is available")
                .complexity("O(1)")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
                .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RW", "insert")
                .build(), true, 5);
    }

    public static MoveCommand brpoplpush() {
        return new MoveCommand(CommandSpec.command("brpoplpush", 4)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING)
                .keys(1, 2, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "slow", "blocking")
                .group("list").since("2.2.0")
                .summary("Pop an element from a list, push it to another list and return it; or block until one is available")
                .complexity("O(1)")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
                .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RW", "insert")
                .build(), false, 3);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        boolean fromFront = false;
        boolean toFront = true;
        if (explicitEnds) {
            Boolean from = Lists.where(ctx, 3);
            Boolean to = from == null ? null : Lists.where(ctx, 4);
            if (to == null) {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
            fromFront = from;
            toFront = to;
        }
        if (timeoutIndex == 0) {
            move(ctx, fromFront, toFront);
            return;
        }
        long deadline = BlockTimeout.deadline(a, timeoutIndex, ctx.now(), ctx.reply());
        if (deadline == BlockTimeout.INVALID) {
            return;
        }
        Object src = ctx.db().get(a.array(), a.offset(1), a.length(1), ctx.now());
        if (src != null && !(src instanceof ListValue)) {
            if (ctx.readyKey() != null) {
                ctx.block(List.of(), deadline); // a blocked client ignores a key of another type
            } else {
                ctx.reply().error(Errors.WRONG_TYPE);
            }
            return;
        }
        if (src == null) {
            if (!ctx.canBlock()) {
                ctx.reply().nullBulk();
                return;
            }
            ctx.block(List.of(a.bytes(1)), deadline);
            return;
        }
        if (move(ctx, fromFront, toFront)) {
            ctx.propagateAs(explicitEnds
                    ? List.of(LMOVE, a.bytes(1), a.bytes(2), Lists.word(fromFront), Lists.word(toFront))
                    : List.of(RPOPLPUSH, a.bytes(1), a.bytes(2)));
        }
    }

    /** LMOVE's work; true when an element moved. */
    private static boolean move(CommandContext ctx, boolean fromFront, boolean toFront) {
        Arguments a = ctx.args();
        ListValue src = Lists.lookup(ctx, 1);
        if (src == Lists.WRONG_TYPE) {
            return false;
        }
        if (src == null) {
            ctx.reply().nullBulk();
            return false;
        }
        Object d = ctx.db().get(a.array(), a.offset(2), a.length(2), ctx.now());
        if (d != null && !(d instanceof ListValue)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return false;
        }
        byte[] value = src.pop(fromFront);
        ListValue dst = (ListValue) d;
        if (dst == null) {
            dst = new ListValue();
            ctx.db().put(a.array(), a.offset(2), a.length(2), dst, Database.NO_EXPIRY, ctx.now());
        }
        dst.push(toFront, value);
        ctx.keyModified(a, 2);
        ctx.reply().bulk(value);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, toFront ? "lpush" : "rpush", a, 2);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, fromFront ? "lpop" : "rpop", a, 1);
        Lists.deleteIfEmpty(ctx, src, 1);
        ctx.keyModified(a, 1);
        return true;
    }
}
