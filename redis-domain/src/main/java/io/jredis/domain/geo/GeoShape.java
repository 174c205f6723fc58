package io.jredis.domain.geo;

/**
 * What a search covers: a circle of a radius, or a box of a width and a height, around a
 * centre, with the distances given in a unit ({@code conversion} metres each).
 */
public final class GeoShape {

    /** Redis's Earth radius (the quadratic mean radius of WGS-84), in metres. */
    public static final double EARTH_RADIUS_IN_METERS = 6372797.560856;
    static final double MERCATOR_MAX = 20037726.37;
    private static final double D_R = Math.PI / 180.0;

    final double longitude;
    final double latitude;
    final boolean circle;
    final double radius;
    final double width;
    final double height;
    final double conversion;

    private GeoShape(double longitude, double latitude, boolean circle, double radius, double width,
                     double height, double conversion) {
        this.longitude = longitude;
        this.latitude = latitude;
        this.circle = circle;
        this.radius = radius;
        this.width = width;
        this.height = height;
        this.conversion = conversion;
    }

    public static GeoShape radius(double longitude, double latitude, double radius, double conversion) {
        return new GeoShape(longitude, latitude, true, radius, 0, 0, conversion);
    }

    public static GeoShape box(double longitude, double latitude, double width, double height, double conversion) {
        return new GeoShape(longitude, latitude, false, 0, width, height, conversion);
    }

    public double conversion() {
        return conversion;
    }

    static double degToRad(double ang) {
        return ang * D_R;
    }

    static double radToDeg(double ang) {
        return ang / D_R;
    }

    /** The distance along a meridian, in metres. */
    static double latDistance(double lat1d, double lat2d) {
        return EARTH_RADIUS_IN_METERS * Math.abs(degToRad(lat2d) - degToRad(lat1d));
    }

    /** The haversine great-circle distance, in metres, as Redis computes it. */
    public static double distance(double lon1d, double lat1d, double lon2d, double lat2d) {
        double lon1r = degToRad(lon1d);
        double lon2r = degToRad(lon2d);
        double v = StrictMath.sin((lon2r - lon1r) / 2);
        if (v == 0.0) {
            return latDistance(lat1d, lat2d);
        }
        double lat1r = degToRad(lat1d);
        double lat2r = degToRad(lat2d);
        double u = StrictMath.sin((lat2r - lat1r) / 2);
        double a = u * u + StrictMath.cos(lat1r) * StrictMath.cos(lat2r) * v * v;
        return 2.0 * EARTH_RADIUS_IN_METERS * StrictMath.asin(StrictMath.sqrt(a));
    }

    /**
     * The distance in metres from the centre to a point inside the shape, or NaN when the
     * point is outside. A box holds the points within half its height along the meridian and
     * half its width along the point's parallel.
     */
    double distanceIfWithin(double lon, double lat) {
        if (circle) {
            double d = distance(longitude, latitude, lon, lat);
            return d > radius * conversion ? Double.NaN : d;
        }
        double widthM = width * conversion;
        double heightM = height * conversion;
        if (latDistance(lat, latitude) > heightM / 2) {
            return Double.NaN;
        }
        if (distance(lon, lat, longitude, lat) > widthM / 2) {
            return Double.NaN;
        }
        return distance(longitude, latitude, lon, lat);
    }

    /** {min longitude, min latitude, max longitude, max latitude} around the shape. */
    double[] boundingBox() {
        double h = conversion * (circle ? radius : height / 2);
        double w = conversion * (circle ? radius : width / 2);
        double latDelta = radToDeg(h / EARTH_RADIUS_IN_METERS);
        double lonDeltaTop = radToDeg(w / EARTH_RADIUS_IN_METERS / StrictMath.cos(degToRad(latitude + latDelta)));
        double lonDeltaBottom = radToDeg(w / EARTH_RADIUS_IN_METERS / StrictMath.cos(degToRad(latitude - latDelta)));
        // the wider edge is the one nearer the equator
        boolean south = latitude < 0;
        return new double[] {
            south ? longitude - lonDeltaBottom : longitude - lonDeltaTop,
            latitude - latDelta,
            south ? longitude + lonDeltaBottom : longitude + lonDeltaTop,
            latitude + latDelta
        };
    }

    /** The radius in metres the cell size is chosen for: a box counts up to its corners. */
    double reachMeters() {
        double r = circle ? radius : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
        return r * conversion;
    }

    /** Redis's estimate of the cell precision whose 3x3 block covers a radius at a latitude. */
    static int estimateSteps(double rangeMeters, double lat) {
        if (rangeMeters == 0) {
            return 26;
        }
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) {
                step--;
            }
        }
        return Math.max(1, Math.min(26, step));
    }
}
