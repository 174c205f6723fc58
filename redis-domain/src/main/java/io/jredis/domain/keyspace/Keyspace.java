package io.jredis.domain.keyspace;

/** The numbered databases of one server (16 by default, as Redis's {@code databases}). */
public final class Keyspace {

    private final Database[] databases;
    private int expiryDbCursor;
    private SnapshotWalk walk;
    private final KeyAccess access = new KeyAccess();

    public Keyspace(int count, KeyspaceListener listener) {
        databases = new Database[count];
        for (int i = 0; i < count; i++) {
            databases[i] = new Database(i, listener, access);
        }
    }

    /** How keys record their use (LRU stamps or LFU counters), shared by every database. */
    public KeyAccess access() {
        return access;
    }

    /** The estimated bytes of every database (see {@link Database#usedBytes()}). */
    public long usedBytes() {
        long total = 0;
        for (Database db : databases) {
            total += db.usedBytes();
        }
        return total;
    }

    public int count() {
        return databases.length;
    }

    public Database db(int index) {
        return databases[index];
    }

    /** How every database treats keys past their time (a replica hides or keeps them). */
    public void setExpiryPolicy(ExpiryPolicy policy) {
        for (Database db : databases) {
            db.setExpiryPolicy(policy);
        }
    }

    /** Removes every key of every database. */
    public void clear() {
        for (Database db : databases) {
            db.clear();
        }
    }

    /** SWAPDB: the contents change places; connections stay on their numbers. */
    public void swap(int a, int b) {
        if (a != b) {
            databases[a].swapContents(databases[b]);
        }
    }

    /**
     * Starts a point-in-time walk of every database as at {@code at}, handing keys to
     * {@code sink} as it goes (see {@link SnapshotWalk}).
     *
     * @throws IllegalStateException when a walk is already running
     */
    public SnapshotWalk startWalk(long at, SnapshotWalk.Sink sink) {
        if (walk != null) {
            throw new IllegalStateException("a snapshot walk is already running");
        }
        walk = new SnapshotWalk(this, at, sink);
        return walk;
    }

    /** The running snapshot walk, or null. */
    public SnapshotWalk walk() {
        return walk;
    }

    void walkEnded(SnapshotWalk w) {
        if (walk == w) {
            walk = null;
        }
    }

    /** Keys across all databases. */
    public long totalKeys() {
        long n = 0;
        for (Database db : databases) {
            n += db.size();
        }
        return n;
    }

    /** Keys removed by expiry across all databases. */
    public long totalExpired() {
        long n = 0;
        for (Database db : databases) {
            n += db.expiredCount();
        }
        return n;
    }

    /**
     * One run of the active expiry cycle, in the spirit of Redis's: per database, sample 20
     * volatile keys and go on while more than a quarter of a sample had expired, within a budget
     * of samples per call. Returns how many keys were removed.
     */
    public int activeExpireCycle(long now, int sampleBudget) {
        if (databases.length == 0 || databases[0].expiryPolicy() != ExpiryPolicy.RECLAIM) {
            return 0; // a replica waits for its master's DEL
        }
        int removed = 0;
        int budget = sampleBudget;
        for (int n = 0; n < databases.length && budget > 0; n++) {
            Database db = databases[expiryDbCursor];
            expiryDbCursor = (expiryDbCursor + 1) % databases.length;
            int got;
            do {
                got = db.expireSample(20, now);
                removed += got;
                budget -= 20;
            } while (got > 5 && budget > 0);
            db.shrinkIfSparse();
        }
        return removed;
    }
}
