package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StreamValue against a sorted map of id to pairs, under random appends, deletes, trims and reads. */
class StreamValueRandomizedTest {

    @Test
    void behavesAsASortedMapOfEntries() {
        for (long seed = 1; seed <= 40; seed++) {
            run(seed, seed % 2 == 0 ? new StreamValue() : new StreamValue(5, 200));
        }
    }

    private static void run(long seed, StreamValue s) {
        SplittableRandom r = new SplittableRandom(seed);
        TreeMap<StreamId, List<String>> model = new TreeMap<>();
        long ms = 0;
        long seq = 0;
        for (int step = 0; step < 3000; step++) {
            int op = r.nextInt(100);
            if (op < 60) {
                if (r.nextBoolean()) {
                    ms += 1 + r.nextInt(3);
                    seq = r.nextInt(2);
                } else {
                    seq++;
                }
                List<String> pairs = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    pairs.add(r.nextInt(3) == 0 ? "field" + r.nextInt(4) : "f" + i);
                    pairs.add(r.nextInt(10) == 0 ? "x".repeat(r.nextInt(300)) : Integer.toString(r.nextInt(1000)));
                }
                s.append(ms, seq, bytes(pairs));
                model.put(new StreamId(ms, seq), pairs);
            } else if (op < 75) {
                StreamId id = model.isEmpty() || r.nextInt(4) == 0 ? new StreamId(r.nextInt((int) ms + 2), r.nextInt(3))
                        : randomKey(model, r);
                assertEquals(model.remove(id) != null, s.delete(id.ms(), id.seq()), "seed " + seed);
            } else if (op < 80) {
                long max = r.nextInt(model.size() + 5);
                boolean approx = r.nextBoolean();
                long removed = s.trimMaxLen(max, approx, approx ? r.nextInt(3) * 50 : 0);
                for (long i = 0; i < removed; i++) {
                    model.pollFirstEntry();
                }
                if (!approx) {
                    assertEquals(Math.min(max, model.size()), model.size());
                }
            } else if (op < 83) {
                StreamId min = new StreamId(r.nextInt((int) ms + 2), r.nextInt(3));
                boolean approx = r.nextBoolean();
                long removed = s.trimMinId(min.ms(), min.seq(), approx, 0);
                long below = model.headMap(min).size();
                if (!approx) {
                    assertEquals(below, removed, "seed " + seed);
                } else {
                    assertTrue(removed <= below, "seed " + seed);
                }
                for (long i = 0; i < removed; i++) {
                    model.pollFirstEntry();
                }
            } else {
                StreamId a = new StreamId(r.nextInt((int) ms + 2), r.nextInt(3));
                StreamId b = new StreamId(r.nextInt((int) ms + 2), r.nextInt(3));
                boolean rev = r.nextBoolean();
                List<String> expected = new ArrayList<>();
                if (a.compareTo(b) <= 0) {
                    var sub = model.subMap(a, true, b, true);
                    for (Map.Entry<StreamId, List<String>> e : (rev ? sub.descendingMap() : sub).entrySet()) {
                        expected.add(e.getKey() + " " + e.getValue());
                    }
                }
                List<String> actual = new ArrayList<>();
                StreamValue.Cursor c = s.cursor(a.ms(), a.seq(), b.ms(), b.seq(), rev);
                while (c.next()) {
                    actual.add(c.id() + " " + strings(c.fieldsAndValues()));
                }
                assertEquals(expected, actual, "seed " + seed + " step " + step);
            }
            assertEquals(model.size(), s.length(), "seed " + seed + " step " + step);
            assertEquals(model.isEmpty() ? StreamId.ZERO : model.firstKey(), s.firstId());
            if (!model.isEmpty()) {
                assertEquals(model.lastKey(), s.lastLiveId());
            }
        }
        StreamValue copy = s.copy();
        List<String> all = new ArrayList<>();
        StreamValue.Cursor c = copy.cursor(0, 0, -1L, -1L, false);
        while (c.next()) {
            all.add(c.id() + " " + strings(c.fieldsAndValues()));
        }
        List<String> expected = new ArrayList<>();
        model.forEach((k, v) -> expected.add(k + " " + v));
        assertEquals(expected, all);
    }

    private static StreamId randomKey(TreeMap<StreamId, List<String>> model, SplittableRandom r) {
        StreamId probe = new StreamId(r.nextInt((int) model.lastKey().ms() + 1), 0);
        StreamId k = model.ceilingKey(probe);
        return k == null ? model.lastKey() : k;
    }

    private static byte[][] bytes(List<String> s) {
        byte[][] out = new byte[s.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).getBytes(StandardCharsets.ISO_8859_1);
        }
        return out;
    }

    private static List<String> strings(byte[][] b) {
        return Arrays.stream(b).map(x -> new String(x, StandardCharsets.ISO_8859_1)).toList();
    }
}
