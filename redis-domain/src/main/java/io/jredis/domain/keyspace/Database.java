package io.jredis.domain.keyspace;

import io.jredis.domain.value.Footprint;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One numbered database: a chained hash table from binary keys to values, with per-key expiry.
 *
 * <p>The layout follows Redis's dict: a power-of-two bucket array, so that SCAN can use the
 * reverse-binary cursor and still return every key present for the whole scan across resizes.
 * Keys with a time to live use a subclass of the entry and are also kept in a dense array, so the
 * active expiry cycle samples them in O(1) without a second hash table.
 *
 * <p>Time is never read here: every call that can observe expiry takes {@code now} in unix
 * milliseconds from the caller's clock. Not thread-safe: one thread owns the keyspace.
 */
public final class Database {

    /** Returned by {@link #expireAt} for a key without a time to live. */
    public static final long NO_EXPIRY = -1L;

    private static final int MIN_BUCKETS = 16;

    static class Entry {
        final byte[] key;
        final int hash;
        Object value;
        Entry next;
        /**
         * Last access in seconds of the server's clock (OBJECT IDLETIME, LRU eviction), or under
         * an LFU policy the minute and counter of {@link KeyAccess}.
         */
        int accessed;
        /** Bytes this key is counted for in {@link Database#usedBytes()}: key and value estimate. */
        long charged;

        Entry(byte[] key, int hash, Object value) {
            this.key = key;
            this.hash = hash;
            this.value = value;
        }

        long expireAt() {
            return NO_EXPIRY;
        }
    }

    static final class VolatileEntry extends Entry {
        long expireAt;
        /** Position in {@link Database#volatiles}. */
        int slot;

        VolatileEntry(byte[] key, int hash, Object value, long expireAt) {
            super(key, hash, value);
            this.expireAt = expireAt;
        }

        @Override
        long expireAt() {
            return expireAt;
        }
    }

    private final int id;
    private final KeyspaceListener listener;
    private final KeyAccess access;
    /** Sum of the entries' {@link Entry#charged}. */
    private long used;
    /** The entry a command looked up or wrote last: a write's recharge finds it without hashing. */
    private Entry lastEntry;
    private Entry[] table = new Entry[MIN_BUCKETS];
    private int size;
    private VolatileEntry[] volatiles = new VolatileEntry[16];
    private int volatileCount;
    private long expiredCount;
    private int samplingCursor;
    private ExpiryPolicy policy = ExpiryPolicy.RECLAIM;
    /** The running snapshot walk over these contents, or null: told before any stored entry changes. */
    private SnapshotWalk.Part walk;

    public Database(int id, KeyspaceListener listener) {
        this(id, listener, new KeyAccess());
    }

    public Database(int id, KeyspaceListener listener, KeyAccess access) {
        this.id = id;
        this.listener = listener;
        this.access = access;
    }

    public int id() {
        return id;
    }

    /** How keys past their time are treated from now on (a replica hides or keeps them). */
    public void setExpiryPolicy(ExpiryPolicy policy) {
        this.policy = policy;
    }

    public ExpiryPolicy expiryPolicy() {
        return policy;
    }

    /** Number of keys, including keys whose time has passed but that were not reclaimed yet. */
    public int size() {
        return size;
    }

    /** Size of the bucket array (tests and INFO-like reporting). */
    public int buckets() {
        return table.length;
    }

    /** Number of keys that have a time to live. */
    public int volatileCount() {
        return volatileCount;
    }

    /** Keys removed because their time passed, since start. */
    public long expiredCount() {
        return expiredCount;
    }

    // ---------------------------------------------------------------- lookups

    /** The live value of a key, or null; an expired key is removed first. */
    public Object get(byte[] key, long now) {
        return get(key, 0, key.length, now);
    }

    /** Like {@link #get(byte[], long)} on a key that is a slice of a larger array; copies nothing. */
    public Object get(byte[] buf, int off, int len, long now) {
        Entry e = live(buf, off, len, now);
        if (e == null) {
            return null;
        }
        e.accessed = access.touched(e.accessed, now);
        return e.value;
    }

    /** Like {@link #get(byte[], long)} but does not count as an access (TYPE-like peeks). */
    public Object peek(byte[] key, long now) {
        Entry e = live(key, 0, key.length, now);
        return e == null ? null : e.value;
    }

    /** {@link #peek(byte[], long)} on a key that is a slice of a larger array. */
    public Object peek(byte[] buf, int off, int len, long now) {
        Entry e = live(buf, off, len, now);
        return e == null ? null : e.value;
    }

