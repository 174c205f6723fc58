package io.jredis.domain.value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A sorted set: members (binary strings) ordered by score, ties by member bytes (memcmp), as
 * Redis orders them. Small sets are one compact sorted byte array ("listpack", as Redis 7.0
 * stores them); past {@link #LISTPACK_MAX_ENTRIES} members or a member longer than
 * {@link #LISTPACK_MAX_VALUE} bytes they become a skip list with a member table ("skiplist"),
 * with O(log n) insert, delete and rank. Like Redis, a set never goes back to the small form by
 * itself; {@link #compactIfSmall()} does it where Redis does (the STORE commands).
 *
 * <p>Ranks are 0-based. Scores are never NaN. A listpack holds scores as text and reads -0 back
 * as 0, so the small form stores 0 for -0 where the skip list keeps -0, as Redis 7.0 does.
 */
public final class SortedSet implements TypedValue {

    // Defaults only: the limits in force are EncodingLimits' (CONFIG SET changes them).
    public static final int LISTPACK_MAX_ENTRIES = 128;
    public static final int LISTPACK_MAX_VALUE = 64;

    /** Receives elements in order; returns false to stop. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(byte[] member, double score);
    }

    /**
     * The small form, one array as a listpack is: per element, in order, a length byte, the
     * member's bytes (at most 64), the score's 8 bytes. About 9 bytes plus the member.
     */
    private byte[] data;
    private int used;
    private int size;
    private ZSkipList skip;

    private static final VarHandle SCORE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    public SortedSet() {
        data = new byte[32];
    }

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public String encoding() {
        return skip == null ? "listpack" : "skiplist";
    }

    public boolean isListpack() {
        return skip == null;
    }

    /**
     * A listpack: the object and the packed bytes, scores counted as listpack encodes them
     * (integers compactly, others as text) from the first {@code samples}; a skiplist: zset,
     * dict, skip-list header and per element its dictEntry, node and sds, sampled.
     */
    public long footprint(int samples) {
        if (skip == null) {
            int n = samples <= 0 ? size : Math.min(samples, size);
            long scores = 0;
            int pos = 0;
            for (int i = 0; i < n; i++) {
                scores += scoreSize(scoreAtPos(pos));
                pos = next(pos);
            }
            long scoreBytes = n == 0 ? 0 : scores * size / n;
            // per element here: length byte + member + 8 score bytes; a listpack: header + member + back-length
            return Footprint.OBJECT + Footprint.alloc(Listpack.HEADER_AND_END + used - 8L * size + size + scoreBytes);
        }
        int size = skip.size();
        int n = samples <= 0 ? size : Math.min(samples, size);
        long sampled = 0;
        for (int i = 0; i < n; i++) {
            ZSkipList.Node node = skip.at(i);
            int level = node.up == null ? 1 : node.up.length + 1;
            sampled += Footprint.DICT_ENTRY + Footprint.alloc(24L + 16L * level) + Footprint.sds(node.member.length);
        }
        // robj, zset, zskiplist, the 32-level header node (536 bytes, a 640-byte class)
        return Footprint.OBJECT + 16 + 32 + Footprint.dict(size) + 640 + (n == 0 ? 0 : sampled * size / n);
    }

    private static int scoreSize(double score) {
        if (score == Math.rint(score) && Math.abs(score) < 1e15) {
            return Listpack.intSize((long) score);
        }
        // Redis writes other scores as %.17g text; Java's shortest form is close in length
        return 1 + Double.toString(score).length() + 1;
    }

    public int size() {
        return skip == null ? size : skip.size();
    }

    // ------------------------------------------------------------------ the packed form

    private int memberLength(int pos) {
        return data[pos] & 0xFF;
    }

    private double scoreAtPos(int pos) {
        return (double) SCORE.get(data, pos + 1 + memberLength(pos));
    }

    private int next(int pos) {
        return pos + 9 + memberLength(pos);
    }

    private byte[] memberCopy(int pos) {
        return Arrays.copyOfRange(data, pos + 1, pos + 1 + memberLength(pos));
    }

    /** Byte position of the element of a rank (or of the end, for rank == size). */
    private int position(int rank) {
        int pos = 0;
        for (int i = 0; i < rank; i++) {
            pos = next(pos);
        }
        return pos;
    }

    /** Position of a member, or -1; its rank goes to rankOut[0] when asked. */
    private int find(byte[] b, int off, int len, int[] rankOut) {
        int pos = 0;
        for (int i = 0; i < size; i++) {
            int l = memberLength(pos);
            if (l == len && Arrays.equals(data, pos + 1, pos + 1 + l, b, off, off + len)) {
                if (rankOut != null) {
                    rankOut[0] = i;
                }
                return pos;
            }
            pos += 9 + l;
        }
        return -1;
    }

    private int compareAt(int pos, double score, byte[] member) {
        double s = scoreAtPos(pos);
        if (s < score) {
            return -1;
        }
        if (s > score) {
            return 1;
        }
        int l = memberLength(pos);
        return Arrays.compareUnsigned(data, pos + 1, pos + 1 + l, member, 0, member.length);
    }

    private void insertPacked(byte[] member, double score) {
        int pos = 0;
        for (int i = 0; i < size && compareAt(pos, score, member) < 0; i++) {
            pos = next(pos);
        }
        int entry = 9 + member.length;
        if (used + entry > data.length) {
            data = Arrays.copyOf(data, Math.max(used + entry, used + (used >> 2) + 16));
        }
        System.arraycopy(data, pos, data, pos + entry, used - pos);
        data[pos] = (byte) member.length;
        System.arraycopy(member, 0, data, pos + 1, member.length);
        SCORE.set(data, pos + 1 + member.length, score == 0 ? 0.0 : score); // a listpack reads -0 back as 0
        used += entry;
        size++;
    }

    private void removeBytes(int from, int to, int count) {
        System.arraycopy(data, to, data, from, used - to);
        used -= to - from;
        size -= count;
        if (data.length > 64 && used < data.length / 2) {
            data = Arrays.copyOf(data, used + (used >> 2) + 16);
        }
    }

    // ------------------------------------------------------------------ look-ups

    /** The member's score, or NaN when it is not in the set. */
    public double score(byte[] b, int off, int len) {
        if (skip == null) {
            int pos = find(b, off, len, null);
            return pos < 0 ? Double.NaN : scoreAtPos(pos);
        }
        ZSkipList.Node n = skip.find(b, off, len);
        return n == null ? Double.NaN : n.score;
    }

    public double score(byte[] member) {
        return score(member, 0, member.length);
    }

    /** The member's 0-based rank in ascending order, or -1. */
    public int rank(byte[] b, int off, int len) {
        if (skip == null) {
            int[] rank = {-1};
            find(b, off, len, rank);
            return rank[0];
        }
        ZSkipList.Node n = skip.find(b, off, len);
        return n == null ? -1 : skip.rank(n);
    }

    /** The member at a rank (a copy for the small form). */
    public byte[] memberAt(int rank) {
        return skip == null ? memberCopy(position(rank)) : skip.at(rank).member;
    }

    public double scoreAt(int rank) {
        return skip == null ? scoreAtPos(position(rank)) : skip.at(rank).score;
    }

    // ------------------------------------------------------------------ updates

    /**
     * Sets a member's score, adding the member if absent (the skip list keeps the array, the
     * small form copies it). Returns true when it was added.
     */
    public boolean put(byte[] member, double score) {
        if (skip == null) {
            int pos = find(member, 0, member.length, null);
            if (pos >= 0) {
                // as Redis: no change when the scores compare equal (so 0 and -0 are the same)
                if (scoreAtPos(pos) != score) {
                    removeBytes(pos, next(pos), 1);
                    insertPacked(member, score);
                }
                return false;
            }
            if (size + 1 > EncodingLimits.zsetMaxListpackEntries()
                    || member.length > EncodingLimits.zsetMaxListpackValue()) {
                convertToSkipList();
            } else {
                insertPacked(member, score);
                return true;
            }
        }
        ZSkipList.Node n = skip.find(member, 0, member.length);
        if (n != null) {
            if (n.score != score) {
                skip.updateScore(n, score);
            }
            return false;
        }
        skip.insert(member, score);
        return true;
    }

    private void convertToSkipList() {
        ZSkipList list = new ZSkipList();
        int pos = 0;
        for (int i = 0; i < size; i++) {
            list.insert(memberCopy(pos), scoreAtPos(pos));
            pos = next(pos);
        }
        skip = list;
        data = null;
        used = 0;
        size = 0;
    }

    /** Goes back to the small form when the set fits it (Redis's zsetConvertToListpackIfNeeded). */
    public void compactIfSmall() {
        if (skip == null || skip.size() > EncodingLimits.zsetMaxListpackEntries()) {
            return;
        }
        int bytes = 0;
        for (ZSkipList.Node x = skip.first(); x != null; x = x.next) {
            if (x.member.length > EncodingLimits.zsetMaxListpackValue()) {
                return;
            }
            bytes += 9 + x.member.length;
        }
        ZSkipList list = skip;
        skip = null;
        data = new byte[Math.max(bytes, 32)];
        used = 0;
        size = 0;
        for (ZSkipList.Node x = list.first(); x != null; x = x.next) {
            // appended in order
            data[used] = (byte) x.member.length;
            System.arraycopy(x.member, 0, data, used + 1, x.member.length);
            SCORE.set(data, used + 1 + x.member.length, x.score == 0 ? 0.0 : x.score);
            used += 9 + x.member.length;
            size++;
        }
    }

    /** Makes the set a skip list whatever its size (a store whose result is large). */
    public void convertToSkipListForm() {
        if (skip == null) {
            convertToSkipList();
        }
    }

    public boolean remove(byte[] b, int off, int len) {
        if (skip == null) {
            int pos = find(b, off, len, null);
            if (pos < 0) {
                return false;
            }
            removeBytes(pos, next(pos), 1);
            return true;
        }
        ZSkipList.Node n = skip.find(b, off, len);
        if (n == null) {
            return false;
        }
        skip.delete(n);
        return true;
    }

    /** Removes the elements of ranks from..to (inclusive, in range). */
    public void removeRanks(int from, int to) {
        int count = to - from + 1;
        if (count <= 0) {
            return;
        }
        if (skip == null) {
            int start = position(from);
            int end = start;
            for (int i = 0; i < count; i++) {
                end = next(end);
            }
            removeBytes(start, end, count);
            return;
        }
        ZSkipList.Node x = skip.at(from);
        for (int k = 0; k < count; k++) {
            ZSkipList.Node next = x.next;
            skip.delete(x);
            x = next;
        }
    }

    // ------------------------------------------------------------------ ranges

    /**
     * The rank of the first element in the range, or -1, found as Redis finds it: a walk from
     * the lowest element (or a skip-list descent) that stops at the first element at or above
     * the minimum. For score ranges this is simply the first element in range.
     */
    public int firstInRange(ZRange r) {
        if (skip != null) {
            return skip.firstInRange(r);
        }
        if (!mayContain(r)) {
            return -1;
        }
        int pos = 0;
        for (int i = 0; i < size; i++) {
            int l = memberLength(pos);
            double s = scoreAtPos(pos);
            if (r.aboveMin(s, data, pos + 1, l)) {
                return r.belowMax(s, data, pos + 1, l) ? i : -1;
            }
            pos += 9 + l;
        }
        return -1;
    }

    /** The rank of the last element in the range, or -1 (the mirror of {@link #firstInRange}). */
    public int lastInRange(ZRange r) {
        if (skip != null) {
            return skip.lastInRange(r);
        }
        if (!mayContain(r)) {
            return -1;
        }
        int[] positions = positions();
        for (int i = size - 1; i >= 0; i--) {
            int pos = positions[i];
            int l = memberLength(pos);
            double s = scoreAtPos(pos);
            if (r.belowMax(s, data, pos + 1, l)) {
                return r.aboveMin(s, data, pos + 1, l) ? i : -1;
            }
        }
        return -1;
    }

    /**
     * The last rank of the run of elements from {@code from} on that are below the range's
     * maximum ({@code from - 1} when there is none): where Redis's forward walks stop.
     */
    public int endOfRun(int from, ZRange r) {
        if (skip == null) {
            int pos = position(from);
            int i = from;
            for (; i < size; i++) {
                int l = memberLength(pos);
                if (!r.belowMax(scoreAtPos(pos), data, pos + 1, l)) {
                    break;
                }
                pos += 9 + l;
            }
            return i - 1;
        }
        int i = from;
        for (ZSkipList.Node x = skip.at(from); x != null && r.belowMax(x.score, x.member); x = x.next) {
            i++;
        }
        return i - 1;
    }

    private boolean mayContain(ZRange r) {
        if (r.isEmpty() || size == 0) {
            return false;
        }
        int last = position(size - 1);
        return r.aboveMin(scoreAtPos(last), data, last + 1, memberLength(last))
                && r.belowMax(scoreAtPos(0), data, 1, memberLength(0));
    }

    private int[] positions() {
        int[] out = new int[size];
        int pos = 0;
        for (int i = 0; i < size; i++) {
            out[i] = pos;
            pos = next(pos);
        }
        return out;
    }

    /** Visits elements from a rank on, ascending or descending, until the visitor says stop. */
    public void visit(int fromRank, boolean reverse, Visitor v) {
        if (skip == null) {
            if (reverse) {
                int[] positions = positions();
                for (int i = fromRank; i >= 0; i--) {
                    if (!v.visit(memberCopy(positions[i]), scoreAtPos(positions[i]))) {
                        return;
                    }
                }
            } else {
                int pos = position(fromRank);
                for (int i = fromRank; i < size; i++) {
                    if (!v.visit(memberCopy(pos), scoreAtPos(pos))) {
                        return;
                    }
                    pos = next(pos);
                }
            }
            return;
        }
        for (ZSkipList.Node x = skip.at(fromRank); x != null; x = reverse ? x.backward : x.next) {
            if (!v.visit(x.member, x.score)) {
                return;
            }
        }
    }

    /**
     * One step of ZSCAN. The small form returns everything at once with cursor 0, as Redis does
     * for a listpack. The skip list's cursor is a position in the order of member hashes, so an
     * element present for the whole scan is returned whatever is added or removed meanwhile.
     * Returns the next cursor (0 at the end).
     */
    public long scan(long cursor, int count, Visitor v) {
        if (skip == null) {
            if (size > 0) {
                visit(0, false, v);
            }
            return 0;
        }
        if (cursor < 0 || cursor > 0xFFFF_FFFFL) {
            return 0;
        }
        ZSkipList.Node[] table = skip.table();
        long[] hashes = new long[skip.size()];
        int n = 0;
        for (ZSkipList.Node node : table) {
            if (node != null && (node.hash & 0xFFFF_FFFFL) >= cursor) {
                hashes[n++] = node.hash & 0xFFFF_FFFFL;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(hashes, 0, n);
        int take = Math.min(Math.max(count, 1), n);
        long limit = hashes[take - 1];
        for (ZSkipList.Node node : table) {
            long h = node == null ? -1 : node.hash & 0xFFFF_FFFFL;
            if (h >= cursor && h <= limit) {
                v.visit(node.member, node.score);
            }
        }
        return hashes[n - 1] > limit ? limit + 1 : 0;
    }

    @Override
    public SortedSet copy() {
        SortedSet out = new SortedSet();
        if (skip == null) {
            out.data = Arrays.copyOf(data, Math.max(used, 32));
            out.used = used;
            out.size = size;
            return out;
        }
        out.convertToSkipList();
        for (ZSkipList.Node x = skip.first(); x != null; x = x.next) {
            out.skip.insert(x.member, x.score);
        }
        return out;
    }
}
