package io.jredis.domain.value;

import java.util.Arrays;

/**
 * A list: a ring of chunks, each packing its elements into one byte array, as Redis's quicklist
 * packs them into listpacks. Push and pop at either end are O(1) (a chunk grows at both ends);
 * an index near an end touches only the chunks at that end; a chunk holds about
 * {@link #CHUNK_BYTES} (Redis's list-max-listpack-size -2: 8 KB per node).
 *
 * <p>An element is stored as {@code varint(len) bytes reversed-varint(len)}: the trailing copy
 * of the length lets a chunk be walked from its end, as a listpack's backlen does.
 */
public final class ListValue implements TypedValue {

    /** Bytes per chunk before a new one starts (TODO: config list-max-listpack-size). */
    public static final int CHUNK_BYTES = 8192;
    private static final int FIRST_CAPACITY = 32;

    /** Visits elements as slices of a chunk's array; returns false to stop. */
    @FunctionalInterface
    public interface ElementVisitor {
        boolean visit(byte[] buf, int off, int len);
    }

    private static final class Chunk {
        byte[] data;
        int start;
        int end;
        int count;

        Chunk(int capacity, boolean atFront) {
            data = new byte[capacity];
            start = atFront ? capacity : 0;
            end = start;
        }

        Chunk(Chunk o) {
            data = Arrays.copyOfRange(o.data, o.start, o.end);
            start = 0;
            end = data.length;
            count = o.count;
        }

        int used() {
            return end - start;
        }
    }

    private Chunk[] ring = new Chunk[4];
    private int first;
    private int chunks;
    private int size;

