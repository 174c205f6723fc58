package io.jredis.domain.keyspace;

import java.util.Arrays;

/**
 * A point-in-time walk over every database while commands keep changing them: what BGSAVE,
 * an AOF rewrite's base and a replica's full sync write, without fork and without copying the
 * keyspace up front.
 *
 * <p>The walk is started at time {@code at}; the entries it hands to its {@link Sink} are exactly
 * the keys live at {@code at} (expiry judged at {@code at}), each with its value and expiry as
 * they were then, each once. It advances in bounded {@link #step steps} on the command thread;
 * between steps the keyspace changes freely, and a key not yet handed over is handed over
 * <em>before</em> any change reaches it (copy-on-write per key):
 * <ul>
 *   <li>the database hooks every replacement, removal (DEL, RENAME, MOVE, expiry, lazy or
 *       active), expiry change and overwrite of a stored entry;</li>
 *   <li>values changed in place (a list push, APPEND, ...) are reached through a look-up first:
 *       while {@link #writing(boolean) a command that may write} runs, any look-up of a pending
 *       key hands it over, so the command mutates only what was already written out;</li>
 *   <li>FLUSHDB/FLUSHALL detach the database's old bucket array, which the walk then finishes
 *       on its own (nobody else sees it any more); SWAPDB carries each database's walk along
 *       with its contents, so keys are written under the number they had at {@code at}.</li>
 * </ul>
 *
 * <p>"Pending" needs no flag per key. The walk covers the reversed-hash space
 * ({@code Integer.reverse(hash)} as an unsigned 32-bit position) in increasing order; at any
 * table size a bucket is one contiguous interval of that space, which is why SCAN's cursor
 * survives resizes. A key is pending when its position is at or after the cursor, it was live
 * at {@code at}, and it is not in the small set of keys already handed over out of order or
 * created after {@code at}. Visiting a bucket skips keys before the cursor, so a table that
 * shrank since never yields a key twice.
 *
 * <p>Only one walk runs at a time ({@link Keyspace#startWalk}); {@link #close()} ends it,
 * complete or not.
 */
public final class SnapshotWalk {

    /** Where the walk hands over the keys; called on the command thread, must not throw. */
    public interface Sink {

        /**
         * The following entries belong to database {@code db} (its number at the start):
         * called before a database's first entry and again whenever entries of another
         * database came in between. {@code size} and {@code expires} are the counts at the start.
         */
        void select(int db, long size, long expires);

        /**
         * One key as it was at the start: its value (read it now: it may change once this
         * returns) and its unix-ms expiry or -1. {@code early} is true when a write was about to
         * reach it (the copy-on-write case), false when the walk itself reached it.
         */
        void entry(byte[] key, Object value, long expireAt, boolean early);
    }

    private static final long END = 1L << 32;

    private final Keyspace keyspace;
    private final long at;
    private final Sink sink;
    private final Part[] parts;
    private int next;
    private int selected = -1;
    private boolean writing;
    private boolean closed;
    private long keysTotal;
    private long handed;
    private long handedEarly;

    SnapshotWalk(Keyspace keyspace, long at, Sink sink) {
        this.keyspace = keyspace;
        this.at = at;
        this.sink = sink;
        this.parts = new Part[keyspace.count()];
        for (int i = 0; i < parts.length; i++) {
            Database db = keyspace.db(i);
            parts[i] = new Part(i, db);
            keysTotal += db.size();
            db.attach(parts[i]);
        }
    }

    /** The start time: keys expired by then are left out. */
    public long at() {
        return at;
    }

    /**
     * Hands over pending keys of a bounded stretch of the keyspace: up to about {@code budget}
     * keys (an empty bucket counts as one). Returns true once every key was handed over.
     */
    public boolean step(int budget) {
        int left = budget;
        while (left > 0 && next < parts.length) {
            Part p = parts[next];
            if (p.position >= END) {
                next++;
                continue;
            }
            left -= Math.max(1, p.visitBucket());
        }
        return done();
    }

    /** True once every key was handed over. */
    public boolean done() {
        while (next < parts.length && parts[next].position >= END) {
            next++;
        }
        return next == parts.length;
    }

    /**
     * Whether the command running now may change what it looks up (anything not read-only):
     * its look-ups then hand pending keys over first. Returns the previous setting, so nested
     * commands (EXEC) can restore it.
     */
    public boolean writing(boolean mayWrite) {
        boolean before = writing;
        writing = mayWrite;
        return before;
    }

    /** Keys in the keyspace at the start, including those already expired then (a progress total). */
    public long keysTotal() {
        return keysTotal;
    }

