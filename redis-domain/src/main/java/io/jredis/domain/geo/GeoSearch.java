package io.jredis.domain.geo;

import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.ZRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A radius or box search over a sorted set of geohash scores, as Redis runs it: the cell
 * precision is estimated from the shape's reach, the centre cell and its 8 neighbours are
 * taken (one step coarser when a neighbour does not reach the bounding box, without those
 * lying wholly outside it), and each cell's score range is scanned for points in the shape.
 */
public final class GeoSearch {

    /** A point found: its member, score, decoded position and distance (metres) from the centre. */
    public static final class Point {
        public final byte[] member;
        public final double score;
        public final double longitude;
        public final double latitude;
        public double distance;

        Point(byte[] member, double score, double longitude, double latitude, double distance) {
            this.member = member;
            this.score = score;
            this.longitude = longitude;
            this.latitude = latitude;
            this.distance = distance;
        }
    }

    private GeoSearch() {
    }

    private static final Comparator<Point> NEAREST_FIRST = (x, y) -> x.distance > y.distance ? 1
            : x.distance == y.distance ? 0 : -1;
    private static final Comparator<Point> FARTHEST_FIRST = (x, y) -> -NEAREST_FIRST.compare(x, y);

    /**
     * Orders the points by distance as Redis does: when all are returned, its libc's stable
     * merge sort; when only the first {@code returned} are, its partial quicksort (which
     * leaves the others in no particular order and equal distances in its own order).
     */
    public static void sort(List<Point> points, boolean ascending, int returned) {
        Comparator<Point> cmp = ascending ? NEAREST_FIRST : FARTHEST_FIRST;
        if (returned == points.size()) {
            points.sort(cmp);
            return;
        }
        Point[] a = points.toArray(new Point[0]);
        PartialQuicksort.sort(a, a.length, cmp, 0, returned - 1);
        for (int i = 0; i < a.length; i++) {
            points.set(i, a[i]);
        }
    }

    /**
     * The points of {@code z} in {@code shape}, in the order the cells are scanned (centre,
     * N, S, E, W, NE, NW, SE, SW; by score in each); with {@code limit} > 0 the scan stops once
     * that many were found (COUNT ... ANY).
     */
    public static List<Point> search(SortedSet z, GeoShape shape, long limit) {
        List<Point> found = new ArrayList<>();
        GeoHash.Cell[] cells = cells(shape);
        int lastProcessed = 0;
        for (int i = 0; i < cells.length; i++) {
            GeoHash.Cell c = cells[i];
            if (c.isNone()) {
                continue;
            }
            // with a huge radius neighbours can be the same cell: each is scanned once
            if (lastProcessed != 0 && c.equals(cells[lastProcessed])) {
                continue;
            }
            if (!found.isEmpty() && limit > 0 && found.size() >= limit) {
                break;
            }
            scanCell(z, c, shape, found, limit);
            lastProcessed = i;
        }
        return found;
    }

    private static void scanCell(SortedSet z, GeoHash.Cell c, GeoShape shape, List<Point> found, long limit) {
        double min = GeoHash.align52(c);
        double max = GeoHash.align52(new GeoHash.Cell(c.bits() + 1, c.step()));
        ZRange.Scores range = new ZRange.Scores(min, false, max, true);
        int first = z.firstInRange(range);
        if (first < 0) {
            return;
        }
        z.visit(first, false, (member, score) -> {
            if (!(score < max)) {
                return false;
            }
            double[] xy = GeoHash.decodeScore(score);
            double d = shape.distanceIfWithin(xy[0], xy[1]);
            if (!Double.isNaN(d)) {
                found.add(new Point(member, score, xy[0], xy[1], d));
            }
            return !(!found.isEmpty() && limit > 0 && found.size() >= limit);
        });
    }

    /** The centre cell and its 8 neighbours, {@link GeoHash.Cell#NONE} for those left out. */
    static GeoHash.Cell[] cells(GeoShape shape) {
        double[] bounds = shape.boundingBox();
        double minLon = bounds[0];
        double minLat = bounds[1];
        double maxLon = bounds[2];
        double maxLat = bounds[3];
        double lon = shape.longitude;
        double lat = shape.latitude;
        int steps = GeoShape.estimateSteps(shape.reachMeters(), lat);
        GeoHash.Cell hash = GeoHash.encode(lon, lat, steps);
        GeoHash.Cell[] n = GeoHash.neighbours(hash);
        GeoHash.Area north = GeoHash.decode(n[0]);
        GeoHash.Area south = GeoHash.decode(n[1]);
        GeoHash.Area east = GeoHash.decode(n[2]);
        GeoHash.Area west = GeoHash.decode(n[3]);
        boolean decrease = north.latMax() < maxLat || south.latMin() > minLat
                || east.lonMax() < maxLon || west.lonMin() > minLon;
        if (steps > 1 && decrease) {
            steps--;
            hash = GeoHash.encode(lon, lat, steps);
            n = GeoHash.neighbours(hash);
        }
        GeoHash.Area area = GeoHash.decode(hash);
        if (steps >= 2) {
            if (area.latMin() < minLat) {
                n[1] = n[6] = n[7] = GeoHash.Cell.NONE; // south, south-east, south-west
            }
            if (area.latMax() > maxLat) {
                n[0] = n[4] = n[5] = GeoHash.Cell.NONE; // north, north-east, north-west
            }
            if (area.lonMin() < minLon) {
                n[3] = n[7] = n[5] = GeoHash.Cell.NONE; // west, south-west, north-west
            }
            if (area.lonMax() > maxLon) {
                n[2] = n[6] = n[4] = GeoHash.Cell.NONE; // east, south-east, north-east
            }
        }
        GeoHash.Cell[] cells = new GeoHash.Cell[9];
        cells[0] = hash;
        System.arraycopy(n, 0, cells, 1, 8);
        return cells;
    }
}
