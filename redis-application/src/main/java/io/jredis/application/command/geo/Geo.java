package io.jredis.application.command.geo;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.application.command.zset.Strtod;
import io.jredis.domain.geo.GeoHash;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the GEO commands share: coordinate and unit parsing, number texts (key look-ups are ZSets'). */
final class Geo {

    private Geo() {
    }

    /** A double as Redis's getDoubleFromObject reads it; NaN when refused. */
    static double parseDouble(Arguments args, int i) {
        return Strtod.strict(args.array(), args.offset(i), args.length(i));
    }

    /**
     * Longitude and latitude at arguments i and i+1 into {@code xy}; false after replying the
     * error (not a float, or out of the storable ranges).
     */
    static boolean lonLat(CommandContext ctx, int i, double[] xy) {
        Arguments args = ctx.args();
        for (int k = 0; k < 2; k++) {
            xy[k] = parseDouble(args, i + k);
            if (Double.isNaN(xy[k])) {
                ctx.reply().error(Errors.NOT_FLOAT);
                return false;
            }
        }
        if (!GeoHash.valid(xy[0], xy[1])) {
            ctx.reply().error(String.format(Errors.GEO_INVALID_PAIR, cFixed(xy[0], 6), cFixed(xy[1], 6)));
            return false;
        }
        return true;
    }

    /** Metres per unit of M, KM, FT or MI at argument i; -1 after replying the error. */
    static double unit(CommandContext ctx, int i) {
        Arguments args = ctx.args();
        if (args.is(i, "m")) {
            return 1;
        } else if (args.is(i, "km")) {
            return 1000;
        } else if (args.is(i, "ft")) {
            return 0.3048;
        } else if (args.is(i, "mi")) {
            return 1609.34;
        }
        ctx.reply().error(Errors.GEO_UNSUPPORTED_UNIT);
        return -1;
    }

    /** C's {@code %.Nf}: the exact binary value rounded to N decimals, "-" kept on negative zero. */
    static String cFixed(double d, int decimals) {
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(Math.abs(d)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return negative ? "-" + text : text;
    }

    /**
     * Redis's "human" long double text (GEOPOS, WITHCOORD): %.17Lf of the value, trailing
     * zeros and a bare point removed, and "-0" written "0".
     */
    static String human(double d) {
        String s = cFixed(d, 17);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.equals("-0") ? "0" : s;
    }

    /** A distance as GEODIST and WITHDIST reply it: %.4f, as a bulk string in both protocols. */
    static void replyDistance(CommandContext ctx, double d) {
        ctx.reply().bulk(cFixed(d, 4));
    }

    /** A decoded position as a [longitude, latitude] pair. */
    static void replyPosition(CommandContext ctx, double[] xy) {
        ctx.reply().array(2);
        ctx.reply().doubleText(human(xy[0]));
        ctx.reply().doubleText(human(xy[1]));
    }
}
