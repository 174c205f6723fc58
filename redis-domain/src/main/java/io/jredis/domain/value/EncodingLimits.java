package io.jredis.domain.value;

/**
 * The sizes at which small encodings turn into large ones, Redis's hash-max-listpack-entries,
 * hash-max-listpack-value, zset-max-listpack-entries, zset-max-listpack-value and
 * set-max-intset-entries. They are server-wide settings, as in Redis (CONFIG SET changes them for
 * every later write; values already stored keep their encoding), so they live here rather than
 * in each value, which would cost a field per key. Set by the server's configuration on the
 * command thread only.
 */
public final class EncodingLimits {

    private static long hashMaxListpackEntries = HashValue.LISTPACK_MAX_ENTRIES;
    private static long hashMaxListpackValue = HashValue.LISTPACK_MAX_VALUE;
    private static long zsetMaxListpackEntries = SortedSet.LISTPACK_MAX_ENTRIES;
    private static long zsetMaxListpackValue = SortedSet.LISTPACK_MAX_VALUE;
    private static long setMaxIntsetEntries = SetValue.INTSET_MAX_ENTRIES;

    private EncodingLimits() {
    }

    /** Applies a configuration's limits (at start-up and on CONFIG SET of any of them). */
    public static void set(long hashEntries, long hashValue, long zsetEntries, long zsetValue, long intsetEntries) {
        hashMaxListpackEntries = hashEntries;
        hashMaxListpackValue = hashValue;
        zsetMaxListpackEntries = zsetEntries;
        zsetMaxListpackValue = zsetValue;
        setMaxIntsetEntries = intsetEntries;
    }

    static long hashMaxListpackEntries() {
        return hashMaxListpackEntries;
    }

    static long hashMaxListpackValue() {
        return hashMaxListpackValue;
    }

    static long zsetMaxListpackEntries() {
        return zsetMaxListpackEntries;
    }

    static long zsetMaxListpackValue() {
        return zsetMaxListpackValue;
    }

    static long setMaxIntsetEntries() {
        return setMaxIntsetEntries;
    }
}
