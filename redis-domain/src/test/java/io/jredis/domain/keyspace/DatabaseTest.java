package io.jredis.domain.keyspace;

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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    private static final long NOW = 1_700_000_000_000L;

    private final List<String> expired = new ArrayList<>();
    private final KeyspaceListener listener = (db, key) -> expired.add(db + ":" + s(key));
    private final Database db = new Database(3, listener);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void putGetRemove() {
        Object v = b("v");
        db.put(b("k"), v, NOW);
        assertSame(v, db.get(b("k"), NOW));
        assertEquals(1, db.size());
        Object v2 = b("v2");
        db.put(b("k"), v2, NOW);
        assertSame(v2, db.get(b("k"), NOW));
        assertEquals(1, db.size());
        assertSame(v2, db.remove(b("k"), NOW));
        assertNull(db.get(b("k"), NOW));
        assertNull(db.remove(b("k"), NOW));
        assertEquals(0, db.size());
    }

    @Test
    void sliceLookupsAndPutsCopyTheKey() {
        byte[] buf = b("xxkeyyy");
        db.put(buf, 2, 3, b("v"), Database.NO_EXPIRY, NOW);
        buf[2] = 'Z';
        assertTrue(db.contains(b("key"), NOW), "the stored key must not alias the argument buffer");
        assertEquals("v", s((byte[]) db.get(b("..key"), 2, 3, NOW)));
    }

    @Test
    void lazyExpiryRemovesOnAccessAndTellsTheListener() {
        db.put(b("k"), b("v"), NOW + 100, NOW);
        assertEquals(1, db.volatileCount());
        assertEquals(NOW + 100, db.expireAt(b("k"), NOW));
        assertTrue(db.contains(b("k"), NOW + 99));
        assertNull(db.get(b("k"), NOW + 100));
        assertEquals(List.of("3:k"), expired);
        assertEquals(0, db.size());
        assertEquals(0, db.volatileCount());
        assertEquals(1, db.expiredCount());
    }

    @Test
    void writingOverAnExpiredKeyExpiresItFirst() {
        db.put(b("k"), b("old"), NOW + 10, NOW);
        db.put(b("k"), b("new"), NOW + 10);
        assertEquals(List.of("3:k"), expired);
        assertEquals(1, db.expiredCount());
        assertEquals(1, db.size());
        assertEquals(0, db.volatileCount());
        assertEquals("new", s((byte[]) db.get(b("k"), NOW + 10)));
        assertEquals(Database.NO_EXPIRY, db.expireAt(b("k"), NOW + 10));
    }

    @Test
    void overwritingWithoutExpiryClearsTheTtl() {
        db.put(b("k"), b("v"), NOW + 100, NOW);
        db.put(b("k"), b("w"), NOW);
        assertEquals(Database.NO_EXPIRY, db.expireAt(b("k"), NOW));
        assertEquals(0, db.volatileCount());
        assertTrue(db.contains(b("k"), NOW + 1000));
    }

    @Test
    void setExpireAndPersist() {
        assertFalse(db.setExpire(b("nope"), NOW + 5, NOW));
        db.put(b("k"), b("v"), NOW);
        assertFalse(db.persist(b("k"), NOW));
        assertTrue(db.setExpire(b("k"), NOW + 50, NOW));
        assertEquals(NOW + 50, db.expireAt(b("k"), NOW));
        assertTrue(db.setExpire(b("k"), NOW + 70, NOW));
        assertEquals(NOW + 70, db.expireAt(b("k"), NOW));
        assertEquals(1, db.volatileCount());
        assertTrue(db.persist(b("k"), NOW));
        assertEquals(0, db.volatileCount());
        assertEquals(Database.NO_EXPIRY, db.expireAt(b("k"), NOW));
        assertTrue(db.contains(b("k"), NOW + 100));
    }

    @Test
    void setExpireKeepsTheAccessTime() {
        db.put(b("k"), b("v"), NOW);
        assertTrue(db.setExpire(b("k"), NOW + 100_000, NOW + 30_000));
        assertEquals(30, db.idleSeconds(b("k"), NOW + 30_000));
    }

    @Test
    void replaceKeepsTtl() {
        db.put(b("k"), b("v"), NOW + 100, NOW);
        assertTrue(db.replace(b("k"), b("w"), NOW));
        assertEquals(NOW + 100, db.expireAt(b("k"), NOW));
        assertFalse(db.replace(b("missing"), b("w"), NOW));
    }

    @Test
    void idleTimeCountsFromLastAccessAndPeekDoesNotTouch() {
        db.put(b("k"), b("v"), NOW);
        assertEquals(10, db.idleSeconds(b("k"), NOW + 10_000));
        db.peek(b("k"), NOW + 10_000);
        assertEquals(10, db.idleSeconds(b("k"), NOW + 10_000));
        db.get(b("k"), NOW + 10_000);
        assertEquals(0, db.idleSeconds(b("k"), NOW + 10_000));
        assertEquals(-1, db.idleSeconds(b("missing"), NOW));
    }

    @Test
    void moveKeepsValueTtlAndAccessTimeAndReplacesTheTarget() {
        Database other = new Database(4, listener);
        Object v = b("v");
        db.put(b("a"), v, NOW + 5000, NOW);
        other.put(b("b"), b("old"), NOW + 1, NOW);
        assertTrue(db.move(b("a"), other, b("b"), NOW + 2000));
        assertFalse(db.contains(b("a"), NOW));
        assertEquals(0, db.volatileCount());
        assertSame(v, other.get(b("b"), NOW + 2000));
        assertEquals(NOW + 5000, other.expireAt(b("b"), NOW + 2000));
        assertEquals(1, other.volatileCount());
        assertEquals(1, other.size());
        assertFalse(db.move(b("a"), other, b("c"), NOW));

        db.put(b("x"), b("1"), NOW);
        assertTrue(db.move(b("x"), db, b("y"), NOW + 7000));
        assertEquals(7, db.idleSeconds(b("y"), NOW + 7000));
        assertEquals(1, db.size());
    }

    @Test
    void storedSeesExpiredKeysWithoutReclaimingThem() {
        db.put(b("k"), b("v"), NOW + 10, NOW);
        assertTrue(db.stored(b("k")));
        assertFalse(db.storedExpired(b("k"), NOW));
        assertTrue(db.storedExpired(b("k"), NOW + 10));
        assertTrue(db.stored(b("k")));
        assertEquals(1, db.size());
        assertTrue(expired.isEmpty());
        assertFalse(db.stored(b("nope")));
    }

    @Test
    void activeExpirySamplesAndRemovesOnlyExpiredKeys() {
        for (int i = 0; i < 100; i++) {
            db.put(b("e" + i), b("v"), NOW + 10, NOW);
            db.put(b("l" + i), b("v"), NOW + 1_000_000, NOW);
            db.put(b("p" + i), b("v"), NOW);
        }
        int removed = 0;
        for (int round = 0; round < 50; round++) {
            removed += db.expireSample(20, NOW + 10);
        }
        assertEquals(100, removed);
        assertEquals(200, db.size());
        assertEquals(100, db.volatileCount());
        assertEquals(100, expired.size());
        assertTrue(db.contains(b("l5"), NOW + 10));
        assertEquals(0, db.expireSample(20, NOW + 10));
    }

    @Test
    void keyspaceCycleReachesEveryDatabaseAndShrinksTables() {
        Keyspace ks = new Keyspace(4, listener);
        for (int d = 0; d < 4; d++) {
            for (int i = 0; i < 500; i++) {
                ks.db(d).put(b("k" + i), b("v"), NOW + 1, NOW);
            }
        }
        int removed = 0;
        for (int i = 0; i < 100 && ks.totalKeys() > 0; i++) {
            removed += ks.activeExpireCycle(NOW + 1, 400);
        }
        assertEquals(2000, removed);
        assertEquals(0, ks.totalKeys());
        assertEquals(2000, ks.totalExpired());
    }

    @Test
    void swapExchangesKeysAndExpiries() {
        Keyspace ks = new Keyspace(2, listener);
        ks.db(0).put(b("a"), b("1"), NOW + 100, NOW);
        ks.db(1).put(b("b"), b("2"), NOW);
        ks.swap(0, 1);
        assertTrue(ks.db(0).contains(b("b"), NOW));
        assertFalse(ks.db(0).contains(b("a"), NOW));
        assertEquals(NOW + 100, ks.db(1).expireAt(b("a"), NOW));
        assertEquals(1, ks.db(1).volatileCount());
        assertEquals(0, ks.db(0).volatileCount());
        // The expiry cycle must find the swapped volatile key in its new database.
        assertEquals(1, ks.db(1).expireSample(20, NOW + 100));
        assertEquals(List.of("1:a"), expired);
    }

    @Test
    void randomKeyReturnsLiveKeysAndReclaimsExpiredOnes() {
        SplittableRandom r = new SplittableRandom(7);
        assertNull(db.randomKey(r, NOW));
        for (int i = 0; i < 300; i++) {
            db.put(b("e" + i), b("v"), NOW + 1, NOW);
        }
        db.put(b("live"), b("v"), NOW);
        assertArrayEquals(b("live"), db.randomKey(r, NOW + 1));
        assertNull(new Database(0, listener).randomKey(r, NOW));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            db.put(b("x" + i), b("v"), NOW);
        }
        for (int i = 0; i < 2000; i++) {
            seen.add(s(db.randomKey(r, NOW + 1)));
        }
        assertEquals(21, seen.size(), "every key can be drawn");
    }

    @Test
    void randomKeyOfOnlyExpiredKeysIsNull() {
        for (int i = 0; i < 500; i++) {
            db.put(b("e" + i), b("v"), NOW + 1, NOW);
        }
        assertNull(db.randomKey(new SplittableRandom(1), NOW + 1));
        assertEquals(0, db.size());
    }

    @Test
    void clearEmptiesEverything() {
        db.put(b("a"), b("1"), NOW + 5, NOW);
        db.put(b("b"), b("1"), NOW);
        db.clear();
        assertEquals(0, db.size());
        assertEquals(0, db.volatileCount());
        assertNull(db.get(b("a"), NOW));
        assertEquals(0, db.expireSample(20, NOW + 10));
    }

    @Test
    void forEachSkipsExpiredKeys() {
        db.put(b("a"), b("1"), NOW + 5, NOW);
        db.put(b("b"), b("1"), NOW);
        List<String> keys = new ArrayList<>();
        db.forEach(NOW + 5, (k, v, exp) -> keys.add(s(k)));
        assertEquals(List.of("b"), keys);
    }

    // ------------------------------------------------------------ SCAN guarantees

    private Set<String> scanAll(int count, Runnable betweenCalls) {
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int calls = 0;
        do {
            cursor = db.scan(cursor, count, NOW, k -> seen.add(s(k)));
            if (cursor != 0 && betweenCalls != null) {
                betweenCalls.run();
            }
            assertTrue(++calls < 1_000_000, "scan must end");
        } while (cursor != 0);
        return seen;
    }

    @Test
    void scanOfEmptyDatabaseEndsAtOnce() {
        assertEquals(0, db.scan(0, 10, NOW, k -> { throw new AssertionError(); }));
    }

    @Test
    void scanReturnsEveryKeyOfAStableTable() {
        for (int i = 0; i < 1000; i++) {
            db.put(b("k" + i), b("v"), NOW);
        }
        Set<String> seen = scanAll(10, null);
        assertEquals(1000, seen.size());
    }

    @Test
    void scanReturnsEveryKeyPresentThroughoutWhileTheTableGrows() {
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            db.put(b("s" + i), b("v"), NOW);
            stable.add("s" + i);
        }
        int[] added = {0};
        Set<String> seen = scanAll(3, () -> {
            // Grow hard early on, then let the scan finish.
            for (int i = 0; i < 40 && added[0] < 2000; i++) {
                db.put(b("g" + added[0]++), b("v"), NOW);
            }
        });
        assertTrue(added[0] > 100, "the table grew several times during the scan");
        assertTrue(seen.containsAll(stable), () -> "missing " + missing(stable, seen));
    }

    @Test
    void scanReturnsEveryKeyPresentThroughoutWhileTheTableShrinks() {
        Set<String> stable = new HashSet<>();
        List<byte[]> transient_ = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            db.put(b("t" + i), b("v"), NOW);
            transient_.add(b("t" + i));
        }
        for (int i = 0; i < 30; i++) {
            db.put(b("s" + i), b("v"), NOW);
            stable.add("s" + i);
        }
        int[] next = {0};
        Set<String> seen = scanAll(2, () -> {
            for (int i = 0; i < 400 && next[0] < transient_.size(); i++) {
                db.remove(transient_.get(next[0]++), NOW);
            }
            db.shrinkIfSparse();
        });
        assertEquals(transient_.size(), next[0], "the table shrank during the scan");
        assertTrue(seen.containsAll(stable), () -> "missing " + missing(stable, seen));
    }

    @Test
    void scanSurvivesGrowAndShrinkInTurn() {
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            db.put(b("s" + i), b("v"), NOW);
            stable.add("s" + i);
        }
        SplittableRandom r = new SplittableRandom(42);
        List<byte[]> extra = new ArrayList<>();
        Set<String> seen = scanAll(1, () -> {
            if (r.nextBoolean()) {
                for (int i = 0; i < 300; i++) {
                    byte[] k = b("x" + r.nextInt());
                    extra.add(k);
                    db.put(k, b("v"), NOW);
                }
            } else {
                for (byte[] k : extra) {
                    db.remove(k, NOW);
                }
                extra.clear();
                db.shrinkIfSparse();
            }
        });
        assertTrue(seen.containsAll(stable), () -> "missing " + missing(stable, seen));
    }

    @Test
    void scanSkipsAndReclaimsExpiredKeys() {
        db.put(b("gone"), b("v"), NOW, NOW - 1);
        db.put(b("here"), b("v"), NOW);
        Set<String> seen = scanAll(10, null);
        assertEquals(Set.of("here"), seen);
        assertEquals(List.of("3:gone"), expired);
    }

    @Test
    void shrinkKeepsEveryKey() {
        for (int i = 0; i < 5000; i++) {
            db.put(b("k" + i), b("v"), NOW);
        }
        for (int i = 0; i < 4990; i++) {
            db.remove(b("k" + i), NOW);
        }
        db.shrinkIfSparse();
        for (int i = 4990; i < 5000; i++) {
            assertTrue(db.contains(b("k" + i), NOW));
        }
        assertEquals(10, scanAll(100, null).size());
    }

    private static Set<String> missing(Set<String> expected, Set<String> seen) {
        Set<String> m = new HashSet<>(expected);
        m.removeAll(seen);
        return m;
    }
}
