package io.jredis.application.command.bitmap;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.Bitmaps;
import io.jredis.domain.value.Strings;

/**
 * BITCOUNT key [start end [BYTE|BIT]]: set bits in a byte or bit range (negative indexes count
 * from the end). As in Redis 7.0 a missing key replies 0 before the arguments are looked at.
 */
public final class BitcountCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("bitcount", -2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "bitmap", "slow")
            .group("bitmap").since("2.6.0")
            .summary("Count set bits in a string")
            .complexity("O(N)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            ctx.reply().integer(0);
            return;
        }
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        byte[] p = BitValues.array(value);
        long strlen = Strings.length(value);
        int argc = args.count();
        if (argc == 4 || argc == 5) {
            if (!args.isLong(2) || !args.isLong(3)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            long start = args.longValue(2);
            long end = args.longValue(3);
            if (start < 0 && end < 0 && start > end) {
                ctx.reply().integer(0);
                return;
            }
            boolean isBit = false;
            if (argc == 5) {
                if (args.is(4, "bit")) {
                    isBit = true;
                } else if (!args.is(4, "byte")) {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
            }
            range.set(start, end, strlen, isBit);
        } else if (argc == 2) {
            range.whole(strlen);
        } else {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        if (range.start > range.end) {
            ctx.reply().integer(0);
            return;
        }
        int start = (int) range.start;
        int end = (int) range.end;
        // the edge bits outside a BIT range are subtracted afterwards
        long count = Bitmaps.popcount(p, start, end - start + 1);
        if (range.firstMask != 0) {
            count -= Integer.bitCount(p[start] & range.firstMask);
        }
        if (range.lastMask != 0) {
            count -= Integer.bitCount(p[end] & range.lastMask);
        }
        ctx.reply().integer(count);
    }

    private final BitRange range = new BitRange();
}
