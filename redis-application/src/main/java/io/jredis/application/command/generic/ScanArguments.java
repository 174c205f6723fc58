package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Glob;

import java.nio.charset.StandardCharsets;

/**
 * The options of SSCAN, HSCAN (and ZSCAN) after the cursor: COUNT and MATCH, parsed as Redis's
 * scanGenericCommand does once the key was found (TYPE belongs to SCAN alone).
 */
public final class ScanArguments {

    private static final byte[] ZERO = "0".getBytes(StandardCharsets.US_ASCII);

    private long count = 10;
    private int matchArg = -1;

    /** Parses options from argument {@code from} on; replies the error and returns false when invalid. */
    public boolean parse(CommandContext ctx, int from) {
        Arguments args = ctx.args();
        for (int i = from; i < args.count(); i += 2) {
            boolean hasValue = i + 1 < args.count();
            if (args.is(i, "COUNT") && hasValue) {
                if (!args.isLong(i + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return false;
                }
                count = args.longValue(i + 1);
                if (count < 1) {
                    ctx.reply().error(Errors.SYNTAX);
                    return false;
                }
            } else if (args.is(i, "MATCH") && hasValue) {
                matchArg = Glob.isMatchAll(args.array(), args.offset(i + 1), args.length(i + 1)) ? -1 : i + 1;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return false;
            }
        }
        return true;
    }

    public long count() {
        return count;
    }

    /** True when there is no pattern or the element matches it. */
    public boolean matches(Arguments args, byte[] element) {
        return matchArg < 0 || Glob.matches(args.array(), args.offset(matchArg), args.length(matchArg),
                element, 0, element.length, false);
    }

    /** The reply for a missing key: cursor 0 and nothing. */
    public static void replyEmpty(CommandContext ctx) {
        ctx.reply().array(2);
        ctx.reply().bulk(ZERO);
        ctx.reply().array(0);
    }

    /** The cursor as the first element of the reply. */
    public static void replyCursor(CommandContext ctx, long cursor) {
        ctx.reply().array(2);
        ctx.reply().bulk(Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII));
    }
}