    public ListValue() {
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    /** Redis 7.0 reports every list as a quicklist (listpack lists came with 7.2). */
    @Override
    public String encoding() {
        return "quicklist";
    }

    @Override
    public ListValue copy() {
        ListValue c = new ListValue();
        c.ring = new Chunk[Math.max(4, Integer.highestOneBit(Math.max(chunks, 1)) << 1)];
        for (int i = 0; i < chunks; i++) {
            c.ring[i] = new Chunk(chunk(i));
        }
        c.chunks = chunks;
        c.size = size;
        return c;
    }

    /**
     * Redis's quicklist: the object, the quicklist, and per node its header and listpack (the
     * first {@code samples} chunks stand for all). A chunk packs elements as a listpack does.
     */
    public long footprint(int samples) {
        long total = Footprint.OBJECT + 40;
        if (chunks == 0) {
            return total;
        }
        int n = samples <= 0 ? chunks : Math.min(samples, chunks);
        long sampled = 0;
        for (int i = 0; i < n; i++) {
            sampled += 40 + Footprint.alloc(Listpack.HEADER_AND_END + chunk(i).used());
        }
        return total + sampled * chunks / n;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    // ---------------------------------------------------------------- ends

    public void pushFront(byte[] b) {
        pushFront(b, 0, b.length);
    }

    public void pushBack(byte[] b) {
        pushBack(b, 0, b.length);
    }

    public void pushFront(byte[] buf, int off, int len) {
        int need = entrySize(len);
        Chunk c = chunks == 0 ? null : chunk(0);
        if (c == null || (c.count > 0 && c.used() + need > CHUNK_BYTES)) {
            c = new Chunk(Math.max(need, FIRST_CAPACITY), true);
            insertChunk(0, c);
        } else if (c.start < need) {
            makeRoom(c, need, true);
        }
        c.start -= need;
        writeEntry(c.data, c.start, buf, off, len);
        c.count++;
        size++;
    }

    public void pushBack(byte[] buf, int off, int len) {
        int need = entrySize(len);
        Chunk c = chunks == 0 ? null : chunk(chunks - 1);
        if (c == null || (c.count > 0 && c.used() + need > CHUNK_BYTES)) {
            c = new Chunk(Math.max(need, FIRST_CAPACITY), false);
            insertChunk(chunks, c);
        } else if (c.data.length - c.end < need) {
            makeRoom(c, need, false);
        }
        writeEntry(c.data, c.end, buf, off, len);
        c.end += need;
        c.count++;
        size++;
    }

    /** Removes and returns the first element, or null when empty. */
    public byte[] popFront() {
        if (size == 0) {
            return null;
        }
        Chunk c = chunk(0);
        int len = readLen(c.data, c.start);
        int p = c.start + varintSize(len);
        byte[] out = Arrays.copyOfRange(c.data, p, p + len);
        c.start = p + len + varintSize(len);
        afterRemoval(0, c);
        return out;
    }

    /** Removes and returns the last element, or null when empty. */
    public byte[] popBack() {
        if (size == 0) {
            return null;
        }
        int ci = chunks - 1;
        Chunk c = chunk(ci);
        int len = readBackLen(c.data, c.end);
        int p = c.end - varintSize(len) - len;
        byte[] out = Arrays.copyOfRange(c.data, p, p + len);
        c.end = p - varintSize(len);
        afterRemoval(ci, c);
        return out;
    }

    public byte[] pop(boolean front) {
        return front ? popFront() : popBack();
    }

    public void push(boolean front, byte[] b) {
        if (front) {
            pushFront(b);
        } else {
            pushBack(b);
        }
    }

    // ---------------------------------------------------------------- by index

    /** Element at index (0-based, 0 <= index < size) as a fresh array. */
    public byte[] get(int index) {
        byte[][] out = new byte[1][];
        visit(index, (buf, off, len) -> {
            out[0] = Arrays.copyOfRange(buf, off, off + len);
            return false;
        });
        return out[0];
    }

    /** Visits the element at index without copying it. */
    public void visit(int index, ElementVisitor v) {
        forEach(index, true, v);
    }

    /** Replaces the element at index (0 <= index < size). */
    public void set(int index, byte[] value) {
        int[] pos = locate(index);
        Chunk c = chunk(pos[0]);
        int p = pos[1];
        int len = readLen(c.data, p);
        int oldSize = entrySize(len);
        splice(pos[0], c, p, oldSize, value);
    }

    /** Inserts value so that it ends up at index (0 <= index <= size). */
    public void insert(int index, byte[] value) {
        if (index == 0) {
            pushFront(value);
            return;
        }
        if (index == size) {
            pushBack(value);
            return;
        }
        int[] pos = locate(index);
        Chunk c = chunk(pos[0]);
        c.count++;
        size++;
        splice(pos[0], c, pos[1], 0, value);
    }

    /**
     * Visits elements from {@code index} towards the tail ({@code forward}) or the head, until
     * the visitor returns false or the list ends.
     */
    public void forEach(int index, boolean forward, ElementVisitor v) {
        if (index < 0 || index >= size) {
            return;
        }
        int[] pos = locate(index);
        int ci = pos[0];
        int p = pos[1];
        Chunk c = chunk(ci);
        if (forward) {
            while (true) {
                while (p < c.end) {
                    int len = readLen(c.data, p);
                    int s = p + varintSize(len);
                    if (!v.visit(c.data, s, len)) {
                        return;
                    }
                    p = s + len + varintSize(len);
                }
                if (++ci >= chunks) {
                    return;
                }
                c = chunk(ci);
                p = c.start;
            }
        }
        // p is the start of the element at index; walk back from its end.
        int endOfEntry = p + entrySize(readLen(c.data, p));
        while (true) {
            int q = endOfEntry;
            while (q > c.start) {
                int len = readBackLen(c.data, q);
                int s = q - varintSize(len) - len;
                if (!v.visit(c.data, s, len)) {
                    return;
                }
                q = s - varintSize(len);
            }
            if (--ci < 0) {
                return;
            }
            c = chunk(ci);
            endOfEntry = c.end;
        }
    }

    /** Keeps only the elements from start to stop inclusive (already clamped, start <= stop). */
    public void trim(int start, int stop) {
        int dropTail = size - 1 - stop;
        for (int i = 0; i < start; i++) {
            dropFront();
        }
        for (int i = 0; i < dropTail; i++) {
            dropBack();
        }
    }

    /**
     * Removes up to {@code limit} elements equal to the given bytes (0: all), from the head, or
     * from the tail when {@code fromTail}; returns how many were removed.
     */
    public int remove(byte[] buf, int off, int len, int limit, boolean fromTail) {
        ListValue kept = new ListValue();
        int[] removed = {0};
        if (size > 0) {
            forEach(fromTail ? size - 1 : 0, !fromTail, (b, o, l) -> {
                if ((limit == 0 || removed[0] < limit) && Arrays.equals(b, o, o + l, buf, off, off + len)) {
                    removed[0]++;
                } else if (fromTail) {
                    kept.pushFront(b, o, l);
                } else {
                    kept.pushBack(b, o, l);
                }
                return true;
            });
        }
        if (removed[0] > 0) {
            ring = kept.ring;
            first = kept.first;
            chunks = kept.chunks;
            size = kept.size;
        }
        return removed[0];
    }

    // ---------------------------------------------------------------- internals

    private void dropFront() {
        Chunk c = chunk(0);
        c.start += entrySize(readLen(c.data, c.start));
        afterRemoval(0, c);
    }

    private void dropBack() {
        int ci = chunks - 1;
        Chunk c = chunk(ci);
        c.end -= entrySize(readBackLen(c.data, c.end));
        afterRemoval(ci, c);
    }

    private void afterRemoval(int ci, Chunk c) {
        c.count--;
        size--;
        if (c.count == 0) {
            removeChunk(ci);
        } else if (c.data.length > 4 * FIRST_CAPACITY && c.used() < c.data.length / 4) {
            // give memory back once a chunk is mostly drained
            byte[] d = new byte[c.used() * 2];
            int s = c.used() / 2;
            System.arraycopy(c.data, c.start, d, s, c.used());
            c.end = s + c.used();
            c.start = s;
            c.data = d;
        }
    }

    /** Replaces oldSize bytes at p in chunk ci with the entry for value; splits a chunk grown too big. */
    private void splice(int ci, Chunk c, int p, int oldSize, byte[] value) {
        int newSize = entrySize(value.length);
        int used = c.used() - oldSize + newSize;
        byte[] d = new byte[Math.max(used, FIRST_CAPACITY)];
        int head = p - c.start;
        System.arraycopy(c.data, c.start, d, 0, head);
        writeEntry(d, head, value, 0, value.length);
        System.arraycopy(c.data, p + oldSize, d, head + newSize, c.end - p - oldSize);
        c.data = d;
        c.start = 0;
        c.end = used;
        if (used > 2 * CHUNK_BYTES && c.count > 1) {
            split(ci, c);
        }
    }

    private void split(int ci, Chunk c) {
        int half = c.count / 2;
        int p = c.start;
        for (int i = 0; i < half; i++) {
            p += entrySize(readLen(c.data, p));
        }
        Chunk tail = new Chunk(c.end - p, false);
        System.arraycopy(c.data, p, tail.data, 0, c.end - p);
        tail.end = c.end - p;
        tail.count = c.count - half;
        c.data = Arrays.copyOfRange(c.data, c.start, p);
        c.end = p - c.start;
        c.start = 0;
        c.count = half;
        insertChunk(ci + 1, tail);
    }

    /** Chunk index and byte position of the element at index, walking from the nearer end. */
    private int[] locate(int index) {
        if (index < size / 2) {
            int ci = 0;
            Chunk c = chunk(0);
            while (index >= c.count) {
                index -= c.count;
                c = chunk(++ci);
            }
            int p = c.start;
            if (index < c.count / 2) {
                for (int i = 0; i < index; i++) {
                    p += entrySize(readLen(c.data, p));
                }
                return new int[] {ci, p};
            }
            return new int[] {ci, fromEnd(c, c.count - 1 - index)};
        }
        int fromTail = size - 1 - index;
        int ci = chunks - 1;
        Chunk c = chunk(ci);
        while (fromTail >= c.count) {
            fromTail -= c.count;
            c = chunk(--ci);
        }
        if (fromTail < c.count / 2) {
            return new int[] {ci, fromEnd(c, fromTail)};
        }
        int p = c.start;
        for (int i = 0; i < c.count - 1 - fromTail; i++) {
            p += entrySize(readLen(c.data, p));
        }
        return new int[] {ci, p};
    }

    /** Start of the element {@code back} places before the chunk's last one. */
    private static int fromEnd(Chunk c, int back) {
        int q = c.end;
        int len = readBackLen(c.data, q);
        q -= entrySize(len);
        for (int i = 0; i < back; i++) {
            len = readBackLen(c.data, q);
            q -= entrySize(len);
        }
        return q;
    }

    private static void makeRoom(Chunk c, int need, boolean atFront) {
        int used = c.used();
        int cap = c.data.length;
        int otherSlack = atFront ? cap - c.end : c.start;
        if (used + need > cap * 3 / 4) {
            // grow geometrically rather than shuffle a nearly full chunk back and forth
            cap = Math.max(used + need, cap * 2);
        }
        byte[] d = cap == c.data.length ? c.data : new byte[cap];
        // The growing side gets the free space; the other keeps what it had, up to half, so
        // pushes at one end never pay for slack at the other and alternating ends stay cheap.
        int keep = Math.min(otherSlack, (cap - used - need) / 2);
        int s = atFront ? cap - used - keep : keep;
        System.arraycopy(c.data, c.start, d, s, used);
        c.data = d;
        c.start = s;
        c.end = s + used;
    }

    private Chunk chunk(int i) {
        return ring[(first + i) & (ring.length - 1)];
    }

    private void insertChunk(int at, Chunk c) {
        if (chunks == ring.length) {
            Chunk[] r = new Chunk[ring.length * 2];
            for (int i = 0; i < chunks; i++) {
                r[i] = chunk(i);
            }
            ring = r;
            first = 0;
        }
        int mask = ring.length - 1;
        if (at == 0) {
            first = (first - 1) & mask;
        } else {
            for (int i = chunks; i > at; i--) {
                ring[(first + i) & mask] = ring[(first + i - 1) & mask];
            }
        }
        ring[(first + at) & mask] = c;
        chunks++;
    }

    private void removeChunk(int at) {
        int mask = ring.length - 1;
        if (at == 0) {
            ring[first] = null;
            first = (first + 1) & mask;
        } else {
            for (int i = at; i < chunks - 1; i++) {
                ring[(first + i) & mask] = ring[(first + i + 1) & mask];
            }
            ring[(first + chunks - 1) & mask] = null;
        }
        chunks--;
        if (chunks == 0) {
            first = 0;
        }
    }

    static int varintSize(int len) {
        return len < 1 << 7 ? 1 : len < 1 << 14 ? 2 : len < 1 << 21 ? 3 : len < 1 << 28 ? 4 : 5;
    }

    static int entrySize(int len) {
        return 2 * varintSize(len) + len;
    }

    private static void writeEntry(byte[] d, int p, byte[] buf, int off, int len) {
        int n = varintSize(len);
        int v = len;
        for (int i = 0; i < n; i++) {
            byte b = (byte) ((v & 0x7F) | (i < n - 1 ? 0x80 : 0));
            d[p + i] = b;
            // the trailing copy is reversed: read backwards it yields the same groups in order
            d[p + 2 * n + len - 1 - i] = b;
            v >>>= 7;
        }
        System.arraycopy(buf, off, d, p + n, len);
    }

    private static int readLen(byte[] d, int p) {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = d[p++];
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    /** The length of the element whose entry ends just before q. */
    private static int readBackLen(byte[] d, int q) {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = d[--q];
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }
}
