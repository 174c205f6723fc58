package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.SortedSet;

/**
 * ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...], and ZINCRBY key
 * increment member, which Redis runs as ZADD with INCR (so it reads the same options).
 */
public final class ZaddCommand implements Command {

    private final CommandSpec spec;
    private final boolean zincrby;

    private ZaddCommand(CommandSpec spec, boolean zincrby) {
        this.spec = spec;
        this.zincrby = zincrby;
    }

    public static ZaddCommand zadd() {
        return new ZaddCommand(CommandSpec.command("zadd", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "sortedset", "fast")
            .group("sorted-set").since("1.2.0")
            .summary("Add one or more members to a sorted set, or update its score if it already exists")
            .complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
            .keyFlags("RW", "update")
            .build(), false);
    }

    public static ZaddCommand zincrby() {
        return new ZaddCommand(CommandSpec.command("zincrby", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "sortedset", "fast")
            .group("sorted-set").since("1.2.0")
            .summary("Increment the score of a member in a sorted set")
            .complexity("O(log(N)) where N is the number of elements in the sorted set.")
            .keyFlags("RW", "access", "update")
            .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        boolean ch = false;
        boolean incr = zincrby;
        int scoreIdx = 2;
        for (; scoreIdx < args.count(); scoreIdx++) {
            if (args.is(scoreIdx, "NX")) {
                nx = true;
            } else if (args.is(scoreIdx, "XX")) {
                xx = true;
            } else if (args.is(scoreIdx, "CH")) {
                ch = true;
            } else if (args.is(scoreIdx, "INCR")) {
                incr = true;
            } else if (args.is(scoreIdx, "GT")) {
                gt = true;
            } else if (args.is(scoreIdx, "LT")) {
                lt = true;
            } else {
                break;
            }
        }
        int elements = args.count() - scoreIdx;
        if (elements % 2 != 0 || elements == 0) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        elements /= 2;
        if (nx && xx) {
            ctx.reply().error(Errors.ZADD_XX_AND_NX);
            return;
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            ctx.reply().error(Errors.ZADD_GT_LT_NX);
            return;
        }
        if (incr && elements > 1) {
            ctx.reply().error(Errors.ZADD_INCR_PAIRS);
            return;
        }
        // every score is checked before anything changes: the command runs fully or not at all
        byte[] buf = args.array();
        double[] scores = new double[elements];
        for (int j = 0; j < elements; j++) {
            int a = scoreIdx + 2 * j;
            scores[j] = Strtod.strict(buf, args.offset(a), args.length(a));
            if (Double.isNaN(scores[j])) {
                ctx.reply().error(Errors.NOT_FLOAT);
                return;
            }
        }
        SortedSet z = ZSets.write(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        int added = 0;
        int updated = 0;
        int processed = 0;
        double score = 0;
        if (z != null || !xx) {
            if (z == null) {
                z = new SortedSet();
                ctx.db().put(buf, args.offset(1), args.length(1), z, Database.NO_EXPIRY, ctx.now());
            }
            for (int j = 0; j < elements; j++) {
                int m = scoreIdx + 2 * j + 1;
                score = scores[j];
                double current = z.score(buf, args.offset(m), args.length(m));
                if (!Double.isNaN(current)) {
                    if (nx) {
                        continue;
                    }
                    if (incr) {
                        score += current;
                        if (Double.isNaN(score)) {
                            ctx.reply().error(Errors.ZSET_NAN_SCORE);
                            if (added + updated > 0) {
                                ctx.keyModified(args, 1);
                            }
                            return;
                        }
                    }
                    if ((lt && score >= current) || (gt && score <= current)) {
                        continue;
                    }
                    processed++;
                    if (score != current) {
                        z.put(args.bytes(m), score);
                        updated++;
                    }
                } else if (!xx) {
                    z.put(args.bytes(m), score);
                    added++;
                    processed++;
                }
            }
            if (added + updated > 0) {
                ctx.keyModified(args, 1);
                ctx.dirty(added + updated - 1); // Redis counts every added or updated element
                ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, incr ? "zincr" : "zadd", args, 1);
            }
        }
        if (incr) {
            if (processed > 0) {
                ctx.reply().doubleValue(score);
            } else {
                ctx.reply().nullBulk();
            }
        } else {
            ctx.reply().integer(ch ? added + updated : added);
        }
    }
}
