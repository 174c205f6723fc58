package io.jredis.application.blocking;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.LongDouble;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The timeout argument of a blocking command: seconds as a decimal, 0 forever. */
public final class BlockTimeout {

    /** Returned when the argument was refused (the error is already replied). */
    public static final long INVALID = -1;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private BlockTimeout() {
    }

    /**
     * The deadline in unix ms for argument i (0 = wait forever), or {@link #INVALID} after
     * replying the error. As Redis: parsed as a long double, times 1000 truncated toward zero
     * (so 0.0001 and -0.0001 wait forever), and what does not fit a long long counts as negative.
     */
    public static long deadline(Arguments args, int i, long now, ReplySink reply) {
        LongDouble v = LongDouble.parse(args.array(), args.offset(i), args.length(i));
        if (v == null) {
            reply.error(Errors.TIMEOUT_NOT_FLOAT);
            return INVALID;
        }
        long ms;
        if (!v.isFinite()) {
            ms = Long.MIN_VALUE; // C's conversion of an infinity to long long
        } else {
            BigDecimal t = new BigDecimal(v.toString()).multiply(THOUSAND).setScale(0, RoundingMode.DOWN);
            ms = t.compareTo(LONG_MIN) < 0 || t.compareTo(LONG_MAX) > 0 ? Long.MIN_VALUE : t.longValueExact();
        }
        if (ms < 0) {
            reply.error(Errors.TIMEOUT_NEGATIVE);
            return INVALID;
        }
        if (ms == 0) {
            return 0;
        }
        long deadline = now + ms;
        return deadline < 0 ? Long.MAX_VALUE : deadline;
    }
}
