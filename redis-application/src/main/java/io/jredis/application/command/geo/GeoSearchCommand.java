package io.jredis.application.command.geo;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.KeyReference;
import io.jredis.application.command.zset.ZSets;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.geo.GeoHash;
import io.jredis.domain.geo.GeoSearch;
import io.jredis.domain.geo.GeoShape;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.SortedSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The radius and box searches, one use case as in Redis (georadiusGeneric): GEOSEARCH,
 * GEOSEARCHSTORE, and the older GEORADIUS and GEORADIUSBYMEMBER (with STORE/STOREDIST) and
 * their read-only _RO forms. Options are read in Redis's order, so the first error wins as there.
 */
public final class GeoSearchCommand implements Command {

    private enum Kind { RADIUS, RADIUS_BY_MEMBER, SEARCH, SEARCH_STORE }

    private static final String RADIUS_COMPLEXITY = "O(N+log(M)) where N is the number of elements inside the"
            + " bounding box of the circular area delimited by center and radius and M is the number of items"
            + " inside the index.";
    private static final String SEARCH_COMPLEXITY = "O(N+log(M)) where N is the number of elements in the grid-aligned"
            + " bounding box area around the shape provided as the filter and M is the number of items inside the shape";

    private final CommandSpec spec;
    private final Kind kind;
    private final boolean noStore;

    private GeoSearchCommand(CommandSpec spec, Kind kind, boolean noStore) {
        this.spec = spec;
        this.kind = kind;
        this.noStore = noStore;
    }

    public static GeoSearchCommand georadius() {
        return new GeoSearchCommand(storing(CommandSpec.command("georadius", -6), 6)
                .since("3.2.0")
                .summary("Query a sorted set representing a geospatial index to fetch members matching a given"
                        + " maximum distance from a point")
                .complexity(RADIUS_COMPLEXITY).build(), Kind.RADIUS, false);
    }

    public static GeoSearchCommand georadiusRo() {
        return new GeoSearchCommand(readOnly(CommandSpec.command("georadius_ro", -6))
                .since("3.2.10")
                .summary("A read-only variant for GEORADIUS")
                .complexity(RADIUS_COMPLEXITY).build(), Kind.RADIUS, true);
    }

    public static GeoSearchCommand georadiusByMember() {
        return new GeoSearchCommand(storing(CommandSpec.command("georadiusbymember", -5), 5)
                .since("3.2.0")
                .summary("Query a sorted set representing a geospatial index to fetch members matching a given"
                        + " maximum distance from a member")
                .complexity("O(N+log(M)) where N is the number of elements inside the bounding box of the circular"
                        + " area delimited by center and radius and M is the number of items inside the index.")
                .build(), Kind.RADIUS_BY_MEMBER, false);
    }

    public static GeoSearchCommand georadiusByMemberRo() {
        return new GeoSearchCommand(readOnly(CommandSpec.command("georadiusbymember_ro", -5))
                .since("3.2.10")
                .summary("A read-only variant for GEORADIUSBYMEMBER")
                .complexity("O(N+log(M)) where N is the number of elements inside the bounding box of the circular"
                        + " area delimited by center and radius and M is the number of items inside the index.")
                .build(), Kind.RADIUS_BY_MEMBER, true);
    }

    public static GeoSearchCommand geosearch() {
        return new GeoSearchCommand(readOnly(CommandSpec.command("geosearch", -7))
                .since("6.2.0")
                .summary("Query a sorted set representing a geospatial index to fetch members inside an area of a"
                        + " box or a circle.")
                .complexity(SEARCH_COMPLEXITY).build(), Kind.SEARCH, true);
    }

