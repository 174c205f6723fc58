package io.jredis.domain.keyspace;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A million short-lived keys nobody touches again are reclaimed by the active cycle alone. */
class ActiveExpiryReclaimTest {

    @Test
    void millionExpiredKeysAreRemovedAndTheirMemoryReleased() {
        AtomicLong expiredEvents = new AtomicLong();
        Keyspace keyspace = new Keyspace(16, (db, key) -> expiredEvents.incrementAndGet());
        Database db = keyspace.db(0);
        long now = 1_000_000L;
        int n = 1_000_000;
        Object[] sampleValues = new Object[3];
        for (int i = 0; i < n; i++) {
            byte[] value = new byte[] {'v', (byte) i};
            db.put(("key:" + i).getBytes(), value, now + 1000, now);
            if (i % 400_000 == 0) {
                sampleValues[i / 400_000] = value;
            }
        }
        db.put("stays".getBytes(), new byte[] {1}, now);
        int grownBuckets = db.buckets();
        assertEquals(n + 1, db.size());
        WeakReference<?>[] refs = new WeakReference<?>[3];
        for (int i = 0; i < 3; i++) {
            refs[i] = new WeakReference<>(sampleValues[i]);
        }
        sampleValues = null;

        long later = now + 1001;
        int cycles = 0;
        while (db.size() > 1 && cycles < 100_000) {
            keyspace.activeExpireCycle(later, 4000);
            cycles++;
        }
        assertEquals(1, db.size(), "only the key without a TTL is left");
        assertEquals(n, expiredEvents.get(), "every expiry was reported (for DEL propagation and WATCH)");
        assertEquals(0, db.volatileCount());
        assertTrue(db.buckets() < grownBuckets / 100, "the table shrank from " + grownBuckets + " to " + db.buckets());

        for (int attempt = 0; attempt < 20 && anyAlive(refs); attempt++) {
            System.gc();
        }
        assertTrue(!anyAlive(refs), "expired values are no longer reachable");
    }

    private static boolean anyAlive(WeakReference<?>[] refs) {
        for (WeakReference<?> r : refs) {
            if (r.get() != null) {
                return true;
            }
        }
        return false;
    }
}
