package io.jredis.domain.keyspace;

/** What the keyspace tells the outside about changes it makes on its own. */
public interface KeyspaceListener {

    /** A key was removed because its time to live passed (lazily or by the active cycle). */
    void keyExpired(int db, byte[] key);

    KeyspaceListener NONE = (db, key) -> { };
}
