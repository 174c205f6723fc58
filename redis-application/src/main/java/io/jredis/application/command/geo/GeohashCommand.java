package io.jredis.application.command.geo;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.zset.ZSets;
import io.jredis.domain.geo.GeoHash;
import io.jredis.domain.value.SortedSet;

/** GEOHASH key [member ...]: each member's standard 11-character geohash, or null when absent. */
public final class GeohashCommand implements Command {

    private final CommandSpec spec = CommandSpec.command("geohash", -2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "geo", "slow")
            .group("geo").since("3.2.0")
            .summary("Returns members of a geospatial index as standard geohash strings")
            .complexity("O(log(N)) for each member requested, where N is the number of elements in the sorted set.")
            .keyFlags("RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        ctx.reply().array(args.count() - 2);
        for (int j = 2; j < args.count(); j++) {
            double score = z == null ? Double.NaN : z.score(args.array(), args.offset(j), args.length(j));
            if (Double.isNaN(score)) {
                ctx.reply().nullBulk();
            } else {
                ctx.reply().bulk(GeoHash.text(score));
            }
        }
    }
}
