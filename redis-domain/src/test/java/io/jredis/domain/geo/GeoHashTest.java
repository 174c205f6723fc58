package io.jredis.domain.geo;

import io.jredis.domain.value.SortedSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores, positions and hashes as redis-server 7.0.15 stores and prints them (read off the real server). */
class GeoHashTest {

    @Test
    void scoresAreRedisFiftyTwoBitCells() {
        assertEquals(3479099956230698L, GeoHash.score(13.361389, 38.115556));
        assertEquals(3479447370796909L, GeoHash.score(15.087269, 37.502669));
        // the corners: the south-west one is cell 0, the north-east one overflows both halves
        assertEquals(0L, GeoHash.score(-180, -85.05112878));
        assertEquals(13510798882111488L, GeoHash.score(180, 85.05112878));
    }

    @Test
    void decodingGivesTheCellCentreClampedToTheRanges() {
        assertArrayEquals(new double[] {13.36138933897018433, 38.11555639549629859},
                GeoHash.decodeScore(3479099956230698L));
        assertArrayEquals(new double[] {180, 85.0511287799999991}, GeoHash.decodeScore(13510798882111488L));
        assertArrayEquals(new double[] {-179.99999731779098511, -85.05112751263942528}, GeoHash.decodeScore(0));
    }

    @Test
    void textIsTheStandardGeohashOfTheDecodedPoint() {
        assertEquals("sqc8b49rny0", GeoHash.text(3479099956230698L));
        assertEquals("sqdtr74hyu0", GeoHash.text(3479447370796909L));
        assertEquals("bp05b5048p0", GeoHash.text(13510798882111488L));
        assertEquals("00bh0hbj200", GeoHash.text(0));
    }

    @Test
    void invalidPairsAreNotEncoded() {
        assertNull(GeoHash.encode(180.0000001, 0, 26));
        assertNull(GeoHash.encode(0, -85.06, 26));
        assertFalse(GeoHash.valid(Double.POSITIVE_INFINITY, 0));
        assertTrue(GeoHash.valid(-180, 85.05112878));
    }

    @Test
    void interleavingRoundTrips() {
        long x = 0x3ffffffL;
        long y = 0x1234567L;
        long bits = GeoHash.interleave(x, y);
        assertEquals(x | (y << 32), GeoHash.deinterleave(bits));
    }

    @Test
    void neighboursWrapAroundTheAntimeridian() {
        GeoHash.Cell east = GeoHash.encode(179.9, 0, 4);
        GeoHash.Cell[] n = GeoHash.neighbours(east);
        GeoHash.Area wrapped = GeoHash.decode(n[2]); // east of the last column is the first one
        assertEquals(-180.0, wrapped.lonMin());
    }

    @Test
    void distanceIsHaversineOnRedisEarthRadius() {
        double[] a = GeoHash.decodeScore(3479099956230698L);
        double[] b = GeoHash.decodeScore(3479447370796909L);
        // GEODIST Sicily Palermo Catania km -> 166.2742
        assertEquals(166274.1516, GeoShape.distance(a[0], a[1], b[0], b[1]), 0.0001);
    }

    @Test
    void searchFindsWhatRedisFindsInBoxAndCircle() {
        SortedSet z = new SortedSet();
        z.put(bytes("Palermo"), 3479099956230698L);
        z.put(bytes("Catania"), 3479447370796909L);
        double[] p = GeoHash.decodeScore(3479099956230698L);
        // GEOSEARCH Sicily FROMMEMBER Palermo BYBOX 400 400 km -> Palermo, Catania; BYBOX 100 400 km -> Palermo
        assertEquals(2, GeoSearch.search(z, GeoShape.box(p[0], p[1], 400, 400, 1000), 0).size());
        assertEquals(List.of("Palermo"), members(GeoSearch.search(z, GeoShape.box(p[0], p[1], 100, 400, 1000), 0)));
        assertEquals(List.of("Palermo"), members(GeoSearch.search(z, GeoShape.radius(p[0], p[1], 166, 1000), 0)));
        assertEquals(1, GeoSearch.search(z, GeoShape.radius(p[0], p[1], 200, 1000), 1).size());
    }

    @Test
    void partialSortOrdersTiesAsRedisPqsort() {
        // GEOADD t 1 1 a ... 1 1 j 2 2 k 0 0 l; GEOSEARCH t FROMLONLAT 1 1 BYRADIUS 1000 km COUNT 3 -> i a b,
        // ... COUNT 7 DESC -> l k a c d e f
        assertEquals(List.of("i", "a", "b"), sortedTies(true, 3));
        assertEquals(List.of("l", "k", "a", "c", "d", "e", "f"), sortedTies(false, 7));
    }

    private static List<String> sortedTies(boolean ascending, int count) {
        SortedSet z = new SortedSet();
        for (char c = 'a'; c <= 'j'; c++) {
            z.put(bytes(String.valueOf(c)), GeoHash.score(1, 1));
        }
        z.put(bytes("k"), GeoHash.score(2, 2));
        z.put(bytes("l"), GeoHash.score(0, 0));
        List<GeoSearch.Point> found = GeoSearch.search(z, GeoShape.radius(1, 1, 1000, 1000), 0);
        GeoSearch.sort(found, ascending, count);
        return members(found.subList(0, count));
    }

    @Test
    void partialSortPutsTheRequestedRanksInPlace() {
        java.util.Random r = new java.util.Random(7);
        for (int n = 1; n < 120; n++) {
            Integer[] a = new Integer[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(20);
            }
            Integer[] sorted = a.clone();
            Arrays.sort(sorted);
            int to = r.nextInt(n);
            PartialQuicksort.sort(a, n, Comparator.naturalOrder(), 0, to);
            assertArrayEquals(Arrays.copyOf(sorted, to + 1), Arrays.copyOf(a, to + 1), "n=" + n);
        }
    }

    private static List<String> members(List<GeoSearch.Point> points) {
        List<String> out = new ArrayList<>();
        for (GeoSearch.Point p : points) {
            out.add(new String(p.member, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
