package io.jredis.adapter.replication.rdb;

/**
 * What an {@link RdbReader} finds in a file, in file order. A sink may stop the load by throwing
 * {@link RdbFormatException} (e.g. for a type it cannot hold), which the reader reports with the
 * byte offset of the key.
 */
public interface RdbSink {

    /** An AUX field (redis-ver, ctime, used-mem, aof-base, ...). */
    default void aux(byte[] name, byte[] value) {
    }

    /** A RESIZEDB hint for the current database. */
    default void resizeDb(int db, long size, long expires) {
    }

    /** A FUNCTION2 record: the source code of one function library. */
    void functionLibrary(byte[] code) throws RdbFormatException;

    /** A MODULE_AUX record (its payload was skipped). */
    void moduleAux(long moduleId) throws RdbFormatException;

    /**
     * One key: its database, name, absolute unix-ms expiry or -1, and value. Keys already
     * expired are handed over too; dropping them is the sink's policy.
     */
    void entry(int db, byte[] key, long expireAt, LoadedValue value) throws RdbFormatException;
}
