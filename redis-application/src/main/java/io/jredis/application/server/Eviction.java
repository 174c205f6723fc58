package io.jredis.application.server;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.KeyAccess;
import io.jredis.domain.keyspace.Keyspace;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Keeps the estimated memory ({@link Keyspace#usedBytes()}) under {@code maxmemory} as Redis
 * 7.0's performEvictions does: before a command runs, keys are evicted by the policy until the
 * estimate is under the limit, or no key can go (the command may then be refused with OOM), or
 * the time the tenacity allows is spent (the rest is done by the cron).
 *
 * <p>The LRU, LFU and TTL policies use Redis's approximation: {@code maxmemory-samples} keys of
 * each database go into a pool of the 16 best candidates seen, and the best of the pool is
 * evicted. The random policies pick a key of the next database in turn. Every evicted key is
 * propagated as DEL, counted in evicted_keys and ends WATCHes on it. A replica never evicts: it
 * follows its master (replica-ignore-maxmemory yes).
 */
public final class Eviction {

    /** What an eviction pass achieved. */
    public enum Result {
        /** Under the limit (or no limit): commands run. */
        OK,
        /** Over the limit but the time ran out; the cron goes on. Commands still run, as in Redis. */
        RUNNING,
        /** Over the limit and nothing more can be evicted: commands that add data get OOM. */
        FAIL
    }

    /**
     * What the empty server counts for: redis-server 7.0.15's used_memory_startup on x86-64, so
     * that a maxmemory fits as much data as it would in Redis.
     */
    public static final long STARTUP = 876_288;

    /** Redis's EVPOOL_SIZE. */
    private static final int POOL_SIZE = 16;
    private static final byte[] DEL = {'D', 'E', 'L'};

    private final ServerState server;
    private RandomGenerator random = new SplittableRandom();
    private final byte[][] poolKeys = new byte[POOL_SIZE][];
    private final long[] poolIdle = new long[POOL_SIZE];
    private final int[] poolDb = new int[POOL_SIZE];
    /** The database the random policies take from next. */
    private int nextDb;
    /** A pass stopped for time while still over the limit: the cron continues it. */
    private boolean pending;
    private long sampleNow;
    private int sampleDb;
    private long peak;

    Eviction(ServerState server) {
        this.server = server;
    }

    /** Seeds the sampling (tests), and the LFU counter's coin flips with it. */
    public void setRandom(RandomGenerator random) {
        this.random = random;
        server.keyspace().access().setRandom(random);
    }

    /**
     * maxmemory, the policy or the LFU parameters changed: keys record LRU or LFU use from now on,
     * and a lowered limit evicts at once (CONFIG SET).
     */
    public void reconfigure() {
        applyAccessMode();
        if (server.config().maxmemory != 0) {
            perform();
        }
    }

    /** Applies the policy's kind of access stamp to the keyspace (start-up and CONFIG SET). */
    public void applyAccessMode() {
        ServerConfig c = server.config();
        KeyAccess access = server.keyspace().access();
        access.setLfu(c.maxmemoryPolicy.endsWith("-lfu"));
        access.setLfuParameters(c.lfuLogFactor, c.lfuDecayTime);
    }

    /** True when a pass stopped for time while over the limit. */
    public boolean pending() {
        return pending;
    }

    /**
     * The estimate eviction compares with maxmemory, INFO's used_memory: {@link #STARTUP} plus
     * the keyspace's estimate ({@link Keyspace#usedBytes()}). Client buffers, the replication
     * backlog and the AOF buffer are not in it (Redis leaves the last two out of the comparison too).
     */
    public long usedMemory() {
        long used = STARTUP + server.keyspace().usedBytes();
        if (used > peak) {
            peak = used;
        }
        return used;
    }

    /** used_memory_peak: the highest {@link #usedMemory()} seen (every command samples it under maxmemory). */
    public long peak() {
        return Math.max(peak, usedMemory());
    }

    /** used_memory_overhead: the startup figure and the main and expires dicts (entries and buckets). */
    public long overhead() {
        long total = STARTUP;
        Keyspace ks = server.keyspace();
        for (int i = 0; i < ks.count(); i++) {
            Database db = ks.db(i);
            total += hashtableOverhead(db) + expiresOverhead(db);
        }
        return total;
    }

    /** MEMORY STATS' overhead.hashtable.main of a database. */
    public static long hashtableOverhead(Database db) {
        return db.size() == 0 ? 0 : (long) db.size() * io.jredis.domain.value.Footprint.DICT_ENTRY_ALLOCATED + 8L * db.buckets();
    }

    /** MEMORY STATS' overhead.hashtable.expires of a database. */
    public static long expiresOverhead(Database db) {
        return (long) db.volatileCount() * io.jredis.domain.value.Footprint.DICT_ENTRY_ALLOCATED;
    }

    /** Whether the last command's eviction left memory over the limit (Redis's pre_command_oom_state). */
    private boolean preCommandOom;

    /**
     * Redis's pre_command_oom_state: a script that has not written yet is refused its first
     * command that may grow the data when its EVAL started over the limit.
     */
    public boolean preCommandOom() {
        return preCommandOom;
    }

    /** {@link #perform()} before a command, remembering whether it left memory over the limit. */
    public Result performBeforeCommand() {
        Result r = perform();
        preCommandOom = r == Result.FAIL;
        return r;
    }

    /** Redis's performEvictions. */
    public Result perform() {
        long max = server.config().maxmemory;
        pending = false;
        if (max == 0 || server.masterLink().replicating()) {
            return Result.OK;
        }
        long used = usedMemory();
        if (used <= max) {
            return Result.OK;
        }
        String policy = server.config().maxmemoryPolicy;
        if (policy.equals("noeviction")) {
            return Result.FAIL;
        }
        long start = server.clock().nanos();
        long limit = timeLimitNanos(server.config().maxmemoryEvictionTenacity);
        long now = server.clock().millis();
        int freed = 0;
        while (usedMemory() > max) {
            int db = policy.endsWith("-random") ? pickRandom(policy.startsWith("volatile")) : pickFromPool(policy, now);
            if (db < 0) {
                return Result.FAIL;
            }
            freed++;
            if (freed % 16 == 0 && server.clock().nanos() - start > limit) {
                if (usedMemory() > max) {
                    pending = true;
                    return Result.RUNNING;
                }
            }
        }
        return Result.OK;
    }

    /** Redis's evictionTimeLimitUs, in nanoseconds: 50 µs per step up to 10, then growing 15 % a step. */
    static long timeLimitNanos(int tenacity) {
        if (tenacity <= 10) {
            return 50_000L * tenacity;
        }
        if (tenacity < 100) {
            return (long) (500_000.0 * Math.pow(1.15, tenacity - 10));
        }
        return Long.MAX_VALUE;
    }

    /** Evicts a random key of the next database that has one; returns its database or -1. */
    private int pickRandom(boolean volatileOnly) {
        Keyspace ks = server.keyspace();
        for (int i = 0; i < ks.count(); i++) {
            int dbid = nextDb;
            nextDb = (nextDb + 1) % ks.count();
            byte[] key = ks.db(dbid).randomStoredKey(random, volatileOnly);
            if (key != null) {
                evict(dbid, key);
                return dbid;
            }
        }
        return -1;
    }

    /** Fills the pool from every database and evicts its best live candidate; returns its database or -1. */
    private int pickFromPool(String policy, long now) {
        boolean volatileOnly = policy.startsWith("volatile");
        Keyspace ks = server.keyspace();
        int samples = server.config().maxmemorySamples;
        while (true) {
            long total = 0;
            for (int i = 0; i < ks.count(); i++) {
                Database db = ks.db(i);
                int keys = volatileOnly ? db.volatileCount() : db.size();
                if (keys == 0) {
                    continue;
                }
                total += keys;
                sampleNow = now;
                sampleDb = i;
                db.sample(random, samples, volatileOnly, this::offer);
            }
            if (total == 0) {
                return -1;
            }
            for (int k = POOL_SIZE - 1; k >= 0; k--) {
                byte[] key = poolKeys[k];
                if (key == null) {
                    continue;
                }
                int dbid = poolDb[k];
                poolKeys[k] = null;
                Database db = ks.db(dbid);
                // a ghost: deleted, or its expiry gone under a volatile policy, since it was pooled
                if (db.stored(key) && (!volatileOnly || db.expireAt(key, Long.MIN_VALUE) != Database.NO_EXPIRY)) {
                    evict(dbid, key);
                    return dbid;
                }
            }
        }
    }

    /** Puts a sampled key in the pool if it beats what is there (Redis's evictionPoolPopulate). */
    private void offer(byte[] key, int accessed, long expireAt) {
        long idle = idle(accessed, expireAt);
        for (int j = 0; j < POOL_SIZE; j++) {
            if (poolKeys[j] != null && poolDb[j] == sampleDb && java.util.Arrays.equals(poolKeys[j], key)) {
                return; // already pooled
            }
        }
        int k = 0;
        while (k < POOL_SIZE && poolKeys[k] != null && poolIdle[k] < idle) {
            k++;
        }
        if (k == 0 && poolKeys[POOL_SIZE - 1] != null) {
            return; // worse than every pooled key, and the pool is full
        }
        if (k < POOL_SIZE && poolKeys[k] == null) {
            // an empty slot: insert here
        } else if (poolKeys[POOL_SIZE - 1] == null) {
            // room at the right: shift the better ones right
            System.arraycopy(poolKeys, k, poolKeys, k + 1, POOL_SIZE - k - 1);
            System.arraycopy(poolIdle, k, poolIdle, k + 1, POOL_SIZE - k - 1);
            System.arraycopy(poolDb, k, poolDb, k + 1, POOL_SIZE - k - 1);
        } else {
            // full: drop the worst (leftmost) and shift the ones before k left
            k--;
            System.arraycopy(poolKeys, 1, poolKeys, 0, k);
            System.arraycopy(poolIdle, 1, poolIdle, 0, k);
            System.arraycopy(poolDb, 1, poolDb, 0, k);
        }
        poolKeys[k] = key;
        poolIdle[k] = idle;
        poolDb[k] = sampleDb;
    }

    /** The pool's ranking: larger is a better candidate. */
    private long idle(int accessed, long expireAt) {
        String policy = server.config().maxmemoryPolicy;
        if (policy.endsWith("-lru")) {
            return sampleNow / 1000 - (accessed & 0xFFFFFFFFL);
        }
        if (policy.endsWith("-lfu")) {
            return 255 - server.keyspace().access().decayed(accessed, sampleNow);
        }
        return Long.MAX_VALUE - expireAt; // volatile-ttl: the nearest expiry first
    }

    /** Removes a key as Redis evicts it: counted, an "evicted" event, watchers told, propagated as DEL. */
    private void evict(int dbid, byte[] key) {
        server.keyspace().db(dbid).evict(key);
        server.stats().evictedKeys++;
        server.keyspaceEvents().notify(KeyspaceEvents.EVICTED, "evicted", dbid, key);
        server.watchedKeys().touch(dbid, key);
        if (server.writeLog().active()) {
            server.propagation().append(dbid, List.of(DEL, key));
        }
    }
}