    /** Keys handed over so far. */
    public long keysHanded() {
        return handed;
    }

    /** Keys handed over because a change was about to reach them. */
    public long keysHandedEarly() {
        return handedEarly;
    }

    /** Ends the walk, complete or not: the databases stop reporting to it. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Part p : parts) {
            if (p.owner != null) {
                p.owner.detachWalk(p);
            }
            p.owner = null;
            p.frozen = null;
        }
        keyspace.walkEnded(this);
    }

    public boolean closed() {
        return closed;
    }

    private static long position(int hash) {
        return Integer.toUnsignedLong(Integer.reverse(hash));
    }

    /** The walk of one database's contents as they were at the start; moves with them on SWAPDB. */
    final class Part {
        /** Number of the database at the start: what its entries are written under. */
        final int db;
        final long size;
        final long expires;
        /** The database now holding these contents, or null once they were flushed (see frozen). */
        Database owner;
        /** The bucket array the contents had when they were flushed, which only the walk sees now. */
        Database.Entry[] frozen;
        /** Every key whose position is below this was handed over (or was not live at the start). */
        long position;
        /** Keys at or after the cursor that must not be handed over again (done early, or new). */
        private final KeySet skip = new KeySet();

        Part(int db, Database owner) {
            this.db = db;
            this.owner = owner;
            this.size = owner.size();
            this.expires = owner.volatileCount();
            this.position = owner.size() == 0 ? END : 0;
        }

        SnapshotWalk walk() {
            return SnapshotWalk.this;
        }

        boolean writing() {
            return writing;
        }

        /** A stored entry is about to change or go: hand it over first if still pending. */
        void beforeChange(Database.Entry e) {
            if (pending(e)) {
                hand(e, true);
                skip.add(e.key, e.hash);
            }
        }

        /** A key was added after the start: it must never be handed over. */
        void created(Database.Entry e) {
            if (position(e.hash) >= position) {
                skip.add(e.key, e.hash);
            }
        }

        /** The contents were flushed: finish on the array they had, untouched from now on. */
        void freeze(Database.Entry[] table) {
            frozen = table;
            owner = null;
        }

        private boolean pending(Database.Entry e) {
            if (position(e.hash) < position) {
                return false;
            }
            long exp = e.expireAt();
            if (exp != Database.NO_EXPIRY && exp <= at) {
                return false;
            }
            return !skip.contains(e.key, e.hash);
        }

        private void hand(Database.Entry e, boolean early) {
            if (selected != db) {
                selected = db;
                sink.select(db, size, expires);
            }
            handed++;
            if (early) {
                handedEarly++;
            }
            sink.entry(e.key, e.value, e.expireAt(), early);
        }

        /** Hands over the pending keys of the bucket at the cursor and moves past it. */
        int visitBucket() {
            Database.Entry[] t = frozen != null ? frozen : owner.table();
            int mask = t.length - 1;
            long span = END / t.length;
            int bucket = Integer.reverse((int) position) & mask;
            int n = 0;
            for (Database.Entry e = t[bucket]; e != null; e = e.next) {
                if (pending(e)) {
                    hand(e, false);
                    n++;
                }
            }
            position = (position & ~(span - 1)) + span;
            return n;
        }
    }

    /**
     * A small open-addressing set of keys (with their hashes), only ever added to during one walk:
     * its size is bounded by the keys written while the walk runs.
     */
    static final class KeySet {
        private byte[][] keys = new byte[16][];
        private int[] hashes = new int[16];
        private int size;

        boolean contains(byte[] key, int hash) {
            if (size == 0) {
                return false;
            }
            int mask = keys.length - 1;
            for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
                byte[] k = keys[i];
                if (k == null) {
                    return false;
                }
                if (hashes[i] == hash && Arrays.equals(k, key)) {
                    return true;
                }
            }
        }

        void add(byte[] key, int hash) {
            if (contains(key, hash)) {
                return;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            insert(key, hash);
            size++;
        }

        int size() {
            return size;
        }

        private void insert(byte[] key, int hash) {
            int mask = keys.length - 1;
            int i = mix(hash) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            hashes[i] = hash;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            int[] oldHashes = hashes;
            keys = new byte[oldKeys.length << 1][];
            hashes = new int[oldKeys.length << 1];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldHashes[i]);
                }
            }
        }

        /** The table index uses high bits too: the keyspace's buckets already used the low ones. */
        private static int mix(int h) {
            return h ^ (h >>> 16) ^ Integer.rotateLeft(h, 11);
        }
    }
}
