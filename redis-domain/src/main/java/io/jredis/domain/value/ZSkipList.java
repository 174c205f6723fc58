package io.jredis.domain.value;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The large form of a sorted set, as Redis's: a skip list ordered by (score, member bytes) whose
 * links carry spans, so that insert, delete, rank and access by rank take O(log n); and an
 * open-addressing table from member to node for O(1) score look-ups. Ranks are 0-based here.
 */
final class ZSkipList {

    private static final int MAX_LEVEL = 32;

    /**
     * A node: its level-0 link is a field (three nodes in four have no other level, and the
     * level-0 span is always 1), the links above it and their spans are arrays.
     */
    static final class Node {
        final byte[] member;
        double score;
        Node backward;
        Node next;
        final Node[] up;
        final int[] upSpan;
        final int hash;

        Node(int level, byte[] member, double score, int hash) {
            this.member = member;
            this.score = score;
            this.up = level > 1 ? new Node[level - 1] : null;
            this.upSpan = level > 1 ? new int[level - 1] : null;
            this.hash = hash;
        }

        Node fwd(int i) {
            return i == 0 ? next : up[i - 1];
        }

        void setFwd(int i, Node n) {
            if (i == 0) {
                next = n;
            } else {
                up[i - 1] = n;
            }
        }

        int span(int i) {
            return i == 0 ? 1 : upSpan[i - 1];
        }

        void setSpan(int i, int s) {
            if (i > 0) {
                upSpan[i - 1] = s;
            }
        }
    }

    private final Node header = new Node(MAX_LEVEL, null, 0, 0);
    private Node tail;
    private int level = 1;
    private int length;

    /** Member table: linear probing, power-of-two capacity, at most three quarters full. */
    private Node[] table = new Node[16];

    int size() {
        return length;
    }

    // ------------------------------------------------------------------ member table

