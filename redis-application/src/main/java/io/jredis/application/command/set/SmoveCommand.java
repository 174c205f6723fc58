package io.jredis.application.command.set;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SMOVE source destination member. */
public final class SmoveCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("smove", 4)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 2, 1)
            .acl("write", "set", "fast").keyFlags("RW", "access", "delete")
            .group("set").since("1.0.0").summary("Move a member from one set to another")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RW", "insert")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SetValue src = Sets.peekForAlgebra(ctx, 1, true);
        SetValue dst = Sets.peekForAlgebra(ctx, 2, true);
        if (src == null) {
            ctx.reply().integer(0);
            return;
        }
        if (src == Sets.WRONG_TYPE || dst == Sets.WRONG_TYPE) {
            ctx.reply().error(io.jredis.application.command.Errors.WRONG_TYPE);
            return;
        }
        byte[] buf = args.array();
        int off = args.offset(3);
        int len = args.length(3);
        if (src == dst) {
            ctx.reply().integer(src.contains(buf, off, len) ? 1 : 0);
            return;
        }
        if (!src.remove(buf, off, len)) {
            ctx.reply().integer(0);
            return;
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, "srem", args, 1);
        Sets.removeIfEmpty(ctx, src, 1);
        if (dst == null) {
            dst = new SetValue();
            Sets.create(ctx, 2, dst);
        }
        boolean added = dst.add(buf, off, len);
        ctx.keyModified(args, 1);
        ctx.keyModified(args, 2);
        if (added) {
            ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, "sadd", args, 2);
        }
        ctx.reply().integer(1);
    }
}
