package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Glob;
import io.jredis.domain.value.ValueType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. */
public final class ScanCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("scan", -2)
            .flags(CommandFlag.READONLY, CommandFlag.TOUCHES_ARBITRARY_KEYS).keys(0, 0, 0)
            .acl("keyspace", "read", "slow")
            .group("generic").since("2.8.0").summary("Incrementally iterate the keys space")
            .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for"
                    + " the cursor to return back to 0. N is the number of elements inside the collection.")
            .tips("nondeterministic_output", "request_policy:special")
            .build();

    /** Returned by {@link #parseCursor} for a cursor Redis rejects. */
    public static final long BAD = -1L;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long cursor = parseCursor(args, 1);
        if (cursor == BAD) {
            ctx.reply().error(Errors.INVALID_CURSOR);
            return;
        }
        long count = 10;
        int matchArg = -1;
        int typeArg = -1;
        for (int i = 2; i < args.count(); i += 2) {
            boolean hasValue = i + 1 < args.count();
            if (args.is(i, "COUNT") && hasValue) {
                if (!args.isLong(i + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                count = args.longValue(i + 1);
                if (count < 1) {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
            } else if (args.is(i, "MATCH") && hasValue) {
                matchArg = i + 1;
            } else if (args.is(i, "TYPE") && hasValue) {
                typeArg = i + 1;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Database db = ctx.db();
        List<byte[]> keys = new ArrayList<>();
        long next = db.scan(cursor, (int) Math.min(count, Integer.MAX_VALUE / 10), ctx.now(), keys::add);
        boolean usePattern = matchArg > 0 && !Glob.isMatchAll(args.array(), args.offset(matchArg), args.length(matchArg));
        String type = typeArg > 0 ? args.string(typeArg) : null;
        int kept = 0;
        for (int k = 0; k < keys.size(); k++) {
            byte[] key = keys.get(k);
            boolean keep = !usePattern || Glob.matches(args.array(), args.offset(matchArg), args.length(matchArg),
                    key, 0, key.length, false);
            if (keep && type != null) {
                Object value = db.peek(key, ctx.now());
                // A read look-up in Redis, so it counts as a keyspace hit or miss.
                if (value == null) {
                    ctx.server().stats().keyspaceMisses++;
                } else {
                    ctx.server().stats().keyspaceHits++;
                }
                // Redis 7.0 compares type names without case; an unknown name matches nothing.
                keep = value != null && ValueType.of(value).redisName().equalsIgnoreCase(type);
            }
            if (keep) {
                keys.set(kept++, key);
            }
        }
        ctx.reply().array(2);
        ctx.reply().bulk(Long.toUnsignedString(next).getBytes(StandardCharsets.US_ASCII));
        ctx.reply().array(kept);
        for (int k = 0; k < kept; k++) {
            ctx.reply().bulk(keys.get(k));
        }
    }

    /**
     * The cursor as Redis's strtoull reads it: optional sign, decimal digits, wrapping negatives
     * modulo 2^64; empty means 0; leading spaces, trailing garbage and overflow are rejected.
     * Returns {@link #BAD} on rejection.
     */
    public static long parseCursor(Arguments args, int i) {
        byte[] b = args.array();
        int start = args.offset(i);
        int end = start + args.length(i);
        // C reads up to the first NUL: what follows it is invisible to strtoull and to Redis's check.
        for (int k = start; k < end; k++) {
            if (b[k] == 0) {
                end = k;
                break;
            }
        }
        int p = start;
        if (p < end && isSpace(b[p])) {
            return BAD;
        }
        boolean negative = false;
        if (p < end && (b[p] == '+' || b[p] == '-')) {
            negative = b[p] == '-';
            p++;
        }
        if (p == end) {
            // No digits: strtoull gives 0 with its end at the start, accepted only for an empty string.
            return start == end ? 0 : BAD;
        }
        long v = 0;
        for (; p < end; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return BAD;
            }
            if (Math.unsignedMultiplyHigh(v, 10) != 0) {
                return BAD;
            }
            long sum = v * 10 + d;
            if (Long.compareUnsigned(sum, v * 10) < 0) {
                return BAD;
            }
            v = sum;
        }
        if (negative) {
            v = -v;
        }
        // Only a table index's low bits matter to the scan; clearing the top bit keeps BAD distinct.
        return v & 0x7FFF_FFFF_FFFF_FFFFL;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