    static int hash(byte[] b, int off, int len) {
        int h = 0x9E3779B9 ^ len;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    Node find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Node n = table[i];
            if (n == null) {
                return null;
            }
            if (n.hash == h && Arrays.equals(n.member, 0, n.member.length, b, off, off + len)) {
                return n;
            }
        }
    }

    private void tableAdd(Node node) {
        if ((length + 1) * 4L > table.length * 3L) {
            Node[] old = table;
            table = new Node[old.length * 2];
            for (Node n : old) {
                if (n != null) {
                    tableInsert(n);
                }
            }
        }
        tableInsert(node);
    }

    private void tableInsert(Node node) {
        int mask = table.length - 1;
        int i = node.hash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = node;
    }

    private void tableRemove(Node node) {
        int mask = table.length - 1;
        int i = node.hash & mask;
        while (table[i] != node) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every probe chain unbroken
        int j = i;
        while (true) {
            table[i] = null;
            while (true) {
                j = (j + 1) & mask;
                Node n = table[j];
                if (n == null) {
                    return;
                }
                int home = n.hash & mask;
                boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
                if (movable) {
                    table[i] = n;
                    i = j;
                    break;
                }
            }
        }
    }

    // ------------------------------------------------------------------ skip list

    private static int randomLevel() {
        // each level with probability 1/4, as Redis's ZSKIPLIST_P
        int bits = ThreadLocalRandom.current().nextInt();
        int lvl = 1;
        while ((bits & 3) == 0 && lvl < MAX_LEVEL) {
            lvl++;
            bits >>>= 2;
            if (bits == 0) {
                bits = ThreadLocalRandom.current().nextInt();
            }
        }
        return lvl;
    }

    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        if (s1 < s2) {
            return -1;
        }
        if (s1 > s2) {
            return 1;
        }
        return Arrays.compareUnsigned(m1, m2);
    }

    /** Inserts a member known to be absent. */
    void insert(byte[] member, double score) {
        Node[] update = new Node[MAX_LEVEL];
        int[] rank = new int[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            while (x.fwd(i) != null && compare(x.fwd(i).score, x.fwd(i).member, score, member) < 0) {
                rank[i] += x.span(i);
                x = x.fwd(i);
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                update[i].setSpan(i, length);
            }
            level = lvl;
        }
        Node node = new Node(lvl, member, score, hash(member, 0, member.length));
        for (int i = 0; i < lvl; i++) {
            node.setFwd(i, update[i].fwd(i));
            update[i].setFwd(i, node);
            node.setSpan(i, update[i].span(i) - (rank[0] - rank[i]));
            update[i].setSpan(i, (rank[0] - rank[i]) + 1);
        }
        for (int i = lvl; i < level; i++) {
            update[i].setSpan(i, update[i].span(i) + 1);
        }
        node.backward = update[0] == header ? null : update[0];
        if (node.next != null) {
            node.next.backward = node;
        } else {
            tail = node;
        }
        length++;
        tableAdd(node);
    }

    /** Removes a node of this list. */
    void delete(Node node) {
        Node[] update = new Node[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && compare(x.fwd(i).score, x.fwd(i).member, node.score, node.member) < 0) {
                x = x.fwd(i);
            }
            update[i] = x;
        }
        unlink(node, update);
        tableRemove(node);
    }

    private void unlink(Node x, Node[] update) {
        for (int i = 0; i < level; i++) {
            if (update[i].fwd(i) == x) {
                update[i].setSpan(i, update[i].span(i) + x.span(i) - 1);
                update[i].setFwd(i, x.fwd(i));
            } else {
                update[i].setSpan(i, update[i].span(i) - 1);
            }
        }
        if (x.next != null) {
            x.next.backward = x.backward;
        } else {
            tail = x.backward;
        }
        while (level > 1 && header.fwd(level - 1) == null) {
            level--;
        }
        length--;
    }

    /** Changes a node's score, in place when its position does not change (as Redis's zslUpdateScore). */
    void updateScore(Node node, double score) {
        Node prev = node.backward;
        Node next = node.next;
        if ((prev == null || compare(prev.score, prev.member, score, node.member) < 0)
                && (next == null || compare(next.score, next.member, score, node.member) > 0)) {
            node.score = score;
            return;
        }
        delete(node);
        insert(node.member, score);
    }

    /** The 0-based rank of a node of this list. */
    int rank(Node node) {
        int rank = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && compare(x.fwd(i).score, x.fwd(i).member, node.score, node.member) <= 0) {
                rank += x.span(i);
                x = x.fwd(i);
            }
            if (x == node) {
                return rank - 1;
            }
        }
        return -1;
    }

    /** The node at a 0-based rank, or null. */
    Node at(int rank) {
        if (rank < 0 || rank >= length) {
            return null;
        }
        int target = rank + 1;
        int traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && traversed + x.span(i) <= target) {
                traversed += x.span(i);
                x = x.fwd(i);
            }
            if (traversed == target) {
                return x;
            }
        }
        return null;
    }

    Node first() {
        return header.next;
    }

    Node last() {
        return tail;
    }

    /** Redis's zslIsInRange / zslIsInLexRange: could any element be in the range? */
    private boolean mayContain(ZRange r) {
        if (r.isEmpty() || tail == null) {
            return false;
        }
        Node first = header.next;
        return r.aboveMin(tail.score, tail.member) && r.belowMax(first.score, first.member);
    }

    /** Rank of the first element in the range found as Redis's descent finds it, or -1. */
    int firstInRange(ZRange r) {
        if (!mayContain(r)) {
            return -1;
        }
        Node x = header;
        int rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && !r.aboveMin(x.fwd(i).score, x.fwd(i).member)) {
                rank += x.span(i);
                x = x.fwd(i);
            }
        }
        x = x.next;
        if (x == null || !r.belowMax(x.score, x.member)) {
            return -1;
        }
        return rank;
    }

    /** Rank of the last element in the range found as Redis's descent finds it, or -1. */
    int lastInRange(ZRange r) {
        if (!mayContain(r)) {
            return -1;
        }
        Node x = header;
        int rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && r.belowMax(x.fwd(i).score, x.fwd(i).member)) {
                rank += x.span(i);
                x = x.fwd(i);
            }
        }
        if (x == header || !r.aboveMin(x.score, x.member)) {
            return -1;
        }
        return rank - 1;
    }

    /** The member table, for scans that survive inserts and deletes between calls. */
    Node[] table() {
        return table;
    }
}
