package io.jredis.domain.value;

import java.util.Arrays;

/**
 * A sorted set: members (binary strings) ordered by score, ties by member bytes (memcmp), as
 * Redis orders them. Small sets are a compact sorted array ("listpack": Redis 7.0 stores them
 * in one listpack); past {@link #LISTPACK_MAX_ENTRIES} members or a member longer than
 * {@link #LISTPACK_MAX_VALUE} bytes they become a skip list with a member table ("skiplist"),
 * with O(log n) insert, delete and rank. Like Redis, a set never goes back to the small form by
 * itself; {@link #compactIfSmall()} does it where Redis does (the STORE commands).
 *
 * <p>Ranks are 0-based. Scores are never NaN. A listpack holds scores as text and reads -0 back
 * as 0, so the small form stores 0 for -0 where the skip list keeps -0, as Redis 7.0 does.
 */
public final class SortedSet implements TypedValue {

    // TODO zset-max-listpack-entries / zset-max-listpack-value once ConfigOptions exists
    public static final int LISTPACK_MAX_ENTRIES = 128;
    public static final int LISTPACK_MAX_VALUE = 64;

    /** Receives elements in order; returns false to stop. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(byte[] member, double score);
    }

    private double[] scores;
    private byte[][] members;
    private int size;
    private ZSkipList skip;

    public SortedSet() {
        scores = new double[4];
        members = new byte[4][];
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

    public int size() {
        return skip == null ? size : skip.size();
    }

    // ------------------------------------------------------------------ look-ups

    private int indexOf(byte[] b, int off, int len) {
        for (int i = 0; i < size; i++) {
            byte[] m = members[i];
            if (m.length == len && Arrays.equals(m, 0, len, b, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    /** The member's score, or NaN when it is not in the set. */
    public double score(byte[] b, int off, int len) {
        if (skip == null) {
            int i = indexOf(b, off, len);
            return i < 0 ? Double.NaN : scores[i];
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
            return indexOf(b, off, len);
        }
        ZSkipList.Node n = skip.find(b, off, len);
        return n == null ? -1 : skip.rank(n);
    }

    public byte[] memberAt(int rank) {
        return skip == null ? members[rank] : skip.at(rank).member;
    }

    public double scoreAt(int rank) {
        return skip == null ? scores[rank] : skip.at(rank).score;
    }

    // ------------------------------------------------------------------ updates

    /**
     * Sets a member's score, adding the member if absent (the member array is kept, not copied).
     * Returns true when it was added.
     */
    public boolean put(byte[] member, double score) {
        if (skip == null) {
            int i = indexOf(member, 0, member.length);
            if (i >= 0) {
                // as Redis: no change when the scores compare equal (so 0 and -0 are the same)
                if (scores[i] != score) {
                    byte[] kept = members[i];
                    removeAt(i);
                    insertPacked(kept, score == 0 ? 0.0 : score);
                }
                return false;
            }
            if (size + 1 > LISTPACK_MAX_ENTRIES || member.length > LISTPACK_MAX_VALUE) {
                convertToSkipList();
            } else {
                insertPacked(member, score == 0 ? 0.0 : score);
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

    private void insertPacked(byte[] member, double score) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ZSkipList.compare(scores[mid], members[mid], score, member) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (size == scores.length) {
            int cap = Math.min(Math.max(4, size * 2), LISTPACK_MAX_ENTRIES);
            scores = Arrays.copyOf(scores, cap);
            members = Arrays.copyOf(members, cap);
        }
        System.arraycopy(scores, lo, scores, lo + 1, size - lo);
        System.arraycopy(members, lo, members, lo + 1, size - lo);
        scores[lo] = score;
        members[lo] = member;
        size++;
    }

    private void removeAt(int i) {
        System.arraycopy(scores, i + 1, scores, i, size - i - 1);
        System.arraycopy(members, i + 1, members, i, size - i - 1);
        size--;
        members[size] = null;
    }

    private void convertToSkipList() {
        ZSkipList list = new ZSkipList();
        for (int i = 0; i < size; i++) {
            list.insert(members[i], scores[i]);
        }
        skip = list;
        scores = null;
        members = null;
        size = 0;
    }

    /** Goes back to the small form when the set fits it (Redis's zsetConvertToListpackIfNeeded). */
    public void compactIfSmall() {
        if (skip == null || skip.size() > LISTPACK_MAX_ENTRIES) {
            return;
        }
        int n = skip.size();
        double[] s = new double[Math.max(n, 4)];
        byte[][] m = new byte[Math.max(n, 4)][];
        int i = 0;
        for (ZSkipList.Node x = skip.first(); x != null; x = x.forward[0]) {
            if (x.member.length > LISTPACK_MAX_VALUE) {
                return;
            }
            s[i] = x.score == 0 ? 0.0 : x.score;
            m[i++] = x.member;
        }
        scores = s;
        members = m;
        size = n;
        skip = null;
    }

    /** Makes the set a skip list whatever its size (a store whose result is large). */
    public void convertToSkipListForm() {
        if (skip == null) {
            convertToSkipList();
        }
    }

    public boolean remove(byte[] b, int off, int len) {
        if (skip == null) {
            int i = indexOf(b, off, len);
            if (i < 0) {
                return false;
            }
            removeAt(i);
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
            System.arraycopy(scores, to + 1, scores, from, size - to - 1);
            System.arraycopy(members, to + 1, members, from, size - to - 1);
            Arrays.fill(members, size - count, size, null);
            size -= count;
            return;
        }
        ZSkipList.Node x = skip.at(from);
        for (int k = 0; k < count; k++) {
            ZSkipList.Node next = x.forward[0];
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
        for (int i = 0; i < size; i++) {
            if (r.aboveMin(scores[i], members[i])) {
                return r.belowMax(scores[i], members[i]) ? i : -1;
            }
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
        for (int i = size - 1; i >= 0; i--) {
            if (r.belowMax(scores[i], members[i])) {
                return r.aboveMin(scores[i], members[i]) ? i : -1;
            }
        }
        return -1;
    }

    private boolean mayContain(ZRange r) {
        if (r.isEmpty() || size == 0) {
            return false;
        }
        return r.aboveMin(scores[size - 1], members[size - 1]) && r.belowMax(scores[0], members[0]);
    }

    /** Visits elements from a rank on, ascending or descending, until the visitor says stop. */
    public void visit(int fromRank, boolean reverse, Visitor v) {
        if (skip == null) {
            if (reverse) {
                for (int i = fromRank; i >= 0; i--) {
                    if (!v.visit(members[i], scores[i])) {
                        return;
                    }
                }
            } else {
                for (int i = fromRank; i < size; i++) {
                    if (!v.visit(members[i], scores[i])) {
                        return;
                    }
                }
            }
            return;
        }
        for (ZSkipList.Node x = skip.at(fromRank); x != null; x = reverse ? x.backward : x.forward[0]) {
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
            visit(0, false, v);
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
            out.scores = Arrays.copyOf(scores, Math.max(size, 4));
            out.members = Arrays.copyOf(members, Math.max(size, 4));
            out.size = size;
            return out;
        }
        out.convertToSkipList();
        for (ZSkipList.Node x = skip.first(); x != null; x = x.forward[0]) {
            out.skip.insert(x.member, x.score);
        }
        return out;
    }
}
