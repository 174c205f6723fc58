package io.jredis.domain.value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The "hashtable" encoding of large hashes and sets: a chained hash table of binary keys (with
 * an optional value each) laid out in parallel arrays instead of one node object per entry.
 * Entries are dense (indexes 0..size-1, a removal moves the last entry into the hole), so a
 * random entry is one array read; chains link indexes through {@code next}.
 *
 * <p>Buckets are a power of two and {@link #scan} walks them with Redis's reverse-binary cursor,
 * so an entry present for a whole scan is returned at least once across grows and shrinks.
 */
final class BinaryTable {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = new java.util.SplittableRandom().nextLong() | 1L;
    private static final long M = 0x9E3779B97F4A7C15L;
    private static final int MIN_BUCKETS = 4;

    private byte[][] keys;
    /** Null for sets. */
    private byte[][] values;
    private int[] hashes;
    /** Next index in the same chain, or -1. */
    private int[] next;
    /** First index of each chain plus one; 0 is an empty bucket. */
    private int[] buckets;
    private int size;

    BinaryTable(int capacity, boolean withValues) {
        int cap = Math.max(capacity, 4);
        keys = new byte[cap][];
        values = withValues ? new byte[cap][] : null;
        hashes = new int[cap];
        next = new int[cap];
        buckets = new int[Math.max(MIN_BUCKETS, Integer.highestOneBit(cap - 1) << 1)];
    }

    private BinaryTable(BinaryTable o) {
        keys = new byte[o.keys.length][];
        for (int i = 0; i < o.size; i++) {
            keys[i] = o.keys[i].clone();
        }
        if (o.values != null) {
            values = new byte[o.values.length][];
            for (int i = 0; i < o.size; i++) {
                values[i] = o.values[i].clone();
            }
        }
        hashes = o.hashes.clone();
        next = o.next.clone();
        buckets = o.buckets.clone();
        size = o.size;
    }

    BinaryTable copy() {
        return new BinaryTable(this);
    }

    int size() {
        return size;
    }

    byte[] keyAt(int i) {
        return keys[i];
    }

    byte[] valueAt(int i) {
        return values[i];
    }

    void setValueAt(int i, byte[] value) {
        values[i] = value;
    }

    /** The index of a key given as a slice, or -1. */
    int find(byte[] buf, int off, int len) {
        int h = hash(buf, off, len);
        for (int i = buckets[h & (buckets.length - 1)] - 1; i >= 0; i = next[i]) {
            byte[] k = keys[i];
            if (hashes[i] == h && k.length == len && Arrays.equals(k, 0, len, buf, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a key known to be absent (stored as given); returns its index. */
    int add(byte[] key, byte[] value) {
        if (size == keys.length) {
            int cap = size + (size >> 1) + 1;
            keys = Arrays.copyOf(keys, cap);
            if (values != null) {
                values = Arrays.copyOf(values, cap);
            }
            hashes = Arrays.copyOf(hashes, cap);
            next = Arrays.copyOf(next, cap);
        }
        int i = size++;
        int h = hash(key, 0, key.length);
        keys[i] = key;
        if (values != null) {
            values[i] = value;
        }
        hashes[i] = h;
        int b = h & (buckets.length - 1);
        next[i] = buckets[b] - 1;
        buckets[b] = i + 1;
        if (size > buckets.length) {
            rehash(buckets.length << 1);
        }
        return i;
    }

    /** Removes the entry at index i; the last entry takes its index. */
    void removeAt(int i) {
        unlink(i);
        int last = --size;
        if (i != last) {
            // Whatever pointed at the last entry now points at i.
            int b = hashes[last] & (buckets.length - 1);
            if (buckets[b] - 1 == last) {
                buckets[b] = i + 1;
            } else {
                int p = buckets[b] - 1;
                while (next[p] != last) {
                    p = next[p];
                }
                next[p] = i;
            }
            keys[i] = keys[last];
            if (values != null) {
                values[i] = values[last];
            }
            hashes[i] = hashes[last];
            next[i] = next[last];
        }
        keys[last] = null;
        if (values != null) {
            values[last] = null;
        }
        // Shrink as Redis does once under 10 % full, so a drained table gives memory back.
        if (buckets.length > MIN_BUCKETS && size * 10 < buckets.length) {
            rehash(Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(size, 1)) << 1));
            if (keys.length > 16 && size * 4 < keys.length) {
                int cap = Math.max(size * 2, 4);
                keys = Arrays.copyOf(keys, cap);
                if (values != null) {
                    values = Arrays.copyOf(values, cap);
                }
                hashes = Arrays.copyOf(hashes, cap);
                next = Arrays.copyOf(next, cap);
            }
        }
    }

    private void unlink(int i) {
        int b = hashes[i] & (buckets.length - 1);
        if (buckets[b] - 1 == i) {
            buckets[b] = next[i] + 1;
            return;
        }
        int p = buckets[b] - 1;
        while (next[p] != i) {
            p = next[p];
        }
        next[p] = next[i];
    }

    private void rehash(int bucketCount) {
        int[] nb = new int[bucketCount];
        int mask = bucketCount - 1;
        for (int i = 0; i < size; i++) {
            int b = hashes[i] & mask;
            next[i] = nb[b] - 1;
            nb[b] = i + 1;
        }
        buckets = nb;
    }

    /**
     * Visits the entries of the bucket at {@code cursor} and following buckets (in reverse-binary
     * order) until {@code count} entries were visited or {@code count * 10} buckets were looked
     * at, as Redis's dictScan loop; returns the next cursor, 0 when the scan is complete.
     */
    long scan(long cursor, long count, IntConsumer visitor) {
        if (size == 0) {
            return 0;
        }
        long v = cursor;
        long visited = 0;
        long maxBuckets = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        long mask = buckets.length - 1;
        do {
            for (int i = buckets[(int) (v & mask)] - 1; i >= 0; i = next[i]) {
                visitor.accept(i);
                visited++;
            }
            v |= ~mask;
            v = Long.reverse(v);
            v++;
            v = Long.reverse(v);
            v &= 0xFFFFFFFFL;
        } while (v != 0 && visited < count && --maxBuckets > 0);
        return v;
    }

    static int hash(byte[] buf, int off, int len) {
        long h = SEED ^ (len * M);
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long k = (long) LONGS.get(buf, i);
            h = Long.rotateLeft(h ^ (k * M), 29) * 0xBF58476D1CE4E5B9L;
            i += 8;
        }
        if (i < end) {
            long k = 0;
            int shift = 0;
            while (i < end) {
                k |= (buf[i++] & 0xFFL) << shift;
                shift += 8;
            }
            h = Long.rotateLeft(h ^ (k * M), 29) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return (int) h ^ (int) (h >>> 32);
    }
}
