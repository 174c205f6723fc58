package io.jredis.application.command.geo;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.zset.ZSets;
import io.jredis.domain.geo.GeoHash;
import io.jredis.domain.geo.GeoShape;
import io.jredis.domain.value.SortedSet;

/** GEODIST key member1 member2 [M|KM|FT|MI]: the distance with 4 decimals, null if a member is absent. */
public final class GeodistCommand implements Command {

    private final CommandSpec spec = CommandSpec.command("geodist", -4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "geo", "slow")
            .group("geo").since("3.2.0")
            .summary("Returns the distance between two members of a geospatial index")
            .complexity("O(log(N))")
            .keyFlags("RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        double toMeters = 1;
        if (args.count() == 5) {
            toMeters = Geo.unit(ctx, 4);
            if (toMeters < 0) {
                return;
            }
        } else if (args.count() > 5) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        SortedSet z = ZSets.read(ctx, 1);
        if (z == null) {
            ctx.reply().nullBulk();
            return;
        }
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        double s1 = z.score(args.array(), args.offset(2), args.length(2));
        double s2 = Double.isNaN(s1) ? Double.NaN : z.score(args.array(), args.offset(3), args.length(3));
        if (Double.isNaN(s2)) {
            ctx.reply().nullBulk();
            return;
        }
        double[] a = GeoHash.decodeScore(s1);
        double[] b = GeoHash.decodeScore(s2);
        Geo.replyDistance(ctx, GeoShape.distance(a[0], a[1], b[0], b[1]) / toMeters);
    }
}
