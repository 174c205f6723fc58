package io.jredis.domain.geo;

/**
 * Redis's geohash: a longitude and a latitude cut into {@code step} bits each and interleaved
 * (latitude on the even bits, longitude on the odd ones) over the Web-Mercator square, which
 * stops at ±85.05112878 degrees of latitude. With 26 steps the 52 bits are a sorted-set score.
 * Computations follow Redis's order of floating-point operations, so decoded coordinates are
 * bit for bit those Redis prints.
 */
public final class GeoHash {

    public static final int STEP_MAX = 26;
    public static final double LAT_MIN = -85.05112878;
    public static final double LAT_MAX = 85.05112878;
    public static final double LONG_MIN = -180;
    public static final double LONG_MAX = 180;

    private static final long EVEN = 0x5555555555555555L;
    private static final long ODD = 0xaaaaaaaaaaaaaaaaL;
    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";

    private GeoHash() {
    }

    /** A cell: its interleaved bits and its precision in steps (0 bits and 0 steps: no cell). */
    public record Cell(long bits, int step) {
        public static final Cell NONE = new Cell(0, 0);

        public boolean isNone() {
            return bits == 0 && step == 0;
        }
    }

    /** A cell's bounds in degrees. */
    public record Area(double lonMin, double lonMax, double latMin, double latMax) {
    }

    /** True when the pair can be stored (Redis's GEO_LONG/LAT_MIN/MAX limits). */
    public static boolean valid(double longitude, double latitude) {
        return !(longitude < LONG_MIN || longitude > LONG_MAX || latitude < LAT_MIN || latitude > LAT_MAX);
    }

