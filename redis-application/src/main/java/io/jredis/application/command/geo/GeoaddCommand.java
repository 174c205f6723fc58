package io.jredis.application.command.geo;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.zset.ZSets;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.geo.GeoHash;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.SortedSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GEOADD key [NX|XX] [CH] longitude latitude member [...]: Redis turns it into a ZADD of the
 * members' 52-bit geohash scores, runs that, and propagates the ZADD.
 */
public final class GeoaddCommand implements Command {

    private static final byte[] ZADD = "zadd".getBytes(StandardCharsets.US_ASCII);

    private final CommandSpec spec = CommandSpec.command("geoadd", -5)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("write", "geo", "slow")
            .group("geo").since("3.2.0")
            .summary("Add one or more geospatial items in the geospatial index represented using a sorted set")
            .complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
            .keyFlags("RW", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean nx = false;
        boolean xx = false;
        boolean ch = false;
        int lonIdx = 2;
        for (; lonIdx < args.count(); lonIdx++) {
            if (args.is(lonIdx, "NX")) {
                nx = true;
            } else if (args.is(lonIdx, "XX")) {
                xx = true;
            } else if (args.is(lonIdx, "CH")) {
                ch = true;
            } else {
                break;
            }
        }
        int rest = args.count() - lonIdx;
        // no element at all is ZADD's syntax error
        if (rest % 3 != 0 || rest == 0 || (xx && nx)) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        int elements = rest / 3;
        long[] scores = new long[elements];
        double[] xy = new double[2];
        for (int j = 0; j < elements; j++) {
            if (!Geo.lonLat(ctx, lonIdx + 3 * j, xy)) {
                return;
            }
            scores[j] = GeoHash.score(xy[0], xy[1]);
        }
        SortedSet z = ZSets.write(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        int added = 0;
        int updated = 0;
        if (z != null || !xx) {
            if (z == null) {
                z = new SortedSet();
                ctx.db().put(args.array(), args.offset(1), args.length(1), z, Database.NO_EXPIRY, ctx.now());
            }
            for (int j = 0; j < elements; j++) {
                int m = lonIdx + 3 * j + 2;
                double score = scores[j];
                double current = z.score(args.array(), args.offset(m), args.length(m));
                if (!Double.isNaN(current)) {
                    if (nx) {
                        continue;
                    }
                    if (score != current) {
                        z.put(args.bytes(m), score);
                        updated++;
                    }
                } else if (!xx) {
                    z.put(args.bytes(m), score);
                    added++;
                }
            }
            if (added + updated > 0) {
                ctx.keyModified(args, 1);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, "zadd", args, 1); // Redis runs it as a ZADD
                ctx.dirty(added + updated - 1); // Redis counts every added or updated element
                ctx.propagateAs(asZadd(args, lonIdx, scores));
            }
        }
        ctx.reply().integer(ch ? added + updated : added);
    }

    /** The ZADD Redis rewrites the command into: same options, scores in place of the coordinates. */
    private static List<byte[]> asZadd(Arguments args, int lonIdx, long[] scores) {
        List<byte[]> argv = new ArrayList<>(lonIdx + scores.length * 2);
        argv.add(ZADD);
        for (int i = 1; i < lonIdx; i++) {
            argv.add(args.bytes(i));
        }
        for (int j = 0; j < scores.length; j++) {
            argv.add(Long.toString(scores[j]).getBytes(StandardCharsets.US_ASCII));
            argv.add(args.bytes(lonIdx + 3 * j + 2));
        }
        return argv;
    }
}
