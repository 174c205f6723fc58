package io.jredis.application.session;

/**
 * One key one client watches, in one database. {@code expired} marks a key that was stored but
 * already past its time when watched (or that arrived so through SWAPDB): as in Redis 7.0, its
 * later reclamation is no change, and EXEC does not count it as expired.
 */
public final class WatchedKey {

    private final ClientSession session;
    private final int db;
    private final byte[] key;
    private boolean expired;

    WatchedKey(ClientSession session, int db, byte[] key, boolean expired) {
        this.session = session;
        this.db = db;
        this.key = key;
        this.expired = expired;
    }

    public ClientSession session() {
        return session;
    }

    public int db() {
        return db;
    }

    public byte[] key() {
        return key;
    }

    public boolean expired() {
        return expired;
    }

    void setExpired(boolean expired) {
        this.expired = expired;
    }
}
