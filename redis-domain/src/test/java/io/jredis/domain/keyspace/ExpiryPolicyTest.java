package io.jredis.domain.keyspace;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replica's databases hide (clients) or keep (its master's stream) keys past their time. */
class ExpiryPolicyTest {

    private static final long NOW = 1_700_000_000_000L;

    private final List<String> expired = new ArrayList<>();
    private final Keyspace keyspace = new Keyspace(2, (db, key) -> expired.add(new String(key, StandardCharsets.UTF_8)));
    private final Database db = keyspace.db(0);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hiddenKeysLookMissingButStayStored() {
        keyspace.setExpiryPolicy(ExpiryPolicy.HIDE);
        db.put(b("k"), b("v"), NOW + 10, NOW);
        assertNull(db.get(b("k"), NOW + 10));
        assertEquals(-1, db.expireAt(b("k"), NOW + 10));
        assertEquals(1, db.size());
        assertTrue(db.stored(b("k")));
        assertTrue(expired.isEmpty());
        List<byte[]> scanned = new ArrayList<>();
        db.scan(0, 10, NOW + 10, scanned::add);
        assertTrue(scanned.isEmpty());
        assertEquals(1, db.size());
        assertEquals(0, keyspace.activeExpireCycle(NOW + 10, 400));
        assertEquals(1, db.size());
    }

    @Test
    void keptKeysAreStillThereForTheMastersCommands() {
        db.put(b("k"), b("v"), NOW + 10, NOW);
        keyspace.setExpiryPolicy(ExpiryPolicy.KEEP);
        assertArrayEquals(b("v"), (byte[]) db.get(b("k"), NOW + 20));
        assertEquals(NOW + 10, db.expireAt(b("k"), NOW + 20));
        // an overwrite keeping the time to live, as SET KEEPTTL from the master
        db.put(b("k"), b("w"), NOW + 10, NOW + 20);
        assertEquals(1, db.size());
        assertTrue(expired.isEmpty());
        keyspace.setExpiryPolicy(ExpiryPolicy.HIDE);
        assertNull(db.get(b("k"), NOW + 20));
    }

    @Test
    void aWriteOnAWritableReplicaReplacesAHiddenKey() {
        keyspace.setExpiryPolicy(ExpiryPolicy.HIDE);
        db.put(b("k"), b("v"), NOW + 10, NOW);
        db.put(b("k"), b("new"), Database.NO_EXPIRY, NOW + 20);
        assertArrayEquals(b("new"), (byte[]) db.get(b("k"), NOW + 20));
        assertEquals(1, db.size());
    }

    @Test
    void randomKeyOnAFullyExpiredReplicaDatabaseEnds() {
        keyspace.setExpiryPolicy(ExpiryPolicy.HIDE);
        db.put(b("a"), b("v"), NOW + 10, NOW);
        db.put(b("b"), b("v"), NOW + 10, NOW);
        byte[] k = db.randomKey(new SplittableRandom(1), NOW + 20);
        assertTrue(k != null && (k[0] == 'a' || k[0] == 'b'));
        assertEquals(2, db.size());
    }

    @Test
    void aMasterReclaimsAgain() {
        keyspace.setExpiryPolicy(ExpiryPolicy.HIDE);
        db.put(b("k"), b("v"), NOW + 10, NOW);
        assertNull(db.get(b("k"), NOW + 20));
        keyspace.setExpiryPolicy(ExpiryPolicy.RECLAIM);
        assertNull(db.get(b("k"), NOW + 20));
        assertEquals(0, db.size());
        assertEquals(List.of("k"), expired);
    }
}
