package io.jredis.domain.keyspace;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a key remembers of its use, in the one int per key that Redis calls the object's lru
 * field: under an LRU (or no) policy the second of its last access; under an LFU policy, as
 * Redis's LFU, the minute of its last decrement in the high 16 bits and an 8-bit logarithmic
 * access counter in the low 8 bits. Shared by every database of a keyspace; switching policy at
 * run time does not convert stamps (Redis neither: they adapt as keys are used).
 */
public final class KeyAccess {

    /** Redis's LFU_INIT_VAL: the counter of a new key, so that it is not evicted at once. */
    public static final int LFU_INIT_VAL = 5;

    private boolean lfu;
    private int logFactor = 10;
    private int decayMinutes = 1;
    private RandomGenerator random = new SplittableRandom();

    /** Switches between LRU stamps and LFU counters (an LFU maxmemory-policy). */
    public void setLfu(boolean lfu) {
        this.lfu = lfu;
    }

    public boolean lfu() {
        return lfu;
    }

    /** lfu-log-factor and lfu-decay-time. */
    public void setLfuParameters(int logFactor, int decayMinutes) {
        this.logFactor = logFactor;
        this.decayMinutes = decayMinutes;
    }

    /** The source of the counter's coin flips (seeded in tests). */
    public void setRandom(RandomGenerator random) {
        this.random = random;
    }

    /** The stamp of a key created now. */
    int created(long now) {
        return lfu ? minutes(now) << 8 | LFU_INIT_VAL : (int) (now / 1000);
    }

    /** The stamp of a key read or written now, from its previous stamp (Redis's updateLFU). */
    int touched(int stamp, long now) {
        if (!lfu) {
            return (int) (now / 1000);
        }
        int counter = logIncrement(decayed(stamp, now));
        return minutes(now) << 8 | counter;
    }

    /** The counter after the decay of the minutes passed since the stamp (LFUDecrAndReturn). */
    public int decayed(int stamp, long now) {
        int last = stamp >>> 8 & 0xFFFF;
        int counter = stamp & 0xFF;
        int nowMin = minutes(now);
        long elapsed = nowMin >= last ? nowMin - last : 65535 - last + nowMin;
        long periods = decayMinutes == 0 ? 0 : elapsed / decayMinutes;
        return periods == 0 ? counter : periods > counter ? 0 : (int) (counter - periods);
    }

    /** LFULogIncr: the more a counter has, the less likely one more access adds to it. */
    private int logIncrement(int counter) {
        if (counter == 255) {
            return 255;
        }
        double r = random.nextDouble();
        double base = Math.max(0, counter - LFU_INIT_VAL);
        double p = 1.0 / (base * logFactor + 1);
        return r < p ? counter + 1 : counter;
    }

    private static int minutes(long now) {
        return (int) (now / 1000 / 60) & 0xFFFF;
    }
}
