package io.jredis.domain.keyspace;

import io.jredis.domain.value.Footprint;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimate against redis-server 7.0.15's MEMORY USAGE (jemalloc, x86-64) for the same data. */
class MemoryAccountingTest {

    private static final long NOW = 1_700_000_000_000L;
    private final Database db = new Database(0, (id, key) -> { });

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long usage(String key) {
        return db.memoryUsage(b(key), Footprint.DEFAULT_SAMPLES);
    }

    @Test
    void stringsAsRedisMeasuresThem() {
        db.put(b("s1"), b("a"), NOW);
        db.put(b("s44"), b("x".repeat(44)), NOW);
        db.put(b("s100"), b("x".repeat(100)), NOW);
        db.put(b("s1000"), b("x".repeat(1000)), NOW);
        db.put(b("i1"), b("12345"), NOW);
        assertEquals(64, usage("s1"));
        assertEquals(96, usage("s44"));
        assertEquals(160, usage("s100"));
        assertEquals(1072, usage("s1000"));
        assertEquals(48, usage("i1"));
        assertEquals(-1, usage("missing"));
    }

    @Test
    void containersAsRedisMeasuresThem() {
        ListValue l = new ListValue();
        HashValue h = new HashValue();
        SetValue ints = new SetValue();
        SortedSet z = new SortedSet();
        for (int i = 0; i < 100; i++) {
            l.pushBack(b("v" + i));
            h.put(b("f" + i), b("v" + i));
            ints.add(b(Integer.toString(i)));
            z.put(b("m" + i), i);
        }
        db.put(b("l100"), l, NOW);
        db.put(b("h100"), h, NOW);
        db.put(b("si100"), ints, NOW);
        db.put(b("z100"), z, NOW);
        assertEquals(640, usage("l100"));
        assertEquals(1072, usage("h100"));
        assertEquals(272, usage("si100"));
        assertEquals(816, usage("z100"));
    }

    @Test
    void theDatabaseTotalFollowsEveryChange() {
        long empty = db.usedBytes();
        db.put(b("k"), b("x".repeat(100)), NOW);
        long one = db.usedBytes();
        assertEquals(Footprint.storedKey(1) + 128, one - empty);
        assertEquals(Footprint.key(1) + 8 + 128, one - empty, "used_memory counts the dictEntry as allocated: 32, not 24");
        ListValue l = new ListValue();
        db.put(b("l"), l, NOW);
        long withEmptyList = db.usedBytes();
        l.pushBack(b("x".repeat(100)));
        assertEquals(withEmptyList, db.usedBytes(), "an in-place change counts once recharged");
        db.recharge(b("l"), 0, 1);
        assertTrue(db.usedBytes() > withEmptyList);
        long before = db.usedBytes();
        db.setExpire(b("k"), NOW + 1000, NOW);
        assertEquals(Footprint.DICT_ENTRY_ALLOCATED, db.usedBytes() - before, "a time to live adds an expires entry");
        db.remove(b("l"), NOW);
        assertEquals(one + Footprint.DICT_ENTRY_ALLOCATED, db.usedBytes(), "the expires entry of k");
        db.expireSample(10, NOW + 2000);
        assertEquals(empty, db.usedBytes(), "an expired key is uncharged");
        db.put(b("a"), b("1"), NOW);
        db.clear();
        assertEquals(empty, db.usedBytes());
    }

    @Test
    void lfuCounterGrowsLogarithmicallyAndDecaysPerMinute() {
        KeyAccess access = new KeyAccess();
        access.setLfu(true);
        access.setRandom(new SplittableRandom(7));
        int stamp = access.created(NOW);
        assertEquals(KeyAccess.LFU_INIT_VAL, access.decayed(stamp, NOW));
        stamp = access.touched(stamp, NOW);
        assertEquals(6, access.decayed(stamp, NOW), "at or under LFU_INIT_VAL every access counts");
        for (int i = 0; i < 1000; i++) {
            stamp = access.touched(stamp, NOW);
        }
        int counter = access.decayed(stamp, NOW);
        assertTrue(counter > 10 && counter < 40, "log factor 10: a thousand hits give a counter in the tens, not " + counter);
        assertEquals(counter - 3, access.decayed(stamp, NOW + 3 * 60_000), "lfu-decay-time 1: one per idle minute");
        access.setLfuParameters(10, 0);
        assertEquals(counter, access.decayed(stamp, NOW + 3 * 60_000), "lfu-decay-time 0: never decays");
        access.setLfuParameters(0, 1);
        int saturated = stamp;
        for (int i = 0; i < 300; i++) {
            saturated = access.touched(saturated, NOW);
        }
        assertEquals(255, access.decayed(saturated, NOW), "log factor 0: every hit counts, up to 255");
    }
}