    /** Expiry of a key given as a slice, or {@link #NO_EXPIRY}. */
    public long expireAt(byte[] buf, int off, int len, long now) {
        Entry e = live(buf, off, len, now);
        return e == null ? NO_EXPIRY : e.expireAt();
    }

    public boolean contains(byte[] key, long now) {
        return live(key, 0, key.length, now) != null;
    }

    /** Absolute expiry in unix ms, or {@link #NO_EXPIRY}; null-safe: a missing key also gives it. */
    public long expireAt(byte[] key, long now) {
        Entry e = live(key, 0, key.length, now);
        return e == null ? NO_EXPIRY : e.expireAt();
    }

    /** Seconds since the key was last read or written, or -1 when missing. */
    public long idleSeconds(byte[] key, long now) {
        Entry e = live(key, 0, key.length, now);
        return e == null ? -1 : Math.max(0, now / 1000 - (e.accessed & 0xFFFFFFFFL));
    }

    /**
     * True when the key is stored, even if its time has passed and it was not reclaimed yet.
     * Expires nothing: FLUSHDB and SWAPDB use it to decide which WATCHes they break, as Redis does.
     */
    public boolean stored(byte[] key) {
        return find(key) != null;
    }

    /** True when the key is stored and its time has passed; expires nothing. */
    public boolean storedExpired(byte[] key, long now) {
        Entry e = find(key);
        return e != null && isExpiredAt(e, now);
    }

    // ---------------------------------------------------------------- writes

    /** Sets a key to a value, clearing any time to live (SET without KEEPTTL). */
    public void put(byte[] key, Object value, long now) {
        put(key, value, NO_EXPIRY, now);
    }

    /** Sets a key to a value with an absolute expiry in unix ms, or {@link #NO_EXPIRY}. */
    public void put(byte[] key, Object value, long expireAt, long now) {
        put(key, 0, key.length, false, value, expireAt, now);
    }

    /**
     * Sets a key given as a slice of a larger array (a command's argument) to a value. The key
     * bytes are copied only when the key is new, so overwriting allocates nothing but the value.
     */
    public void put(byte[] buf, int off, int len, Object value, long expireAt, long now) {
        put(buf, off, len, true, value, expireAt, now);
    }

    private void put(byte[] buf, int off, int len, boolean copyKey, Object value, long expireAt, long now) {
        putStamped(buf, off, len, copyKey, value, expireAt, now, 0, false);
    }

    /** Stores a value; the key keeps {@code stamp} when {@code keepStamp} (a moved key), else counts an access. */
    private void putStamped(byte[] buf, int off, int len, boolean copyKey, Object value, long expireAt,
                            long now, int stamp, boolean keepStamp) {
        int h = Hashing.hash(buf, off, len);
        int b = h & (table.length - 1);
        Entry prev = null;
        byte[] reusable = null;
        for (Entry e = table[b]; e != null; prev = e, e = e.next) {
            if (e.hash == h && e.key.length == len && Arrays.equals(e.key, 0, len, buf, off, off + len)) {
                if (isExpired(e, now)) {
                    // As Redis's write look-up: the old key expires first (counted, propagated as
                    // DEL, watchers told), then a new one is added.
                    expire(e);
                    reusable = e.key;
                    break;
                }
                beforeChange(e);
                boolean wasVolatile = e instanceof VolatileEntry;
                int newStamp = keepStamp ? stamp : access.touched(e.accessed, now);
                if (expireAt == NO_EXPIRY && !wasVolatile) {
                    e.value = value;
                    e.accessed = newStamp;
                    charge(e);
                    return;
                }
                if (expireAt != NO_EXPIRY && wasVolatile) {
                    e.value = value;
                    ((VolatileEntry) e).expireAt = expireAt;
                    e.accessed = newStamp;
                    charge(e);
                    return;
                }
                Entry replacement = newEntry(e.key, h, value, expireAt);
                replacement.accessed = newStamp;
                replaceNode(b, prev, e, replacement);
                charge(replacement);
                return;
            }
        }
        byte[] key = reusable != null ? reusable
                : copyKey || off != 0 || len != buf.length ? Arrays.copyOfRange(buf, off, off + len) : buf;
        Entry fresh = newEntry(key, h, value, expireAt);
        fresh.accessed = keepStamp ? stamp : access.created(now);
        fresh.next = table[b];
        table[b] = fresh;
        size++;
        charge(fresh);
        lastEntry = fresh;
        if (walk != null) {
            walk.created(fresh);
        }
        if (size > table.length) {
            resize(table.length << 1);
        }
    }

