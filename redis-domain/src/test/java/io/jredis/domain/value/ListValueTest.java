package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ListValueTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> contents(ListValue l) {
        List<String> out = new ArrayList<>();
        l.forEach(0, true, (buf, off, len) -> out.add(new String(buf, off, len, StandardCharsets.UTF_8)) || true);
        return out;
    }

    private static List<String> reversed(ListValue l) {
        List<String> out = new ArrayList<>();
        l.forEach(l.size() - 1, false, (buf, off, len) -> { out.add(0, new String(buf, off, len, StandardCharsets.UTF_8)); return true; });
        return out;
    }

    @Test
    void pushesAndPopsAtBothEnds() {
        ListValue l = new ListValue();
        l.pushBack(b("b"));
        l.pushFront(b("a"));
        l.pushBack(b("c"));
        assertEquals(List.of("a", "b", "c"), contents(l));
        assertArrayEquals(b("c"), l.popBack());
        assertArrayEquals(b("a"), l.popFront());
        assertEquals(1, l.size());
        assertArrayEquals(b("b"), l.popFront());
        assertEquals(null, l.popFront());
    }

    @Test
    void behavesAsAnArrayListUnderRandomOperations() {
        Random rnd = new Random(42);
        for (int round = 0; round < 20; round++) {
            ListValue l = new ListValue();
            List<String> model = new ArrayList<>();
            for (int op = 0; op < 4000; op++) {
                int kind = rnd.nextInt(10);
                int n = rnd.nextInt(5) == 0 ? rnd.nextInt(20000) : rnd.nextInt(40);
                String v = "x".repeat(n) + op;
                switch (kind) {
                    case 0, 1 -> { l.pushFront(b(v)); model.add(0, v); }
                    case 2, 3 -> { l.pushBack(b(v)); model.add(v); }
                    case 4 -> { if (!model.isEmpty()) assertEquals(model.remove(0), new String(l.popFront(), StandardCharsets.UTF_8)); }
                    case 5 -> { if (!model.isEmpty()) assertEquals(model.remove(model.size() - 1), new String(l.popBack(), StandardCharsets.UTF_8)); }
                    case 6 -> { if (!model.isEmpty()) { int i = rnd.nextInt(model.size()); l.set(i, b(v)); model.set(i, v); } }
                    case 7 -> { int i = rnd.nextInt(model.size() + 1); l.insert(i, b(v)); model.add(i, v); }
                    case 8 -> { if (!model.isEmpty()) { int i = rnd.nextInt(model.size()); assertEquals(model.get(i), new String(l.get(i), StandardCharsets.UTF_8)); } }
                    default -> {
                        if (!model.isEmpty() && rnd.nextInt(20) == 0) {
                            int s = rnd.nextInt(model.size());
                            int e = s + rnd.nextInt(model.size() - s);
                            l.trim(s, e);
                            model = new ArrayList<>(model.subList(s, e + 1));
                        }
                    }
                }
                assertEquals(model.size(), l.size());
            }
            assertEquals(model, contents(l));
            assertEquals(model, reversed(l));
            assertEquals(model, contents(l.copy()));
        }
    }

    @Test
    void removesMatchesFromEitherEnd() {
        ListValue l = new ListValue();
        for (String s : List.of("a", "b", "a", "c", "a")) {
            l.pushBack(b(s));
        }
        ListValue c = l.copy();
        assertEquals(2, l.remove(b("a"), 0, 1, 2, false));
        assertEquals(List.of("b", "c", "a"), contents(l));
        assertEquals(2, c.remove(b("a"), 0, 1, 2, true));
        assertEquals(List.of("a", "b", "c"), contents(c));
        assertEquals(0, c.remove(b("z"), 0, 1, 0, false));
        assertEquals(1, c.remove(b("a"), 0, 1, 0, false));
    }
}
