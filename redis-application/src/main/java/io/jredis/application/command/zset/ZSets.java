package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.ZRange;

import java.util.Arrays;

/** What the sorted-set (and geo) commands share: key look-ups, range parsing, element replies. */
public final class ZSets {

    /** Returned by the look-ups for a key of another type, after replying WRONGTYPE. */
    public static final SortedSet WRONG_TYPE = new SortedSet();

    private ZSets() {
    }

    /** A read look-up (counts a keyspace hit or miss, as Redis's lookupKeyRead); null when missing. */
    public static SortedSet read(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        Object v = ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now());
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            return null;
        }
        ctx.server().stats().keyspaceHits++;
        return checked(ctx, v);
    }

    /** A write look-up (no hit or miss counted); null when missing. */
    public static SortedSet write(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        return checked(ctx, ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now()));
    }

    /**
     * An input of ZUNION, ZINTER, ZDIFF and their kin: a sorted set, or a plain set read as one
     * whose every member scores 1, as Redis allows; null when missing.
     */
    static SortedSet readSetOperand(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        Object v = ctx.db().get(args.array(), args.offset(i), args.length(i), ctx.now());
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            return null;
        }
        ctx.server().stats().keyspaceHits++;
        if (v instanceof io.jredis.domain.value.SetValue set) {
            SortedSet z = new SortedSet();
            set.forEach((buf, off, len) -> z.put(java.util.Arrays.copyOfRange(buf, off, off + len), 1.0));
            return z;
        }
        return checked(ctx, v);
    }

    private static SortedSet checked(CommandContext ctx, Object v) {
        if (v == null || v instanceof SortedSet) {
            return (SortedSet) v;
        }
        ctx.reply().error(Errors.WRONG_TYPE);
        return WRONG_TYPE;
    }

    /** A set emptied by a write goes away with its key, as in Redis. */
    static void deleteIfEmpty(CommandContext ctx, SortedSet z, int keyArg) {
        if (z.size() == 0) {
            Arguments args = ctx.args();
            ctx.db().remove(args.array(), args.offset(keyArg), args.length(keyArg), ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, keyArg);
        }
    }

    /** Score bounds "min max" with '(' for exclusive; null after replying the error. */
    static ZRange.Scores scoreRange(CommandContext ctx, int minArg, int maxArg) {
        Arguments args = ctx.args();
        byte[] b = args.array();
        int minOff = args.offset(minArg);
        int minLen = args.length(minArg);
        int maxOff = args.offset(maxArg);
        int maxLen = args.length(maxArg);
        boolean minEx = minLen > 0 && b[minOff] == '(';
        boolean maxEx = maxLen > 0 && b[maxOff] == '(';
        double min = minEx ? Strtod.rangeBound(b, minOff + 1, minLen - 1) : Strtod.rangeBound(b, minOff, minLen);
        double max = maxEx ? Strtod.rangeBound(b, maxOff + 1, maxLen - 1) : Strtod.rangeBound(b, maxOff, maxLen);
        if (Double.isNaN(min) || Double.isNaN(max)) {
            ctx.reply().error(Errors.ZSET_MIN_MAX_NOT_FLOAT);
            return null;
        }
        return new ZRange.Scores(min, minEx, max, maxEx);
    }

    /** Member bounds "[a", "(a", "-" or "+"; null after replying the error. */
    static ZRange.Members lexRange(CommandContext ctx, int minArg, int maxArg) {
        Arguments args = ctx.args();
        byte[] min = lexBound(args, minArg);
        byte[] max = lexBound(args, maxArg);
        if (min == null || max == null) {
            ctx.reply().error(Errors.ZSET_LEX_RANGE_ITEM);
            return null;
        }
        return new ZRange.Members(min, exclusive(args, minArg), max, exclusive(args, maxArg));
    }

    private static boolean exclusive(Arguments args, int i) {
        byte c = args.array()[args.offset(i)];
        return c != '['; // '(' and the infinite ends are exclusive, as Redis marks them
    }

    private static byte[] lexBound(Arguments args, int i) {
        byte[] b = args.array();
        int off = args.offset(i);
        int len = args.length(i);
        if (len == 0) {
            return null;
        }
        // C sees "+" and "-" only when nothing (or a NUL) follows
        boolean alone = len == 1 || b[off + 1] == 0;
        return switch (b[off]) {
            case '+' -> alone ? ZRange.Members.MAX : null;
            case '-' -> alone ? ZRange.Members.MIN : null;
            case '(', '[' -> Arrays.copyOfRange(b, off + 1, off + len);
            default -> null;
        };
    }

    /**
     * Elements collected for a reply: members with their scores. RESP3 gets WITHSCORES as
     * [member, score] pairs, RESP2 a flat array, as Redis 7.0 replies.
     */
    static final class Elements implements SortedSet.Visitor {
        byte[][] members = new byte[8][];
        double[] scores = new double[8];
        int size;

        @Override
        public boolean visit(byte[] member, double score) {
            add(member, score);
            return true;
        }

        void add(byte[] member, double score) {
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            members[size] = member;
            scores[size++] = score;
        }

        void reply(CommandContext ctx, boolean withScores) {
            ReplySink r = ctx.reply();
            if (!withScores) {
                r.array(size);
                for (int i = 0; i < size; i++) {
                    r.bulk(members[i]);
                }
                return;
            }
            boolean resp3 = ctx.session().protocol() == 3;
            r.array(resp3 ? size : size * 2);
            for (int i = 0; i < size; i++) {
                if (resp3) {
                    r.array(2);
                }
                r.bulk(members[i]);
                r.doubleValue(scores[i]);
            }
        }
    }
}
