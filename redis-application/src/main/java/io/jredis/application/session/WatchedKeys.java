package io.jredis.application.session;

import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Keyspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which clients WATCH which keys. A change to a watched key flags its watchers so their next
 * EXEC fails; a flagged client's watches are dropped at once (its EXEC fails anyway), as Redis
 * 7.0 does. Costs one emptiness check per write while nobody watches.
 */
public final class WatchedKeys {

    private final Keyspace keyspace;
    private final Map<Key, List<WatchedKey>> watchers = new HashMap<>();
    /** Clients a walk over {@link #watchers} flagged; released after the walk. */
    private final List<ClientSession> flagged = new ArrayList<>();

    private record Key(int db, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.db == db && Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return db * 31 + Arrays.hashCode(key);
        }
    }

    public WatchedKeys(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    public boolean isEmpty() {
        return watchers.isEmpty();
    }

    /**
     * WATCH of one key at time {@code now}. A key stored but already past its time is watched as
     * expired, and is not reclaimed here (Redis 7.0 leaves it for a later look-up). A client whose
     * watch already broke watches nothing more: its EXEC fails anyway.
     */
    public void watch(ClientSession session, int db, byte[] key, long now) {
        if (session.watchedKeyTouched()) {
            return;
        }
        for (WatchedKey w : session.watched()) {
            if (w.db() == db && Arrays.equals(w.key(), key)) {
                return;
            }
        }
        boolean expired = keyspace.db(db).storedExpired(key, now);
        WatchedKey w = new WatchedKey(session, db, key, expired);
        session.watched().add(w);
        watchers.computeIfAbsent(new Key(db, key), k -> new ArrayList<>(2)).add(w);
    }

    /** {@link #watch(ClientSession, int, byte[], long)} of a key known not to be expired. */
    public void watch(ClientSession session, int db, byte[] key) {
        watch(session, db, key, Long.MIN_VALUE);
    }

    /** UNWATCH, EXEC, DISCARD, RESET, disconnect: no watches, and a fresh start for the next. */
    public void unwatchAll(ClientSession session) {
        release(session);
        session.setWatchedKeyTouched(false);
    }

    /**
     * True when a key this client watches (and that was live then) is now past its time, even
     * if not reclaimed yet: EXEC fails then, as in Redis 7.0. Reclaims nothing.
     */
    public boolean anyExpired(ClientSession session, long now) {
        for (WatchedKey w : session.watched()) {
            if (!w.expired() && keyspace.db(w.db()).storedExpired(w.key(), now)) {
                return true;
            }
        }
        return false;
    }

    /** A key changed: every client watching it fails its next EXEC. */
    public void touch(int db, byte[] key) {
        if (watchers.isEmpty()) {
            return;
        }
        List<WatchedKey> list = watchers.get(new Key(db, key));
        if (list == null) {
            return;
        }
        Database database = keyspace.db(db);
        for (WatchedKey w : list) {
            if (w.expired()) {
                // Watched already expired: its removal is no change (and ends that status); any
                // other touch while it is still stored leaves the watch as it is, as Redis 7.0.
                if (!database.stored(key)) {
                    w.setExpired(false);
                }
                continue;
            }
            flagged.add(w.session());
        }
        releaseFlagged();
    }

    /** {@link #touch(int, byte[])} for a key that is a slice of a larger array. */
    public void touch(int db, byte[] buf, int off, int len) {
        if (!watchers.isEmpty()) {
            touch(db, Arrays.copyOfRange(buf, off, off + len));
        }
    }

    /**
     * Database {@code db} is about to be emptied (FLUSHDB, FLUSHALL: {@code replacedWith} null)
     * or to receive the contents of {@code replacedWith} (SWAPDB). As Redis 7.0's
     * touchAllWatchedKeysInDb: only watches of keys stored on either side break; a key watched
     * as expired that leaves is no change; one that leaves or arrives still expired is none
     * either (and an arriving one is then watched as expired).
     */
    public void touchReplacedDb(int db, Database emptied, Database replacedWith, long now) {
        if (watchers.isEmpty()) {
            return;
        }
        for (Map.Entry<Key, List<WatchedKey>> e : watchers.entrySet()) {
            if (e.getKey().db() != db) {
                continue;
            }
            byte[] key = e.getKey().key();
            boolean inEmptied = emptied.stored(key);
            boolean inReplacement = replacedWith != null && replacedWith.stored(key);
            if (!inEmptied && !inReplacement) {
                continue;
            }
            for (WatchedKey w : e.getValue()) {
                if (w.expired()) {
                    if (!inReplacement) {
                        w.setExpired(false);
                        continue;
                    }
                    if (replacedWith.storedExpired(key, now)) {
                        continue;
                    }
                } else if (!inEmptied && replacedWith.storedExpired(key, now)) {
                    w.setExpired(true);
                    continue;
                }
                flagged.add(w.session());
            }
        }
        releaseFlagged();
    }

    /** Flags the clients collected during a walk and drops their watches (after the walk). */
    private void releaseFlagged() {
        if (flagged.isEmpty()) {
            return;
        }
        for (ClientSession s : flagged) {
            s.setWatchedKeyTouched(true);
            release(s);
        }
        flagged.clear();
    }

    private void release(ClientSession session) {
        List<WatchedKey> mine = session.watched();
        for (WatchedKey w : mine) {
            Key k = new Key(w.db(), w.key());
            List<WatchedKey> list = watchers.get(k);
            if (list != null) {
                list.remove(w);
                if (list.isEmpty()) {
                    watchers.remove(k);
                }
            }
        }
        mine.clear();
    }
}