    /** Replaces the value of an existing live key, keeping its time to live; false when missing. */
    public boolean replace(byte[] key, Object value, long now) {
        return replace(key, 0, key.length, value, now);
    }

    /** {@link #replace(byte[], Object, long)} for a key that is a slice of a larger array. */
    public boolean replace(byte[] buf, int off, int len, Object value, long now) {
        Entry e = live(buf, off, len, now);
        if (e == null) {
            return false;
        }
        beforeChange(e);
        e.value = value;
        e.accessed = access.touched(e.accessed, now);
        charge(e);
        return true;
    }

    /** Removes a key; returns its value, or null when it was missing or already expired. */
    public Object remove(byte[] key, long now) {
        return remove(key, 0, key.length, now);
    }

    /** {@link #remove(byte[], long)} on a key that is a slice of a larger array; copies nothing. */
    public Object remove(byte[] buf, int off, int len, long now) {
        Entry e = live(buf, off, len, now);
        if (e == null) {
            return null;
        }
        unlink(e);
        return e.value;
    }

    /**
     * Sets an absolute expiry on an existing live key; returns false when the key is missing. A
     * time already past is stored as given (the key then expires on next access): commands that
     * must delete at once, as EXPIRE does, remove the key themselves.
     */
    public boolean setExpire(byte[] key, long expireAt, long now) {
        int h = Hashing.hash(key, 0, key.length);
        int b = h & (table.length - 1);
        Entry prev = null;
        for (Entry e = table[b]; e != null; prev = e, e = e.next) {
            if (e.hash == h && Arrays.equals(e.key, key)) {
                if (isExpired(e, now)) {
                    expire(e);
                    return false;
                }
                beforeChange(e);
                if (e instanceof VolatileEntry v) {
                    v.expireAt = expireAt;
                } else {
                    Entry replacement = newEntry(e.key, h, e.value, expireAt);
                    replacement.accessed = e.accessed;
                    replaceNode(b, prev, e, replacement);
                }
                return true;
            }
        }
        return false;
    }

    /** Removes the time to live of a key; true when it had one. */
    public boolean persist(byte[] key, long now) {
        int h = Hashing.hash(key, 0, key.length);
        int b = h & (table.length - 1);
        Entry prev = null;
        for (Entry e = table[b]; e != null; prev = e, e = e.next) {
            if (e.hash == h && Arrays.equals(e.key, key)) {
                if (isExpired(e, now)) {
                    expire(e);
                    return false;
                }
                if (!(e instanceof VolatileEntry)) {
                    return false;
                }
                beforeChange(e);
                Entry plain = new Entry(e.key, h, e.value);
                plain.accessed = e.accessed;
                replaceNode(b, prev, e, plain);
                return true;
            }
        }
        return false;
    }

    /**
     * Moves a live key to {@code newKey} in {@code target} (this database or another), with its
     * value, time to live and access time, replacing whatever {@code newKey} held there:
     * RENAME and MOVE. Returns false when the key is missing. {@code newKey} is stored as given.
     */
    public boolean move(byte[] key, Database target, byte[] newKey, long now) {
        Entry e = live(key, 0, key.length, now);
        if (e == null) {
            return false;
        }
        unlink(e);
        target.putStamped(newKey, 0, newKey.length, false, e.value, e.expireAt(), now, e.accessed, true);
        return true;
    }

    /** Removes every key. */
    public void clear() {
        if (walk != null) {
            // the walk finishes on the old array, which nothing else reaches any more
            walk.freeze(table);
            walk = null;
        }
        table = new Entry[MIN_BUCKETS];
        size = 0;
        used = 0;
        lastEntry = null;
        volatiles = new VolatileEntry[16];
        volatileCount = 0;
        samplingCursor = 0;
    }

    /** Exchanges the whole contents (keys, expiries, counters) with another database: SWAPDB. */
    public void swapContents(Database other) {
        Entry[] t = table;
        table = other.table;
        other.table = t;
        int s = size;
        size = other.size;
        other.size = s;
        long u = used;
        used = other.used;
        other.used = u;
        lastEntry = null;
        other.lastEntry = null;
        VolatileEntry[] v = volatiles;
        volatiles = other.volatiles;
        other.volatiles = v;
        int vc = volatileCount;
        volatileCount = other.volatileCount;
        other.volatileCount = vc;
        samplingCursor = 0;
        other.samplingCursor = 0;
        // a running snapshot walk follows the contents, so they are written under their old number
        SnapshotWalk.Part w = walk;
        walk = other.walk;
        other.walk = w;
        if (walk != null) {
            walk.owner = this;
        }
        if (other.walk != null) {
            other.walk.owner = other;
        }
    }

