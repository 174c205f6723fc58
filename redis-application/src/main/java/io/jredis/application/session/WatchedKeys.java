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

    private final Map<Key, List<Watcher>> watchers = new HashMap<>();

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

    /**
     * One client's watch on one key. {@code expired} remembers that the key had already expired
     * (logically gone) when watched, as Redis 7's watchedKey.expired: its later removal by a
     * flush is then no change.
     */
    private static final class Watcher {
        final ClientSession session;
        boolean expired;

        Watcher(ClientSession session, boolean expired) {
            this.session = session;
            this.expired = expired;
        }
    }

    public boolean isEmpty() {
        return watchers.isEmpty();
    }

    public void watch(ClientSession session, int db, byte[] key) {
        watch(session, db, key, false);
    }

    /** WATCH of a key; {@code expiredNow}: it is stored but its time has passed (Redis's keyIsExpired). */
    public void watch(ClientSession session, int db, byte[] key, boolean expiredNow) {
        for (ClientSession.WatchedKey w : session.watched()) {
            if (w.db() == db && Arrays.equals(w.key(), key)) {
                return;
            }
        }
        session.watched().add(new ClientSession.WatchedKey(db, key));
        watchers.computeIfAbsent(new Key(db, key), k -> new ArrayList<>(2)).add(new Watcher(session, expiredNow));
    }

    public void unwatchAll(ClientSession session) {
        for (ClientSession.WatchedKey w : session.watched()) {
            Key k = new Key(w.db(), w.key());
            List<Watcher> list = watchers.get(k);
            if (list != null) {
                list.removeIf(x -> x.session == session);
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
        List<Watcher> list = watchers.get(new Key(db, key));
        if (list != null) {
            for (Watcher w : list) {
                w.session.setWatchedKeyTouched(true);
            }
        }
    }

    /** {@link #touch(int, byte[])} for a key that is a slice of a larger array. */
    public void touch(int db, byte[] buf, int off, int len) {
        if (!watchers.isEmpty()) {
            touch(db, Arrays.copyOfRange(buf, off, off + len));
        }
    }

    /** Every watcher of every key in {@code db} (or in all databases when db is negative) fails. */
    public void touchDb(int db) {
        for (Map.Entry<Key, List<Watcher>> e : watchers.entrySet()) {
            if (db < 0 || e.getKey().db() == db) {
                for (Watcher w : e.getValue()) {
                    w.session.setWatchedKeyTouched(true);
                }
            }
        }
    }

    /**
     * Database {@code db} is about to be emptied (FLUSHDB, FLUSHALL: {@code replacedWith} null)
     * or to get the contents of {@code replacedWith} (SWAPDB). As Redis 7's
     * touchAllWatchedKeysInDb: only watches of keys stored on either side break; a key that was
     * already expired when watched and is simply removed is no change, and a missing key
     * replaced by an expired one is none either (but is remembered as expired).
     */
    public void touchReplacedDb(int db, Database emptied, Database replacedWith, long now) {
        if (watchers.isEmpty()) {
            return;
        }
        for (Map.Entry<Key, List<Watcher>> e : watchers.entrySet()) {
            if (e.getKey().db() != db) {
                continue;
            }
            byte[] key = e.getKey().key();
            boolean inEmptied = emptied.stored(key);
            boolean inReplacement = replacedWith != null && replacedWith.stored(key);
            if (!inEmptied && !inReplacement) {
                continue;
            }
            for (Watcher w : e.getValue()) {
                if (w.expired) {
                    if (!inReplacement) {
                        // Already logically gone when watched, and now really gone.
                        w.expired = false;
                        continue;
                    }
                    if (replacedWith.storedExpired(key, now)) {
                        continue;
                    }
                } else if (!inEmptied && replacedWith.storedExpired(key, now)) {
                    w.expired = true;
                    continue;
                }
                w.session.setWatchedKeyTouched(true);
            }
        }
    }
}
