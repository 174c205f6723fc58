package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Strings;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]: the longest common subsequence by
 * the classic dynamic-programming table, walked back from the end as Redis does, so the matches
 * come out in Redis's order (last first) and the chosen subsequence is the same.
 */
public final class LcsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lcs", -3)
            .flags(CommandFlag.READONLY).keys(1, 2, 1)
            .acl("read", "string", "slow")
            .group("string").since("7.0.0")
            .summary("Find longest common substring")
            .complexity("O(N*M) where N and M are the lengths of s1 and s2, respectively")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        Object va = lookup(ctx, db, args, 1);
        Object vb = lookup(ctx, db, args, 2);
        if ((va != null && !Strings.isString(va)) || (vb != null && !Strings.isString(vb))) {
            ctx.reply().error(Errors.LCS_NOT_STRINGS);
            return;
        }
        boolean getLen = false;
        boolean getIdx = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        for (int j = 3; j < args.count(); j++) {
            boolean more = j + 1 < args.count();
            if (StringValues.isOption(args, j, "IDX")) {
                getIdx = true;
            } else if (StringValues.isOption(args, j, "LEN")) {
                getLen = true;
            } else if (StringValues.isOption(args, j, "WITHMATCHLEN")) {
                withMatchLen = true;
            } else if (StringValues.isOption(args, j, "MINMATCHLEN") && more) {
                if (!args.isLong(j + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                minMatchLen = Math.max(0, args.longValue(j + 1));
                j++;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (getIdx && getLen) {
            ctx.reply().error(Errors.LCS_LEN_AND_IDX);
            return;
        }
        byte[] a = va == null ? StringValues.EMPTY : StringValues.array(va);
        byte[] b = vb == null ? StringValues.EMPTY : StringValues.array(vb);
        int alen = va == null ? 0 : Strings.length(va);
        int blen = vb == null ? 0 : Strings.length(vb);

        long cells = (long) (alen + 1) * (blen + 1);
        if (cells * Integer.BYTES > ctx.server().config().protoMaxBulkLen) {
            ctx.reply().error(Errors.LCS_TOO_MUCH_MEMORY);
            return;
        }
        int[] lcs;
        try {
            lcs = cells > Integer.MAX_VALUE - 8 ? null : new int[(int) cells];
        } catch (OutOfMemoryError e) {
            lcs = null;
        }
        if (lcs == null) {
            ctx.reply().error(Errors.LCS_ALLOCATION_FAILED);
            return;
        }
        int w = blen + 1;
        for (int i = 1; i <= alen; i++) {
            for (int j = 1; j <= blen; j++) {
                if (a[i - 1] == b[j - 1]) {
                    lcs[i * w + j] = lcs[(i - 1) * w + j - 1] + 1;
                } else {
                    lcs[i * w + j] = Math.max(lcs[(i - 1) * w + j], lcs[i * w + j - 1]);
                }
            }
        }
        int total = lcs[alen * w + blen];
        ReplySink reply = ctx.reply();
        if (getLen) {
            reply.integer(total);
            return;
        }
        byte[] result = new byte[total];
        // Matched ranges, four ints each (a start, a end, b start, b end), in the order found.
        int[] ranges = getIdx ? new int[16] : null;
        int rangeCount = 0;
        int idx = total;
        int aStart = alen; // alen: no range open
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        int i = alen;
        int j = blen;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                result[idx - 1] = a[i - 1];
                if (aStart == alen) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) {
                    emit = true;
                }
                idx--;
                i--;
                j--;
            } else {
                if (lcs[(i - 1) * w + j] > lcs[i * w + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                if (aStart != alen) {
                    emit = true;
                }
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (ranges != null && (minMatchLen == 0 || matchLen >= minMatchLen)) {
                    if (rangeCount * 4 == ranges.length) {
                        ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                    }
                    ranges[rangeCount * 4] = aStart;
                    ranges[rangeCount * 4 + 1] = aEnd;
                    ranges[rangeCount * 4 + 2] = bStart;
                    ranges[rangeCount * 4 + 3] = bEnd;
                    rangeCount++;
                }
                aStart = alen;
            }
        }
        if (!getIdx) {
            reply.bulk(result);
            return;
        }
        reply.map(2);
        reply.bulk("matches");
        reply.array(rangeCount);
        for (int r = 0; r < rangeCount; r++) {
            int as = ranges[r * 4];
            int ae = ranges[r * 4 + 1];
            reply.array(withMatchLen ? 3 : 2);
            reply.array(2);
            reply.integer(as);
            reply.integer(ae);
            reply.array(2);
            reply.integer(ranges[r * 4 + 2]);
            reply.integer(ranges[r * 4 + 3]);
            if (withMatchLen) {
                reply.integer(ae - as + 1);
            }
        }
        reply.bulk("len");
        reply.integer(total);
    }

    private static Object lookup(CommandContext ctx, Database db, Arguments args, int i) {
        Object v = db.get(args.array(), args.offset(i), args.length(i), ctx.now());
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
        } else {
            ctx.server().stats().keyspaceHits++;
        }
        return v;
    }
}
