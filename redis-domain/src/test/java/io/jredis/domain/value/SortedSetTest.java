package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortedSetTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The model: a map, sorted on demand by (score, unsigned member bytes). */
    private static List<Map.Entry<String, Double>> sorted(Map<String, Double> model) {
        List<Map.Entry<String, Double>> l = new ArrayList<>(model.entrySet());
        l.sort((x, y) -> ZSkipList.compare(x.getValue(), b(x.getKey()), y.getValue(), b(y.getKey())));
        return l;
    }

    private static void check(SortedSet z, Map<String, Double> model) {
        List<Map.Entry<String, Double>> l = sorted(model);
        assertEquals(l.size(), z.size());
        for (int i = 0; i < l.size(); i++) {
            assertEquals(l.get(i).getKey(), new String(z.memberAt(i), StandardCharsets.UTF_8));
            assertEquals(l.get(i).getValue(), z.scoreAt(i));
            byte[] m = b(l.get(i).getKey());
            assertEquals(i, z.rank(m, 0, m.length));
            assertEquals(l.get(i).getValue(), z.score(m));
        }
        for (double min = -11; min <= 11; min += 2.5) {
            for (double max = min - 1; max <= min + 6; max += 1.5) {
                ZRange.Scores r = new ZRange.Scores(min, false, max, true);
                int first = -1;
                int last = -1;
                for (int i = 0; i < l.size(); i++) {
                    double sc = l.get(i).getValue();
                    if (sc >= min && sc < max) {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                assertEquals(first, z.firstInRange(r), "first in " + r);
                assertEquals(last, z.lastInRange(r), "last in " + r);
                if (first >= 0) {
                    assertEquals(last, z.endOfRun(first, r));
                }
            }
        }
        List<String> walked = new ArrayList<>();
        if (!l.isEmpty()) {
            z.visit(l.size() - 1, true, (m, s) -> walked.add(new String(m, StandardCharsets.UTF_8)));
        }
        List<String> expected = new ArrayList<>(l.stream().map(Map.Entry::getKey).toList());
        java.util.Collections.reverse(expected);
        assertEquals(expected, walked);
    }

    @Test
    void randomOperationsMatchAModelInBothEncodings() {
        for (int size : new int[] {20, 400}) {
            SplittableRandom r = new SplittableRandom(size);
            SortedSet z = new SortedSet();
            Map<String, Double> model = new HashMap<>();
            for (int op = 0; op < 6000; op++) {
                String m = "m" + r.nextInt(size);
                double score = r.nextInt(20) - 10;
                switch (r.nextInt(8)) {
                    case 0, 1, 2, 3, 4, 5 -> {
                        boolean added = z.put(b(m), score);
                        assertEquals(!model.containsKey(m), added);
                        model.put(m, score);
                    }
                    case 6 -> assertEquals(model.remove(m) != null, z.remove(b(m), 0, m.length()));
                    default -> {
                        int n = z.size();
                        if (n > 3) {
                            int from = r.nextInt(n);
                            int to = Math.min(n - 1, from + r.nextInt(3));
                            List<Map.Entry<String, Double>> l = sorted(model);
                            for (int i = from; i <= to; i++) {
                                model.remove(l.get(i).getKey());
                            }
                            z.removeRanks(from, to);
                        }
                    }
                }
                if (op % 500 == 0) {
                    check(z, model);
                }
            }
            check(z, model);
            assertEquals(size > 128 ? "skiplist" : "listpack", z.encoding());
            check(z.copy(), model);
        }
    }

    @Test
    void convertsPastTheListpackLimitsAndBackOnlyWhenAsked() {
        SortedSet z = new SortedSet();
        for (int i = 0; i < 128; i++) {
            z.put(b("m" + i), i);
        }
        assertEquals("listpack", z.encoding());
        z.put(b("m128"), 1);
        assertEquals("skiplist", z.encoding());
        z.remove(b("m128"), 0, 4);
        assertEquals("skiplist", z.encoding());
        z.compactIfSmall();
        assertEquals("listpack", z.encoding());
        SortedSet big = new SortedSet();
        big.put(b("x".repeat(65)), 1);
        assertEquals("skiplist", big.encoding());
        big.compactIfSmall();
        assertEquals("skiplist", big.encoding());
    }

    @Test
    void negativeZeroIsZeroInAListpackAndKeptInASkipList() {
        SortedSet z = new SortedSet();
        z.put(b("a"), -0.0);
        assertEquals(0, Double.doubleToRawLongBits(z.score(b("a"))));
        z.convertToSkipListForm();
        z.put(b("b"), -0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(z.score(b("b"))));
    }

    @Test
    void rangesFollowRedisWalks() {
        for (boolean large : new boolean[] {false, true}) {
            SortedSet z = new SortedSet();
            for (String m : List.of("a", "b", "c", "d", "e")) {
                z.put(b(m), 0);
            }
            if (large) {
                z.convertToSkipListForm();
            }
            ZRange.Members r = new ZRange.Members(b("b"), true, ZRange.Members.MAX, true);
            assertEquals(2, z.firstInRange(r));
            assertEquals(4, z.lastInRange(r));
            assertEquals(-1, z.firstInRange(new ZRange.Members(ZRange.Members.MAX, true, ZRange.Members.MIN, true)));
            ZRange.Scores s = new ZRange.Scores(0, true, 1, false);
            assertEquals(-1, z.firstInRange(s));
            assertEquals(0, z.firstInRange(new ZRange.Scores(Double.NEGATIVE_INFINITY, false, 0, false)));
            assertEquals(4, z.lastInRange(new ZRange.Scores(Double.NEGATIVE_INFINITY, false, 0, false)));
        }
    }

    @Test
    void scanOfASkipListReturnsEveryMemberPresentThroughout() {
        SortedSet z = new SortedSet();
        for (int i = 0; i < 1000; i++) {
            z.put(b("m" + i), i);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int calls = 0;
        do {
            cursor = z.scan(cursor, 10, (m, s) -> seen.add(new String(m, StandardCharsets.UTF_8)));
            z.put(b("new" + calls), calls); // changes meanwhile
            z.remove(b("new" + (calls - 1)), 0, ("new" + (calls - 1)).length());
            calls++;
        } while (cursor != 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.contains("m" + i), "m" + i);
        }
        assertTrue(calls > 50, "scanned in steps");
        
    }
}
