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
 * BITPOS key bit [start [end [BYTE|BIT]]]: the first bit set to 1 or 0 in the range. Without an
 * explicit end the string reads as zero-padded on the right, so a clear bit is always found.
 */
public final class BitposCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("bitpos", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "bitmap", "slow")
            .group("bitmap").since("2.8.7")
            .summary("Find first bit set or clear in a string")
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
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long bitArg = args.longValue(2);
        if (bitArg != 0 && bitArg != 1) {
            ctx.reply().error(Errors.BIT_ARGUMENT);
            return;
        }
        int bit = (int) bitArg;
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            // A missing key is an endless run of zero bits.
            ctx.reply().integer(bit == 1 ? -1 : 0);
            return;
        }
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        byte[] p = BitValues.array(value);
        long strlen = Strings.length(value);
        int argc = args.count();
        boolean endGiven = false;
        if (argc >= 4 && argc <= 6) {
            if (!args.isLong(3)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            long start = args.longValue(3);
            boolean isBit = false;
            if (argc == 6) {
                if (args.is(5, "bit")) {
                    isBit = true;
                } else if (!args.is(5, "byte")) {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
            }
            long end;
            if (argc >= 5) {
                if (!args.isLong(4)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                end = args.longValue(4);
                endGiven = true;
            } else {
                end = isBit ? (strlen << 3) + 7 : strlen - 1;
            }
            range.set(start, end, strlen, isBit);
        } else if (argc == 3) {
            range.whole(strlen);
        } else {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        long start = range.start;
        long end = range.end;
        int firstMask = range.firstMask;
        int lastMask = range.lastMask;
        if (start > end) {
            ctx.reply().integer(-1);
            return;
        }
        // Redis's three parts: the first byte masked to the range, whole bytes, the last byte masked.
        long bytes = end - start + 1;
        long pos;
        found:
        {
            if (firstMask != 0) {
                int tmp = bit == 1 ? p[(int) start] & ~firstMask : p[(int) start] | firstMask;
                if (lastMask != 0 && bytes == 1) {
                    tmp = bit == 1 ? tmp & ~lastMask : tmp | lastMask;
                }
                pos = inByte(tmp, bit);
                if (bytes == 1 || pos != -1 && pos != 8) {
                    break found;
                }
                start++;
                bytes--;
            }
            long whole = bytes - (lastMask != 0 ? 1 : 0);
            if (whole > 0) {
                pos = Bitmaps.bitpos(p, (int) start, (int) whole, bit);
                if (bytes == whole || pos != -1 && pos != whole << 3) {
                    break found;
                }
                start += whole;
                bytes -= whole;
            }
            pos = inByte(bit == 1 ? p[(int) end] & ~lastMask : p[(int) end] | lastMask, bit);
        }
        // With an explicit end, the bit just past the range is not a zero the caller asked about.
        if (endGiven && bit == 0 && pos == bytes << 3) {
            ctx.reply().integer(-1);
            return;
        }
        if (pos != -1) {
            pos += start << 3;
        }
        ctx.reply().integer(pos);
    }

    private static long inByte(int b, int bit) {
        int x = (bit == 1 ? b : ~b) & 0xff;
        if (x == 0) {
            return bit == 1 ? -1 : 8;
        }
        return Integer.numberOfLeadingZeros(x) - 24;
    }

    private final BitRange range = new BitRange();
}
