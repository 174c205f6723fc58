package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

/**
 * The options XADD and XTRIM share (Redis's streamParseAddOrTrimArgsOrReply): MAXLEN or MINID
 * with = or ~, LIMIT, and for XADD NOMKSTREAM and the id.
 */
final class TrimArgs {

    static final int NONE = 0;
    static final int MAXLEN = 1;
    static final int MINID = 2;

    int strategy = NONE;
    /** Index of the MAXLEN/MINID value argument. */
    int strategyArg;
    boolean approx;
    long maxLen = -1;
    long minMs;
    long minSeq;
    long limit;
    boolean noMkStream;
    boolean idGiven;
    boolean seqGiven;
    long idMs;
    long idSeq;
    /** Index of the id argument (XADD) or of the end of the options. */
    int end;

    /** Parses from argument 2; false after replying an error. */
    boolean parse(CommandContext ctx, boolean xadd) {
        Arguments a = ctx.args();
        int n = a.count();
        boolean limitGiven = false;
        int i = 2;
        long[] id = new long[3];
        for (; i < n; i++) {
            int more = n - 1 - i;
            if (xadd && a.length(i) == 1 && a.array()[a.offset(i)] == '*') {
                break;
            } else if (a.is(i, "MAXLEN") && more > 0) {
                if (strategy != NONE) {
                    ctx.reply().error(Errors.MAXLEN_AND_MINID);
                    return false;
                }
                approx = false;
                i = skipOperator(a, i, more);
                Long v = Streams.longArg(ctx, i + 1);
                if (v == null) {
                    return false;
                }
                if (v < 0) {
                    ctx.reply().error(Errors.MAXLEN_NEGATIVE);
                    return false;
                }
                maxLen = v;
                i++;
                strategy = MAXLEN;
                strategyArg = i;
            } else if (a.is(i, "MINID") && more > 0) {
                if (strategy != NONE) {
                    ctx.reply().error(Errors.MAXLEN_AND_MINID);
                    return false;
                }
                approx = false;
                i = skipOperator(a, i, more);
                if (!Streams.parseId(ctx, i + 1, 0, true, false, id)) {
                    return false;
                }
                minMs = id[0];
                minSeq = id[1];
                i++;
                strategy = MINID;
                strategyArg = i;
            } else if (a.is(i, "LIMIT") && more > 0) {
                Long v = Streams.longArg(ctx, i + 1);
                if (v == null) {
                    return false;
                }
                if (v < 0) {
                    ctx.reply().error(Errors.STREAM_LIMIT_NEGATIVE);
                    return false;
                }
                limit = v;
                limitGiven = true;
                i++;
            } else if (xadd && a.is(i, "NOMKSTREAM")) {
                noMkStream = true;
            } else if (xadd) {
                if (!Streams.parseId(ctx, i, 0, true, true, id)) {
                    return false;
                }
                idGiven = true;
                seqGiven = id[2] == 1;
                idMs = id[0];
                idSeq = id[1];
                break;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return false;
            }
        }
        end = i;
        if (limit != 0 && strategy == NONE) {
            ctx.reply().error(Errors.LIMIT_WITHOUT_STRATEGY);
            return false;
        }
        if (!xadd && strategy == NONE) {
            ctx.reply().error(Errors.XTRIM_NEEDS_STRATEGY);
            return false;
        }
        if (ctx.session().mustObey()) {
            // From the master or the AOF: the trim was already rewritten to its exact effect
            // (Redis propagates "MAXLEN = n LIMIT x"), so no node limit applies, as in Redis.
            limit = 0;
        } else if (limitGiven) {
            if (!approx) {
                ctx.reply().error(Errors.LIMIT_WITHOUT_APPROX);
                return false;
            }
        } else if (approx) {
            long nodeEntries = ctx.server().config().streamNodeMaxEntries;
            limit = nodeEntries > Long.MAX_VALUE / 100 ? 0 : 100L * nodeEntries;
            if (limit <= 0 || limit > 10000) {
                limit = 10000;
            }
        } else {
            limit = 0;
        }
        return true;
    }

    /** Skips a "~" or "=" after MAXLEN/MINID when a value follows it. */
    private int skipOperator(Arguments a, int i, int more) {
        if (more >= 2 && a.length(i + 1) == 1) {
            byte op = a.array()[a.offset(i + 1)];
            if (op == '~') {
                approx = true;
                return i + 1;
            }
            if (op == '=') {
                return i + 1;
            }
        }
        return i;
    }

    long trim(StreamValue s) {
        return strategy == MAXLEN ? s.trimMaxLen(maxLen, approx, limit) : s.trimMinId(minMs, minSeq, approx, limit);
    }

    /**
     * The argument list with an approximate trim rewritten exact to what it did (Redis's
     * streamRewriteApproxSpecifier and streamRewriteTrimArgument), so a replica trims the same.
     */
    void rewriteApprox(byte[][] argv, StreamValue s) {
        argv[strategyArg - 1] = new byte[] {'='};
        if (strategy == MAXLEN) {
            argv[strategyArg] = Long.toString(s.length()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } else {
            StreamId first = s.firstEntryIncludingDeleted();
            argv[strategyArg] = Streams.idBytes(first == null ? StreamId.MAX : first);
        }
    }
}
