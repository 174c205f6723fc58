package io.jredis.application.session;

import io.jredis.domain.keyspace.Database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which clients WATCH which keys. A change to a watched key flags its watchers so their next
 * EXEC fails. Costs one emptiness check per write while nobody watches.
 */
public final class WatchedKeys {

    private final Map<Key, List<ClientSession>> watchers = new HashMap<>();

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

    public boolean isEmpty() {
        return watchers.isEmpty();
    }

    public void watch(ClientSession session, int db, byte[] key) {
        for (ClientSession.WatchedKey w : session.watched()) {
            if (w.db() == db && Arrays.equals(w.key(), key)) {
                return;
            }
        }
        session.watched().add(new ClientSession.WatchedKey(db, key));
        watchers.computeIfAbsent(new Key(db, key), k -> new ArrayList<>(2)).add(session);
    }

    public void unwatchAll(ClientSession session) {
        for (ClientSession.WatchedKey w : session.watched()) {
            Key k = new Key(w.db(), w.key());
            List<ClientSession> list = watchers.get(k);
            if (list != null) {
                list.remove(session);
                if (list.isEmpty()) {
                    watchers.remove(k);
                }
            }
        }
        session.watched().clear();
        session.setWatchedKeyTouched(false);
    }

    /** A key changed: every client watching it fails its next EXEC. */
    public void touch(int db, byte[] key) {
        if (watchers.isEmpty()) {
            return;
        }
        List<ClientSession> list = watchers.get(new Key(db, key));
        if (list != null) {
            for (ClientSession s : list) {
                s.setWatchedKeyTouched(true);
            }
        }
    }

    /** {@link #touch(int, byte[])} for a key that is a slice of a larger array. */
    public void touch(int db, byte[] buf, int off, int len) {
        if (!watchers.isEmpty()) {
            touch(db, Arrays.copyOfRange(buf, off, off + len));
        }
    }

    /** A whole database changed (FLUSHDB, SWAPDB, FLUSHALL): watchers of its keys fail. */
    public void touchDb(int db) {
        for (Map.Entry<Key, List<ClientSession>> e : watchers.entrySet()) {
            if (db < 0 || e.getKey().db() == db) {
                for (ClientSession s : e.getValue()) {
                    s.setWatchedKeyTouched(true);
                }
            }
        }
    }

    /**
     * Database {@code db} is about to be emptied (FLUSHDB, FLUSHALL: {@code replacedWith} null)
     * or to receive the contents of {@code replacedWith} (SWAPDB). As Redis 7's
     * touchAllWatchedKeysInDb, only watches of keys stored on either side break, not every
     * watch on the database. A watched key missing here that arrives already expired is no
     * change either: it is reclaimed from {@code replacedWith} now (a DEL, as any expiry), so
     * that a later look-up cannot count it as one.
     */
    public void touchReplacedDb(int db, Database emptied, Database replacedWith, long now) {
        if (watchers.isEmpty()) {
            return;
        }
        List<byte[]> arrivingExpired = null;
        for (Map.Entry<Key, List<ClientSession>> e : watchers.entrySet()) {
            if (e.getKey().db() != db) {
                continue;
            }
            byte[] key = e.getKey().key();
            boolean changed;
            if (emptied.stored(key)) {
                changed = true;
            } else if (replacedWith != null && replacedWith.stored(key)) {
                changed = !replacedWith.storedExpired(key, now);
                if (!changed) {
                    if (arrivingExpired == null) {
                        arrivingExpired = new ArrayList<>();
                    }
                    arrivingExpired.add(key);
                }
            } else {
                changed = false;
            }
            if (changed) {
                for (ClientSession s : e.getValue()) {
                    s.setWatchedKeyTouched(true);
                }
            }
        }
        // Reclaimed after the walk: the expiry notifies watchers, which must not change the map mid-iteration.
        if (arrivingExpired != null) {
            for (byte[] key : arrivingExpired) {
                replacedWith.contains(key, now);
            }
        }
    }
}
