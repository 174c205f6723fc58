package io.jredis.application.command.geo;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.zset.ZSets;
import io.jredis.domain.geo.GeoHash;
import io.jredis.domain.value.SortedSet;

/** GEOPOS key [member ...]: each member's decoded position, or a null array when absent. */
public final class GeoposCommand implements Command {

    private final CommandSpec spec = CommandSpec.command("geopos", -2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "geo", "slow")
            .group("geo").since("3.2.0")
            .summary("Returns longitude and latitude of members of a geospatial index")
            .complexity("O(N) where N is the number of members requested.")
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
                ctx.reply().nullArray();
            } else {
                Geo.replyPosition(ctx, GeoHash.decodeScore(score));
            }
        }
    }
}
