package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HashValue, SetValue and the table under them, against java.util models. */
class CollectionValuesTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void tableAgreesWithAHashSetThroughRandomAddsAndRemoves() {
        BinaryTable table = new BinaryTable(4, true);
        Set<String> model = new HashSet<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int step = 0; step < 50_000; step++) {
            String k = "k" + r.nextInt(3000);
            int at = table.find(b(k), 0, k.length());
            assertEquals(model.contains(k), at >= 0, k);
            if (r.nextInt(3) == 0 && at >= 0) {
                table.removeAt(at);
                model.remove(k);
            } else if (at < 0) {
                table.add(b(k), b("v" + k));
                model.add(k);
            }
            assertEquals(model.size(), table.size());
        }
        for (int i = 0; i < table.size(); i++) {
            assertEquals("v" + s(table.keyAt(i)), s(table.valueAt(i)));
        }
    }

    @Test
    void scanReturnsEveryStableKeyAcrossGrowthAndShrinkage() {
        BinaryTable table = new BinaryTable(4, false);
        for (int i = 0; i < 1000; i++) {
            table.add(b("stable" + i), null);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        do {
            cursor = table.scan(cursor, 5, i -> seen.add(s(table.keyAt(i))));
            // Grow hard during the first half, then drain the extras so the table shrinks.
            if (step < 40) {
                for (int k = 0; k < 200; k++) {
                    table.add(b("x" + step + "-" + k), null);
                }
            } else {
                for (int k = 0; k < 400 && table.size() > 1000; k++) {
                    int at = table.size() - 1;
                    if (!s(table.keyAt(at)).startsWith("stable")) {
                        table.removeAt(at);
                    } else {
                        String victim = findExtra(table);
                        if (victim == null) {
                            break;
                        }
                        table.removeAt(table.find(b(victim), 0, victim.length()));
                    }
                }
            }
            step++;
        } while (cursor != 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.contains("stable" + i), "stable" + i);
        }
    }

    private static String findExtra(BinaryTable t) {
        for (int i = 0; i < t.size(); i++) {
            if (s(t.keyAt(i)).startsWith("x")) {
                return s(t.keyAt(i));
            }
        }
        return null;
    }

    @Test
    void hashKeepsListpackOrderAndConvertsOnSizeOrLength() {
        HashValue h = new HashValue();
        assertTrue(h.put(b("b"), b("1")));
        assertTrue(h.put(b("a"), b("2")));
        assertFalse(h.put(b("b"), b("3")));
        assertEquals("listpack", h.encoding());
        assertEquals("b", s(h.fieldAt(0)));
        assertEquals("3", s(h.valueAt(0)));
        assertTrue(h.remove(b("b"), 0, 1));
        assertEquals("a", s(h.fieldAt(0)));
        h.put(b("v"), b("x".repeat(64)));
        assertEquals("listpack", h.encoding());
        h.put(b("v"), b("x".repeat(65)));
        assertEquals("hashtable", h.encoding());
        assertEquals("2", s(h.get(b("a"), 0, 1)));
        assertNull(h.get(b("zz"), 0, 2));

        HashValue big = new HashValue();
        for (int i = 0; i < HashValue.LISTPACK_MAX_ENTRIES; i++) {
            big.put(b("f" + i), b("v" + i));
        }
        assertEquals("listpack", big.encoding());
        big.put(b("one-more"), b("v"));
        assertEquals("hashtable", big.encoding());
        assertEquals(513, big.size());
        assertEquals("v77", s(big.get(b("f77"), 0, 3)));
    }

    @Test
    void copiesShareNothing() {
        HashValue h = new HashValue();
        h.put(b("f"), b("v"));
        HashValue c = h.copy();
        h.put(b("f"), b("w"));
        h.valueAt(0)[0] = 'z';
        assertEquals("v", s(c.get(b("f"), 0, 1)));
        SetValue s = new SetValue();
        s.add(b("x"));
        SetValue sc = s.copy();
        s.add(b("y"));
        assertEquals(1, sc.size());
        assertEquals("hashtable", sc.encoding());
        SetValue ints = new SetValue();
        ints.add(b("5"));
        SetValue ic = ints.copy();
        ints.add(b("6"));
        assertEquals(1, ic.size());
        assertEquals("intset", ic.encoding());
    }

    @Test
    void intsetStaysSortedAndTakesOnlyCanonicalIntegers() {
        SetValue s = new SetValue();
        for (String m : List.of("5", "-3", "9223372036854775807", "-9223372036854775808", "0", "5")) {
            s.add(b(m));
        }
        assertEquals("intset", s.encoding());
        List<String> members = new ArrayList<>();
        s.forEach((buf, off, len) -> members.add(new String(buf, off, len, StandardCharsets.UTF_8)));
        assertEquals(List.of("-9223372036854775808", "-3", "0", "5", "9223372036854775807"), members);
        assertFalse(s.contains(b("05"), 0, 2));
        assertFalse(s.remove(b("+5"), 0, 2));
        assertTrue(s.remove(b("5"), 0, 1));
        assertArrayEquals(b("0"), s.memberAt(2));
        s.add(b("-0"));
        assertEquals("hashtable", s.encoding());
        assertTrue(s.contains(b("-3"), 0, 2));
        assertTrue(s.contains(b("-0"), 0, 2));
        assertEquals(5, s.size());
    }

    @Test
    void intsetWidensAndAgreesWithASortedModel() {
        IntSet ints = new IntSet();
        java.util.TreeSet<Long> model = new java.util.TreeSet<>();
        SplittableRandom r = new SplittableRandom(3);
        long[] scales = {100, 40_000, 3_000_000_000L, Long.MAX_VALUE};
        for (int step = 0; step < 20_000; step++) {
            long scale = scales[Math.min(step / 5000, 3)];
            long v = r.nextLong(-scale, scale);
            if (r.nextInt(4) == 0 && !model.isEmpty()) {
                long victim = model.ceiling(v) != null ? model.ceiling(v) : model.first();
                int at = ints.search(victim);
                assertTrue(at >= 0);
                ints.removeAt(at);
                model.remove(victim);
            } else {
                assertEquals(model.add(v), ints.add(v));
            }
            assertEquals(model.size(), ints.size());
        }
        int i = 0;
        for (long v : model) {
            assertEquals(v, ints.get(i++));
        }
        assertTrue(ints.add(Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, ints.get(0));
        assertEquals(0, ints.search(Long.MIN_VALUE));
    }
}