    public static GeoSearchCommand geosearchstore() {
        return new GeoSearchCommand(CommandSpec.command("geosearchstore", -8)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 2, 1)
                .acl("write", "geo", "slow").group("geo")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RO", "access")
                .since("6.2.0")
                .summary("Query a sorted set representing a geospatial index to fetch members inside an area of a"
                        + " box or a circle, and store the result in another key.")
                .complexity(SEARCH_COMPLEXITY).build(), Kind.SEARCH_STORE, false);
    }

    private static CommandSpec.Builder readOnly(CommandSpec.Builder b) {
        return b.flags(CommandFlag.READONLY).keys(1, 1, 1).acl("read", "geo", "slow").group("geo")
                .keyFlags("RO", "access");
    }

    /** GEORADIUS and GEORADIUSBYMEMBER: a write command because of STORE, keys found by keyword. */
    private static CommandSpec.Builder storing(CommandSpec.Builder b, int startFrom) {
        return b.flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.MOVABLEKEYS).keys(1, 1, 1)
                .acl("write", "geo", "slow").group("geo")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO", "access")
                .keySpec(CommandSpec.keyword("STORE", startFrom), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.keyword("STOREDIST", startFrom), CommandSpec.range(0, 1, 0), "OW", "update");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /**
     * GEORADIUS's keys as its key specs find them: the source, then the key after the first
     * STORE and the one after the first STOREDIST at or after the options' start.
     */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        if (kind != Kind.RADIUS && kind != Kind.RADIUS_BY_MEMBER || noStore) {
            return null;
        }
        int startFrom = kind == Kind.RADIUS ? 6 : 5;
        List<KeyReference> keys = new ArrayList<>(3);
        keys.add(new KeyReference(1, KeyReference.RO_ACCESS));
        int argc = args.count() - base;
        for (String word : new String[] {"store", "storedist"}) {
            for (int i = startFrom; i < argc - 1; i++) {
                if (args.is(base + i, word)) {
                    keys.add(new KeyReference(i + 1, KeyReference.OW_UPDATE));
                    break;
                }
            }
        }
        return keys;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int srcArg = kind == Kind.SEARCH_STORE ? 2 : 1;
        SortedSet z = ZSets.read(ctx, srcArg);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        int storeArg = -1;
        boolean storeDist = false;
        double[] xy = new double[2];
        double[] dims = new double[3]; // radius or width, height, conversion
        boolean box = false;
        int baseArgs;
        if (kind == Kind.RADIUS) {
            baseArgs = 6;
            if (!Geo.lonLat(ctx, 2, xy) || !radius(ctx, 4, dims)) {
                return;
            }
        } else if (kind == Kind.RADIUS_BY_MEMBER) {
            baseArgs = 5;
            // without the source key Redis still reads the options, to pick the reply
            if (z != null) {
                if (!memberPosition(ctx, z, 2, xy) || !radius(ctx, 3, dims)) {
                    return;
                }
            }
        } else {
            baseArgs = kind == Kind.SEARCH_STORE ? 3 : 2;
            if (kind == Kind.SEARCH_STORE) {
                storeArg = 1;
            }
        }
        boolean search = kind == Kind.SEARCH || kind == Kind.SEARCH_STORE;
        boolean withDist = false;
        boolean withHash = false;
        boolean withCoord = false;
        boolean fromMember = false;
        boolean fromLonLat = false;
        boolean byRadius = false;
        boolean byBox = false;
        int sort = 0; // 0 none, 1 ascending, -1 descending
        boolean any = false;
        long count = 0;
        int remaining = args.count() - baseArgs;
        for (int i = 0; i < remaining; i++) {
            int a = baseArgs + i;
            if (args.is(a, "withdist")) {
                withDist = true;
            } else if (args.is(a, "withhash")) {
                withHash = true;
            } else if (args.is(a, "withcoord")) {
                withCoord = true;
            } else if (args.is(a, "any")) {
                any = true;
            } else if (args.is(a, "asc")) {
                sort = 1;
            } else if (args.is(a, "desc")) {
                sort = -1;
            } else if (args.is(a, "count") && i + 1 < remaining) {
                if (!args.isLong(a + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                count = args.longValue(a + 1);
                if (count <= 0) {
                    ctx.reply().error(Errors.GEO_COUNT_NOT_POSITIVE);
                    return;
                }
                i++;
            } else if ((args.is(a, "store") || args.is(a, "storedist")) && i + 1 < remaining
                    && !noStore && !search) {
                storeArg = a + 1;
                storeDist = args.is(a, "storedist");
                i++;
            } else if (args.is(a, "storedist") && kind == Kind.SEARCH_STORE) {
                storeDist = true;
            } else if (args.is(a, "frommember") && i + 1 < remaining && search && !fromLonLat) {
                if (z != null && !memberPosition(ctx, z, a + 1, xy)) {
                    return;
                }
                fromMember = true;
                i++;
            } else if (args.is(a, "fromlonlat") && i + 2 < remaining && search && !fromMember) {
                if (!Geo.lonLat(ctx, a + 1, xy)) {
                    return;
                }
                fromLonLat = true;
                i += 2;
            } else if (args.is(a, "byradius") && i + 2 < remaining && search && !byBox) {
                if (!radius(ctx, a + 1, dims)) {
                    return;
                }
                box = false;
                byRadius = true;
                i += 2;
            } else if (args.is(a, "bybox") && i + 3 < remaining && search && !byRadius) {
                if (!box(ctx, a + 1, dims)) {
                    return;
                }
                box = true;
                byBox = true;
                i += 3;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (storeArg > 0 && (withDist || withHash || withCoord)) {
            ctx.reply().error(String.format(Errors.GEO_STORE_WITH_OPTIONS,
                    kind == Kind.SEARCH_STORE ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS"));
            return;
        }
        if (search && !(fromMember || fromLonLat)) {
            ctx.reply().error(String.format(Errors.GEO_FROM_EXACTLY_ONE, args.text(0)));
            return;
        }
        if (search && !(byRadius || byBox)) {
            ctx.reply().error(String.format(Errors.GEO_BY_EXACTLY_ONE, args.text(0)));
            return;
        }
        if (any && count == 0) {
            ctx.reply().error(Errors.GEO_ANY_WITHOUT_COUNT);
            return;
        }
        if (z == null) {
            if (storeArg > 0) {
                if (ctx.db().remove(args.array(), args.offset(storeArg), args.length(storeArg), ctx.now()) != null) {
                    ctx.keyModified(args, storeArg);
                    ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, storeArg);
                }
                ctx.reply().integer(0);
            } else {
                ctx.reply().array(0);
            }
            return;
        }
        // COUNT returns the nearest ones unless ANY says any will do
        if (count != 0 && sort == 0 && !any) {
            sort = 1;
        }
        GeoShape shape = box ? GeoShape.box(xy[0], xy[1], dims[0], dims[1], dims[2])
                : GeoShape.radius(xy[0], xy[1], dims[0], dims[2]);
        List<GeoSearch.Point> found = GeoSearch.search(z, shape, any ? count : 0);
        if (found.isEmpty() && storeArg < 0) {
            ctx.reply().array(0);
            return;
        }
        int returned = count == 0 || found.size() < count ? found.size() : (int) count;
        if (sort != 0) {
            GeoSearch.sort(found, sort > 0, returned);
        }
        double conversion = shape.conversion();
        if (storeArg < 0) {
            int options = (withDist ? 1 : 0) + (withCoord ? 1 : 0) + (withHash ? 1 : 0);
            ctx.reply().array(returned);
            for (int i = 0; i < returned; i++) {
                GeoSearch.Point p = found.get(i);
                if (options > 0) {
                    ctx.reply().array(options + 1);
                }
                ctx.reply().bulk(p.member);
                if (withDist) {
                    Geo.replyDistance(ctx, p.distance / conversion);
                }
                if (withHash) {
                    ctx.reply().integer((long) p.score);
                }
                if (withCoord) {
                    Geo.replyPosition(ctx, new double[] {p.longitude, p.latitude});
                }
            }
            return;
        }
        Database db = ctx.db();
        if (returned > 0) {
            SortedSet dst = new SortedSet();
            for (int i = 0; i < returned; i++) {
                GeoSearch.Point p = found.get(i);
                dst.put(p.member, storeDist ? p.distance / conversion : p.score);
            }
            db.put(args.array(), args.offset(storeArg), args.length(storeArg), dst, Database.NO_EXPIRY, ctx.now());
            ctx.keyModified(args, storeArg);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, search ? "geosearchstore" : "georadiusstore", args, storeArg);
            ctx.dirty(returned - 1); // Redis counts every stored element
        } else if (db.remove(args.array(), args.offset(storeArg), args.length(storeArg), ctx.now()) != null) {
            ctx.keyModified(args, storeArg);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, storeArg);
        }
        ctx.reply().integer(returned);
    }

    /** The position of the member at argument i; false after replying it cannot be decoded. */
    private static boolean memberPosition(CommandContext ctx, SortedSet z, int i, double[] xy) {
        Arguments args = ctx.args();
        double score = z.score(args.array(), args.offset(i), args.length(i));
        if (Double.isNaN(score)) {
            ctx.reply().error(Errors.GEO_MEMBER_NOT_DECODED);
            return false;
        }
        double[] p = GeoHash.decodeScore(score);
        xy[0] = p[0];
        xy[1] = p[1];
        return true;
    }

    /** "radius unit" at argument i into dims[0] and dims[2]; false after replying the error. */
    private static boolean radius(CommandContext ctx, int i, double[] dims) {
        double r = Geo.parseDouble(ctx.args(), i);
        if (Double.isNaN(r)) {
            ctx.reply().error(Errors.GEO_NEED_RADIUS);
            return false;
        }
        if (r < 0) {
            ctx.reply().error(Errors.GEO_RADIUS_NEGATIVE);
            return false;
        }
        double unit = Geo.unit(ctx, i + 1);
        if (unit < 0) {
            return false;
        }
        dims[0] = r;
        dims[2] = unit;
        return true;
    }

    /** "width height unit" at argument i into dims; false after replying the error. */
    private static boolean box(CommandContext ctx, int i, double[] dims) {
        Arguments args = ctx.args();
        double w = Geo.parseDouble(args, i);
        if (Double.isNaN(w)) {
            ctx.reply().error(Errors.GEO_NEED_WIDTH);
            return false;
        }
        double h = Geo.parseDouble(args, i + 1);
        if (Double.isNaN(h)) {
            ctx.reply().error(Errors.GEO_NEED_HEIGHT);
            return false;
        }
        if (h < 0 || w < 0) {
            ctx.reply().error(Errors.GEO_BOX_NEGATIVE);
            return false;
        }
        double unit = Geo.unit(ctx, i + 2);
        if (unit < 0) {
            return false;
        }
        dims[0] = w;
        dims[1] = h;
        dims[2] = unit;
        return true;
    }
}