    // ---------------------------------------------------------------- iteration

    /** A live key chosen at random, or null when the database is empty. */
    public byte[] randomKey(java.util.random.RandomGenerator random, long now) {
        // As Redis on a master: an expired pick is reclaimed and another is drawn. Every miss
        // removes a key, so this ends.
        int tries = 100;
        while (size > 0) {
            Entry e = randomEntry(random);
            if (!isExpired(e, now)) {
                return e.key;
            }
            if (policy != ExpiryPolicy.RECLAIM) {
                // As Redis on a replica: nothing is removed, so after some tries an expired
                // key is returned rather than looping forever over a fully expired database.
                if (--tries == 0) {
                    return e.key;
                }
                continue;
            }
            expire(e);
        }
        return null;
    }

    private Entry randomEntry(java.util.random.RandomGenerator random) {
        if (size == 0) {
            return null;
        }
        Entry[] t = table;
        int mask = t.length - 1;
        Entry head;
        do {
            head = t[random.nextInt() & mask];
        } while (head == null);
        int chain = 0;
        for (Entry e = head; e != null; e = e.next) {
            chain++;
        }
        int pick = random.nextInt(chain);
        Entry e = head;
        while (pick-- > 0) {
            e = e.next;
        }
        return e;
    }

    /**
     * Visits the live keys of the bucket at {@code cursor} and of following buckets until at
     * least {@code count} keys were visited or {@code count * 10} buckets were looked at; returns
     * the next cursor, 0 when the scan is complete. The cursor advances by reversed bits, as in
     * Redis, so a key present for the whole scan is returned at least once even if the table
     * grows or shrinks between calls.
     */
    public long scan(long cursor, int count, long now, Consumer<byte[]> visitor) {
        if (size == 0) {
            return 0;
        }
        long v = cursor;
        int visited = 0;
        int buckets = Math.max(count, 1) * 10;
        do {
            Entry[] t = table;
            long mask = t.length - 1;
            Entry e = t[(int) (v & mask)];
            while (e != null) {
                Entry next = e.next;
                if (isExpired(e, now)) {
                    if (policy == ExpiryPolicy.RECLAIM) {
                        expire(e);
                    }
                } else {
                    visitor.accept(e.key);
                    visited++;
                }
                e = next;
            }
            v |= ~mask;
            v = Long.reverse(v);
            v++;
            v = Long.reverse(v);
            // Only the bits under the largest table ever matter; keep cursors non-negative.
            v &= 0xFFFFFFFFL;
        } while (v != 0 && visited < count && --buckets > 0);
        return v;
    }

    /** Visits every live key with its value and expiry (KEYS, snapshots). */
    public void forEach(long now, EntryVisitor visitor) {
        Entry[] t = table;
        for (Entry head : t) {
            for (Entry e = head; e != null; e = e.next) {
                if (!isExpiredAt(e, now)) {
                    visitor.visit(e.key, e.value, e.expireAt());
                }
            }
        }
    }

    /** What {@link #forEach} hands out. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(byte[] key, Object value, long expireAt);
    }

    // ---------------------------------------------------------------- active expiry

    /**
     * Samples up to {@code samples} keys with a time to live and removes the expired ones.
     * Returns how many were removed, so the caller can decide to go on (Redis's adaptive cycle).
     */
    public int expireSample(int samples, long now) {
        int removed = 0;
        for (int i = 0; i < samples && volatileCount > 0; i++) {
            if (samplingCursor >= volatileCount) {
                samplingCursor = 0;
            }
            VolatileEntry e = volatiles[samplingCursor];
            if (e.expireAt <= now) {
                expire(e); // moves the last entry into this slot: look at the same slot again
                removed++;
            } else {
                samplingCursor++;
            }
        }
        return removed;
    }

