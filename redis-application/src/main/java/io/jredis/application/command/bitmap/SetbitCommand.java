package io.jredis.application.command.bitmap;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.value.Bitmaps;
import io.jredis.domain.value.MutableString;

/** SETBIT key offset 0|1: replies the old bit; the string grows with zero bytes to reach the offset. */
public final class SetbitCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("setbit", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("write", "bitmap", "slow")
            .group("bitmap").since("2.2.0")
            .summary("Sets or clears the bit at offset in the string value stored at key")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long offset = BitValues.offset(ctx, 2, false, 0);
        if (offset < 0) {
            return;
        }
        if (!args.isLong(3) || (args.longValue(3) & ~1L) != 0) {
            ctx.reply().error(Errors.BIT_VALUE);
            return;
        }
        int on = (int) args.longValue(3);
        boolean[] grown = new boolean[1];
        MutableString m = BitValues.writable(ctx, offset, grown);
        if (m == null) {
            return;
        }
        int old = Bitmaps.get(m.array(), m.length(), offset);
        // A SETBIT that creates, extends or flips is a change; one that leaves the bit as it was is
        // not (Redis 7.0.15 does not propagate it).
        if (grown[0] || old != on) {
            Bitmaps.set(m.array(), offset, on);
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "setbit", args, 1);
        }
        ctx.reply().integer(old);
    }
}
