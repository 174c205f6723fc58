package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packed listpack form of {@link HashValue} (and its switch to a hashtable) against a
 * LinkedHashMap under random puts, slice puts, value replacements of other lengths, removals,
 * copies and scans; a listpack must also keep insertion order, as Redis's does.
 */
class HashValueModelTest {

    @Test
    void behavesAsAMapUnderRandomOperations() {
        int listpacks = 0;
        for (long seed = 1; seed <= 40; seed++) {
            listpacks += run(seed) ? 1 : 0;
        }
        assertTrue(listpacks >= 20, "most runs must end as listpacks: " + listpacks);
    }

    /** True when the hash is still a listpack at the end. */
    private static boolean run(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HashValue h = new HashValue();
        Map<String, String> model = new LinkedHashMap<>();
        // Small seeds stay listpacks; some grow past 512 fields or store long values.
        int fieldPool = seed % 4 == 0 ? 700 : 40;
        boolean longValues = seed % 5 == 0;
        for (int step = 0; step < 2000; step++) {
            String f = field(r, fieldPool);
            switch (r.nextInt(8)) {
                case 0, 1, 2 -> {
                    String v = value(r, longValues);
                    boolean fresh = h.put(b(f), b(v));
                    assertEquals(!model.containsKey(f), fresh, "seed " + seed + " step " + step);
                    model.put(f, v);
                }
                case 3 -> {
                    // slices at offsets inside larger arrays, as a command's arguments are
                    String v = value(r, longValues);
                    byte[] buf = b("##" + f + "|" + v + "##");
                    boolean fresh = h.put(buf, 2, b(f).length, buf, 3 + b(f).length, b(v).length);
                    assertEquals(!model.containsKey(f), fresh);
                    model.put(f, v);
                }
                case 4 -> {
                    int p = h.indexOf(b(f), 0, b(f).length);
                    assertEquals(model.containsKey(f), p >= 0);
                    if (p >= 0) {
                        String v = value(r, longValues);
                        h.setValueAt(p, b(v));
                        model.put(f, v);
                    }
                }
                case 5, 6 -> {
                    boolean removed = h.remove(b(f), 0, b(f).length);
                    assertEquals(model.remove(f) != null, removed);
                }
                default -> {
                    HashValue c = h.copy();
                    assertSame(model, c, seed);
                }
            }
            if (step % 50 == 0) {
                assertSame(model, h, seed);
            }
        }
        assertSame(model, h, seed);
        return h.encoding().equals("listpack");
    }

    private static void assertSame(Map<String, String> model, HashValue h, long seed) {
        assertEquals(model.size(), h.size(), "seed " + seed);
        assertEquals(model.isEmpty(), h.isEmpty());
        boolean listpack = h.encoding().equals("listpack");
        if (listpack) {
            assertTrue(model.size() <= HashValue.LISTPACK_MAX_ENTRIES);
            // insertion order, read through both the slice and the copying accessors
            List<String> fields = new ArrayList<>();
            for (int p = h.first(); p >= 0; p = h.next(p)) {
                String f = new String(h.fieldArray(p), h.fieldOffset(p), h.fieldLength(p), StandardCharsets.ISO_8859_1);
                assertEquals(f, s(h.fieldAt(p)));
                assertEquals(model.get(f), new String(h.valueArray(p), h.valueOffset(p), h.valueLength(p),
                        StandardCharsets.ISO_8859_1));
                assertEquals(model.get(f), s(h.valueAt(p)));
                fields.add(f);
            }
            assertEquals(new ArrayList<>(model.keySet()), fields);
        }
        for (Map.Entry<String, String> e : model.entrySet()) {
            byte[] f = b(e.getKey());
            int p = h.indexOf(f, 0, f.length);
            assertTrue(p >= 0, e.getKey());
            assertEquals(e.getValue(), s(h.valueAt(p)));
            assertEquals(e.getValue(), s(h.get(f, 0, f.length)));
        }
        // ordinals reach every entry once
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < h.size(); i++) {
            assertTrue(seen.add(s(h.fieldAt(h.positionOf(i)))));
        }
        assertEquals(model.keySet(), seen);
        // a scan from 0 with a large count sees everything; a listpack in one call
        Set<String> scanned = new HashSet<>();
        long cursor = 0;
        do {
            cursor = h.scan(cursor, 10, p -> scanned.add(s(h.fieldAt(p))));
            if (listpack) {
                assertEquals(0, cursor);
            }
        } while (cursor != 0);
        assertEquals(model.keySet(), scanned);
        assertFalse(h.get(b("absent"), 0, 6) != null);
    }

    private static String field(SplittableRandom r, int pool) {
        return switch (r.nextInt(10)) {
            case 0 -> "";
            case 1 -> "f" + r.nextInt(pool) + "\u0000\u00ff";
            default -> "f" + r.nextInt(pool);
        };
    }

    private static String value(SplittableRandom r, boolean longValues) {
        return switch (r.nextInt(8)) {
            case 0 -> "";
            case 1 -> "x".repeat(r.nextInt(longValues ? 300 : 65));
            case 2 -> longValues ? "y".repeat(120 + r.nextInt(20)) : "w" + r.nextInt(10);
            default -> "v" + r.nextInt(1000);
        };
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
