package io.jredis.application.command.hyperloglog;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.HyperLogLog;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Strings;

/** What the HyperLogLog commands share: Redis's isHLLObjectOrReply and dbUnshareStringValue. */
final class HllValues {

    private HllValues() {
    }

    /** True if the value is a valid HLL string; otherwise replies WRONGTYPE (of either kind). */
    static boolean check(CommandContext ctx, Object value) {
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return false;
        }
        if (!HyperLogLog.isValid(array(value), Strings.length(value))) {
            ctx.reply().error(Errors.HLL_NOT_VALID);
            return false;
        }
        return true;
    }

    static byte[] array(Object value) {
        return value instanceof byte[] b ? b : ((MutableString) value).array();
    }

    /** The value of the key at argument i as a mutable string, stored in place of an immutable one (TTL kept). */
    static MutableString unshare(CommandContext ctx, int i, Object value) {
        if (value instanceof MutableString m) {
            return m;
        }
        MutableString m = MutableString.copyOf((byte[]) value);
        Arguments args = ctx.args();
        ctx.db().replace(args.array(), args.offset(i), args.length(i), m, ctx.now());
        return m;
    }

    static long sparseMaxBytes(CommandContext ctx) {
        return ctx.server().config().hllSparseMaxBytes;
    }
}
