package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Glob;
import io.jredis.domain.value.SortedSet;

import java.nio.charset.StandardCharsets;

/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count]: members with their scores as text. A small set
 * comes whole with cursor 0, as Redis returns a listpack.
 */
public final class ZscanCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zscan", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("2.8.0")
            .summary("Incrementally iterate sorted sets elements and associated scores")
            .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
            .keyFlags("RO", "access")
            .tips("nondeterministic_output")
            .build();

    /** Returned by {@link #parseCursor} for a cursor Redis rejects. */
    private static final long BAD = -1L;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long cursor = parseCursor(args, 2);
        if (cursor == BAD) {
            ctx.reply().error(Errors.INVALID_CURSOR);
            return;
        }
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        if (z == null) {
            ctx.reply().array(2);
            ctx.reply().bulk("0");
            ctx.reply().array(0);
            return;
        }
        long count = 10;
        int matchArg = -1;
        for (int i = 3; i < args.count(); i += 2) {
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
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        boolean usePattern = matchArg > 0
                && !Glob.isMatchAll(args.array(), args.offset(matchArg), args.length(matchArg));
        ZSets.Elements found = new ZSets.Elements();
        int pattern = matchArg;
        long next = z.scan(cursor, (int) Math.min(count, Integer.MAX_VALUE), (m, s) -> {
            if (!usePattern || Glob.matches(args.array(), args.offset(pattern), args.length(pattern),
                    m, 0, m.length, false)) {
                found.add(m, s);
            }
            return true;
        });
        ctx.reply().array(2);
        ctx.reply().bulk(Long.toUnsignedString(next).getBytes(StandardCharsets.US_ASCII));
        ctx.reply().array(found.size * 2);
        for (int i = 0; i < found.size; i++) {
            ctx.reply().bulk(found.members[i]);
            ctx.reply().bulk(z.isListpack() ? ScoreText.listpackBytes(found.scores[i])
                    : ScoreText.bytes(found.scores[i]));
        }
    }

    /**
     * The cursor as Redis's strtoull reads it (the same rules as SCAN's): optional sign, decimal
     * digits, negatives wrapping modulo 2^64; empty means 0; leading spaces, trailing garbage and
     * overflow are rejected ({@link #BAD}). Cut at a NUL, as C sees the text.
     */
    static long parseCursor(Arguments args, int i) {
        byte[] b = args.array();
        int start = args.offset(i);
        int end = start + args.length(i);
        for (int k = start; k < end; k++) {
            if (b[k] == 0) {
                end = k;
                break;
            }
        }
        int p = start;
        if (p < end && Strtod.isSpace(b[p])) {
            return BAD;
        }
        boolean negative = false;
        if (p < end && (b[p] == '+' || b[p] == '-')) {
            negative = b[p] == '-';
            p++;
        }
        if (p == end) {
            return start == end ? 0 : BAD;
        }
        long v = 0;
        for (; p < end; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9 || Math.unsignedMultiplyHigh(v, 10) != 0) {
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
        return v & 0x7FFF_FFFF_FFFF_FFFFL;
    }
}