    /** The cell of a point in the Mercator ranges; null when the point is outside them. */
    public static Cell encode(double longitude, double latitude, int step) {
        return encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, longitude, latitude, step);
    }

    static Cell encode(double lonMin, double lonMax, double latMin, double latMax,
                       double longitude, double latitude, int step) {
        if (!valid(longitude, latitude) || latitude < latMin || latitude > latMax
                || longitude < lonMin || longitude > lonMax) {
            return null;
        }
        double latOffset = (latitude - latMin) / (latMax - latMin);
        double lonOffset = (longitude - lonMin) / (lonMax - lonMin);
        latOffset *= (double) (1L << step);
        lonOffset *= (double) (1L << step);
        // C converts to uint32_t by truncation; the offsets are within [0, 2^step]
        return new Cell(interleave((long) latOffset, (long) lonOffset), step);
    }

    /** The score a point is stored with: its 26-step cell, aligned to 52 bits. */
    public static long score(double longitude, double latitude) {
        return align52(encode(longitude, latitude, STEP_MAX));
    }

    public static long align52(Cell cell) {
        return cell.bits << (52 - cell.step * 2);
    }

    /** The bounds of a cell in the Mercator ranges; null for {@link Cell#NONE}. */
    public static Area decode(Cell cell) {
        if (cell.isNone()) {
            return null;
        }
        long sep = deinterleave(cell.bits);
        double latScale = LAT_MAX - LAT_MIN;
        double lonScale = LONG_MAX - LONG_MIN;
        long ilato = sep & 0xffffffffL;
        long ilono = sep >>> 32;
        double div = (double) (1L << cell.step);
        // (i + 1) is uint32_t arithmetic in C
        long ilato1 = (ilato + 1) & 0xffffffffL;
        long ilono1 = (ilono + 1) & 0xffffffffL;
        return new Area(
                LONG_MIN + (ilono * 1.0 / div) * lonScale,
                LONG_MIN + (ilono1 * 1.0 / div) * lonScale,
                LAT_MIN + (ilato * 1.0 / div) * latScale,
                LAT_MIN + (ilato1 * 1.0 / div) * latScale);
    }

    /**
     * The point a stored score stands for: the centre of its 26-step cell, clamped to the
     * valid ranges, as {longitude, latitude}. The score is converted to uint64 as C does.
     */
    public static double[] decodeScore(double score) {
        Area a = decode(new Cell(toUint64(score), STEP_MAX));
        double lon = (a.lonMin + a.lonMax) / 2;
        if (lon > LONG_MAX) {
            lon = LONG_MAX;
        }
        if (lon < LONG_MIN) {
            lon = LONG_MIN;
        }
        double lat = (a.latMin + a.latMax) / 2;
        if (lat > LAT_MAX) {
            lat = LAT_MAX;
        }
        if (lat < LAT_MIN) {
            lat = LAT_MIN;
        }
        return new double[] {lon, lat};
    }

    /** x86-64's (uint64_t) of a double: negative values wrap as the signed conversion does. */
    private static long toUint64(double d) {
        if (d >= 0x1p64) {
            return 0; // cvttsd2si's "indefinite" 2^63, xor-ed with 2^63 by the compiler's fix-up
        }
        if (d >= 0x1p63) {
            return (long) (d - 0x1p63) ^ Long.MIN_VALUE;
        }
        return (long) d;
    }

    /**
     * The standard 11-character geohash of a stored score: the point decoded, encoded again
     * over latitudes ±90, and its 52 bits written 5 at a time (the 11th character is always '0').
     */
    public static String text(double score) {
        double[] xy = decodeScore(score);
        Cell c = encode(-180, 180, -90, 90, xy[0], xy[1], STEP_MAX);
        long bits = c == null ? 0 : c.bits;
        char[] out = new char[11];
        for (int i = 0; i < 11; i++) {
            int idx = i == 10 ? 0 : (int) ((bits >>> (52 - (i + 1) * 5)) & 0x1f);
            out[i] = ALPHABET.charAt(idx);
        }
        return new String(out);
    }

    /** The 8 neighbours: north, south, east, west, north-east, north-west, south-east, south-west. */
    public static Cell[] neighbours(Cell c) {
        return new Cell[] {
            moveY(c, 1), moveY(c, -1), moveX(c, 1), moveX(c, -1),
            moveY(moveX(c, 1), 1), moveY(moveX(c, -1), 1),
            moveY(moveX(c, 1), -1), moveY(moveX(c, -1), -1)
        };
    }

    // longitude lives on the odd bits; moving wraps around the globe as Redis's bit arithmetic does
    private static Cell moveX(Cell c, int d) {
        long x = c.bits & ODD;
        long y = c.bits & EVEN;
        long zz = EVEN >>> (64 - c.step * 2);
        if (d > 0) {
            x = x + (zz + 1);
        } else {
            x = x | zz;
            x = x - (zz + 1);
        }
        x &= ODD >>> (64 - c.step * 2);
        return new Cell(x | y, c.step);
    }

    private static Cell moveY(Cell c, int d) {
        long x = c.bits & ODD;
        long y = c.bits & EVEN;
        long zz = ODD >>> (64 - c.step * 2);
        if (d > 0) {
            y = y + (zz + 1);
        } else {
            y = y | zz;
            y = y - (zz + 1);
        }
        y &= EVEN >>> (64 - c.step * 2);
        return new Cell(x | y, c.step);
    }

    /** Spreads the low 32 bits of x on the even bits and those of y on the odd bits. */
    static long interleave(long x, long y) {
        return spread(x & 0xffffffffL) | (spread(y & 0xffffffffL) << 1);
    }

    private static long spread(long v) {
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    /** The even bits gathered in the low half, the odd bits in the high half. */
    static long deinterleave(long v) {
        return squeeze(v) | (squeeze(v >>> 1) << 32);
    }

    private static long squeeze(long v) {
        v &= 0x5555555555555555L;
        v = (v | (v >>> 1)) & 0x3333333333333333L;
        v = (v | (v >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v >>> 4)) & 0x00FF00FF00FF00FFL;
        v = (v | (v >>> 8)) & 0x0000FFFF0000FFFFL;
        v = (v | (v >>> 16)) & 0x00000000FFFFFFFFL;
        return v;
    }
}