    /**
     * Shrinks the bucket array when it is mostly empty (under 10 % full), as Redis's cron does.
     * Never done inside a removal, so iteration and scans over a chain stay valid.
     */
    public void shrinkIfSparse() {
        if (table.length > MIN_BUCKETS && size < table.length / 10) {
            resize(Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(size, 1)) << 1));
        }
    }

    // ---------------------------------------------------------------- snapshot walks

    Entry[] table() {
        return table;
    }

    void attach(SnapshotWalk.Part part) {
        walk = part;
    }

    void detachWalk(SnapshotWalk.Part part) {
        if (walk == part) {
            walk = null;
        }
    }

    private void beforeChange(Entry e) {
        if (walk != null) {
            walk.beforeChange(e);
        }
    }

    // ---------------------------------------------------------------- memory

    /**
     * The estimated bytes of this database as Redis would hold it: every key's sds, dictEntry
     * (as allocated: 32 bytes) and value (see {@link Footprint}), a dictEntry per key with a time
     * to live (the expires dict), and the bucket array. Kept up to date by every write, in
     * O(1) per write (O(samples) for a container).
     */
    public long usedBytes() {
        return used + (long) Footprint.DICT_ENTRY_ALLOCATED * volatileCount + 8L * table.length;
    }

    /**
     * Re-estimates a key whose value a command changed in place (LPUSH, HSET...): called for
     * every modified key. The key the command just looked up is found without hashing.
     */
    public void recharge(byte[] buf, int off, int len) {
        Entry e = lastEntry;
        if (e == null || e.key.length != len || !Arrays.equals(e.key, 0, len, buf, off, off + len)) {
            e = find(buf, off, len);
            if (e == null) {
                return;
            }
        }
        charge(e);
    }

    /** MEMORY USAGE: the key's bytes and its value's, sampling {@code samples} elements (0: all); -1 when missing. */
    public long memoryUsage(byte[] key, int samples) {
        // as Redis's dictFind: a key past its time but not reclaimed yet is still measured
        Entry e = find(key);
        return e == null ? -1 : Footprint.key(key.length) + Footprint.of(e.value, samples);
    }

    /**
     * RESTORE's IDLETIME and FREQ (Redis's objectSetLRUOrLFU): under an LFU policy the counter
     * becomes {@code freq} as of now, when given (>= 0); otherwise the key was last accessed
     * {@code idleSeconds} ago, when given (>= 0). The other option is ignored, as Redis does.
     */
    public void setAccess(byte[] key, long idleSeconds, int freq, long now) {
        Entry e = find(key);
        if (e == null) {
            return;
        }
        if (access.lfu()) {
            if (freq >= 0) {
                e.accessed = (int) (now / 1000 / 60 & 0xFFFF) << 8 | freq;
            }
        } else if (idleSeconds >= 0) {
            e.accessed = (int) Math.max(0, now / 1000 - idleSeconds);
        }
    }

    /** The key's LFU counter after decay (OBJECT FREQ under an LFU policy), or -1 when missing. */
    public int frequency(byte[] key, long now) {
        Entry e = live(key, 0, key.length, now);
        return e == null ? -1 : access.decayed(e.accessed, now);
    }

    /** What eviction sampling hands out: a key with its access stamp and expiry. */
    @FunctionalInterface
    public interface Candidate {
        void candidate(byte[] key, int accessed, long expireAt);
    }

    /**
     * Hands up to {@code count} keys picked at random to {@code sink} (the keys with a time to
     * live only, when {@code volatileOnly}), as Redis's dictGetSomeKeys feeds its eviction pool; a
     * key may come twice. Returns how many were handed out.
     */
    public int sample(RandomGenerator random, int count, boolean volatileOnly, Candidate sink) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            Entry e;
            if (volatileOnly) {
                if (volatileCount == 0) {
                    break;
                }
                e = volatiles[random.nextInt(volatileCount)];
            } else {
                e = randomEntry(random);
                if (e == null) {
                    break;
                }
            }
            sink.candidate(e.key, e.accessed, e.expireAt());
            n++;
        }
        return n;
    }

    /** A key picked at random (among those with a time to live when {@code volatileOnly}), or null. */
    public byte[] randomStoredKey(RandomGenerator random, boolean volatileOnly) {
        if (volatileOnly) {
            return volatileCount == 0 ? null : volatiles[random.nextInt(volatileCount)].key;
        }
        Entry e = randomEntry(random);
        return e == null ? null : e.key;
    }

    /** The stored key's access stamp and expiry again (a pool entry is checked before eviction); false when gone. */
    public boolean stored(byte[] key, Candidate sink) {
        Entry e = find(key);
        if (e == null) {
            return false;
        }
        sink.candidate(e.key, e.accessed, e.expireAt());
        return true;
    }

    /** Removes a stored key whatever its expiry (eviction): true when it was there. */
    public boolean evict(byte[] key) {
        Entry e = find(key);
        if (e == null) {
            return false;
        }
        unlink(e);
        return true;
    }

    private void charge(Entry e) {
        long c = Footprint.storedKey(e.key.length) + Footprint.of(e.value, Footprint.DEFAULT_SAMPLES);
        used += c - e.charged;
        e.charged = c;
    }

    // ---------------------------------------------------------------- internals

    private Entry find(byte[] buf, int off, int len) {
        int h = Hashing.hash(buf, off, len);
        for (Entry e = table[h & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.key.length == len && Arrays.equals(e.key, 0, len, buf, off, off + len)) {
                return e;
            }
        }
        return null;
    }

    private Entry find(byte[] key) {
        int h = Hashing.hash(key, 0, key.length);
        for (Entry e = table[h & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && Arrays.equals(e.key, key)) {
                return e;
            }
        }
        return null;
    }

    private Entry live(byte[] buf, int off, int len, long now) {
        int h = Hashing.hash(buf, off, len);
        for (Entry e = table[h & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.key.length == len
                    && Arrays.equals(e.key, 0, len, buf, off, off + len)) {
                if (isExpiredAt(e, now) && policy != ExpiryPolicy.KEEP) {
                    if (policy == ExpiryPolicy.RECLAIM) {
                        expire(e);
                    }
                    return null;
                }
                if (walk != null && walk.writing()) {
                    // a command that may write got hold of the value: write it out before it changes
                    walk.beforeChange(e);
                }
                lastEntry = e;
                return e;
            }
        }
        return null;
    }

    private static boolean isExpiredAt(Entry e, long now) {
        return e instanceof VolatileEntry v && v.expireAt <= now;
    }

    /** Past its time as this database's policy sees it: never under KEEP (the master decides). */
    private boolean isExpired(Entry e, long now) {
        return policy != ExpiryPolicy.KEEP && e instanceof VolatileEntry v && v.expireAt <= now;
    }

    private void expire(Entry e) {
        unlink(e);
        expiredCount++;
        listener.keyExpired(id, e.key);
    }

    private Entry newEntry(byte[] key, int h, Object value, long expireAt) {
        if (expireAt == NO_EXPIRY) {
            return new Entry(key, h, value);
        }
        VolatileEntry v = new VolatileEntry(key, h, value, expireAt);
        addVolatile(v);
        return v;
    }

    private void replaceNode(int bucket, Entry prev, Entry old, Entry replacement) {
        replacement.next = old.next;
        replacement.charged = old.charged;
        if (lastEntry == old) {
            lastEntry = replacement;
        }
        if (prev == null) {
            table[bucket] = replacement;
        } else {
            prev.next = replacement;
        }
        if (old instanceof VolatileEntry v) {
            removeVolatile(v);
        }
    }

    private void unlink(Entry target) {
        beforeChange(target);
        int b = target.hash & (table.length - 1);
        Entry prev = null;
        for (Entry e = table[b]; e != null; prev = e, e = e.next) {
            if (e == target) {
                if (prev == null) {
                    table[b] = e.next;
                } else {
                    prev.next = e.next;
                }
                size--;
                used -= e.charged;
                if (lastEntry == e) {
                    lastEntry = null;
                }
                if (e instanceof VolatileEntry v) {
                    removeVolatile(v);
                }
                return;
            }
        }
    }

    private void addVolatile(VolatileEntry v) {
        if (volatileCount == volatiles.length) {
            volatiles = Arrays.copyOf(volatiles, volatiles.length << 1);
        }
        v.slot = volatileCount;
        volatiles[volatileCount++] = v;
    }

    private void removeVolatile(VolatileEntry v) {
        int slot = v.slot;
        VolatileEntry last = volatiles[--volatileCount];
        volatiles[slot] = last;
        last.slot = slot;
        volatiles[volatileCount] = null;
        if (volatiles.length > 64 && volatileCount < volatiles.length / 4) {
            volatiles = Arrays.copyOf(volatiles, volatiles.length >> 1);
        }
    }

    private void resize(int buckets) {
        Entry[] old = table;
        Entry[] fresh = new Entry[buckets];
        int mask = buckets - 1;
        for (Entry head : old) {
            Entry e = head;
            while (e != null) {
                Entry next = e.next;
                int b = e.hash & mask;
                e.next = fresh[b];
                fresh[b] = e;
                e = next;
            }
        }
        table = fresh;
    }
}
