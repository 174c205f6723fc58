package io.jredis.domain.value;

/**
 * What a value would occupy in Redis 7.0.15 with jemalloc: the estimate that stands for
 * {@code used_memory}, MEMORY USAGE and eviction, since a JVM cannot see its allocator per object.
 *
 * <p>The model is Redis's own {@code objectComputeSize}: the object header (16 bytes), the
 * encoding's structures (listpack bytes, dict buckets and entries, skip-list nodes, intset,
 * stream nodes) with each allocation rounded up to jemalloc's size class, and for large
 * containers the average of the first {@code samples} elements times their count, as Redis
 * samples them. Every figure is computed from the value's current shape in O(samples), so it can
 * be refreshed after every write.
 */
public final class Footprint {

    /** Redis's robj. */
    public static final int OBJECT = 16;
    /** Redis's dictEntry (key, value, next). */
    public static final int DICT_ENTRY = 24;
    /** Redis 7.0's dict struct. */
    public static final int DICT = 56;
    /** MEMORY USAGE's default SAMPLES, also used for the running accounting. */
    public static final int DEFAULT_SAMPLES = 5;

    private Footprint() {
    }

    /** Bytes of a stored value (a string as byte[] or MutableString, or a typed value). */
    public static long of(Object value, int samples) {
        if (value instanceof byte[] b) {
            return string(b);
        }
        if (value instanceof MutableString m) {
            return OBJECT + alloc(sdsHeader(m.array().length) + m.array().length + 1L);
        }
        if (value instanceof ListValue l) {
            return l.footprint(samples);
        }
        if (value instanceof HashValue h) {
            return h.footprint(samples);
        }
        if (value instanceof SetValue s) {
            return s.footprint(samples);
        }
        if (value instanceof SortedSet z) {
            return z.footprint(samples);
        }
        if (value instanceof StreamValue x) {
            return x.footprint(samples);
        }
        return OBJECT;
    }

    /** A key as MEMORY USAGE adds it: its sds and sizeof(dictEntry). */
    public static long key(int length) {
        return sds(length) + DICT_ENTRY;
    }

    /**
     * jemalloc's size for a dictEntry (24 bytes requested, a 32-byte class): what the main and
     * expires dicts really take per key in used_memory, where MEMORY USAGE counts 24.
     */
    public static final int DICT_ENTRY_ALLOCATED = 32;

    /** A key as used_memory counts it: its sds and the allocation of its dictEntry. */
    public static long storedKey(int length) {
        return sds(length) + DICT_ENTRY_ALLOCATED;
    }

    /** An immutable string value: an integer in the object, embstr up to 44 bytes, raw beyond. */
    static long string(byte[] b) {
        int n = b.length;
        if (n <= 20 && Numbers.isCanonicalLong(b, 0, n)) {
            return OBJECT;
        }
        if (n <= Strings.EMBSTR_LIMIT) {
            return alloc(OBJECT + 3L + n + 1);
        }
        return OBJECT + sds(n);
    }

    /** An sds string of this length, allocated exactly (sdsnewlen). */
    public static long sds(long length) {
        return alloc(sdsHeader(length) + length + 1);
    }

    static int sdsHeader(long length) {
        return length < 32 ? 1 : length < 256 ? 3 : length < 65536 ? 5 : 9;
    }

    /** A dict's own structure and bucket array for this many entries (power of two, at least 4). */
    static long dict(long entries) {
        long buckets = entries == 0 ? 0 : Math.max(4, Long.highestOneBit(Math.max(entries - 1, 1)) << 1);
        return DICT + 8 * buckets;
    }

    /** jemalloc's usable size for a request: its size classes (16-byte quantum, 4 per doubling). */
    public static long alloc(long n) {
        if (n <= 8) {
            return 8;
        }
        if (n <= 128) {
            return (n + 15) & ~15L;
        }
        // classes of 2^k + j * 2^(k-2), j = 1..4
        long pow = Long.highestOneBit(n - 1);
        long step = Math.max(16, pow >> 2);
        return (n + step - 1) / step * step;
    }
}
