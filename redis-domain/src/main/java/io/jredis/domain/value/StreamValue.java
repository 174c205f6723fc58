package io.jredis.domain.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream. Entries live in nodes as Redis keeps them in listpacks under a radix tree: per node
 * its master id and master fields, the entry ids as two longs each, a flags byte per entry
 * (deleted, same fields as the master) and one byte array with the entries' fields and values,
 * length-prefixed. Nodes fill and split by Redis's rules (stream-node-max-entries counting
 * deleted entries, stream-node-max-bytes measured on the listpack Redis would build), so
 * approximate trimming removes exactly the entries Redis removes.
 */
public final class StreamValue implements TypedValue {

    /** Redis's stream-node-max-entries default. */
    public static final int NODE_MAX_ENTRIES = 100;
    /** Redis's stream-node-max-bytes default. */
    public static final int NODE_MAX_BYTES = 4096;
    private static final long LISTPACK_MAX_SIZE = 1L << 30;
    static final byte DELETED = 1;
    static final byte SAME_FIELDS = 2;

    private final ArrayList<Node> nodes = new ArrayList<>();
    private long length;
    private long lastMs;
    private long lastSeq;
    private long maxDeletedMs;
    private long maxDeletedSeq;
    private long entriesAdded;
    private TreeMap<byte[], StreamGroup> groups;
    private final int nodeMaxEntries;
    private final int nodeMaxBytes;

    public StreamValue() {
        this(NODE_MAX_ENTRIES, NODE_MAX_BYTES);
    }

    public StreamValue(int nodeMaxEntries, int nodeMaxBytes) {
        this.nodeMaxEntries = nodeMaxEntries;
        this.nodeMaxBytes = nodeMaxBytes;
    }

    @Override
    public ValueType type() {
        return ValueType.STREAM;
    }

    @Override
    public String encoding() {
        return "stream";
    }

    /**
     * Redis's estimate for a stream: the object and stream structs, the radix tree (16 bytes per
     * node id, about 244 bytes per tree node, two tree nodes per listpack), the listpacks (the
     * newest one preallocated to 4 KB as Redis does; the first {@code samples} stand for all),
     * and a rough figure per consumer group.
     */
    public long footprint(int samples) {
        int count = nodes.size();
        long total = Footprint.OBJECT + 80 + (long) count * 16 + 2L * Math.max(count, 1) * 244;
        if (count > 0) {
            int n = samples <= 0 ? count : Math.min(samples, count);
            long sampled = 0;
            for (int i = 0; i < n; i++) {
                sampled += Footprint.alloc(nodes.get(i).lpBytes);
            }
            total += sampled * (count - 1) / n;
            total += Footprint.alloc(Math.max(nodes.get(count - 1).lpBytes, Math.min(4096, nodeMaxBytes)));
        }
        if (groups != null) {
            total += 128L * groups.size();
        }
        return total;
    }

    public long length() {
        return length;
    }

    public long lastMs() {
        return lastMs;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public StreamId lastId() {
        return new StreamId(lastMs, lastSeq);
    }

    public void setLastId(long ms, long seq) {
        this.lastMs = ms;
        this.lastSeq = seq;
    }

    public long entriesAdded() {
        return entriesAdded;
    }

    public void setEntriesAdded(long entriesAdded) {
        this.entriesAdded = entriesAdded;
    }

    public StreamId maxDeletedId() {
        return new StreamId(maxDeletedMs, maxDeletedSeq);
    }

    public void setMaxDeletedId(long ms, long seq) {
        this.maxDeletedMs = ms;
        this.maxDeletedSeq = seq;
    }

    /** Nodes of the radix tree (XINFO STREAM radix-tree-keys). */
    public int nodeCount() {
        return nodes.size();
    }

    /** The first live entry's id, 0-0 when empty (Redis's first_id). */
    public StreamId firstId() {
        if (length == 0) {
            return StreamId.ZERO;
        }
        for (Node n : nodes) { // an exact MINID trim can leave a node without live entries, as in Redis
            for (int i = 0; i < n.count; i++) {
                if ((n.flags[i] & DELETED) == 0) {
                    return new StreamId(n.ids[2 * i], n.ids[2 * i + 1]);
                }
            }
        }
        throw new IllegalStateException("stream length without live entries");
    }

    /** The last live entry's id, or null when empty (streamLastValidID). */
    public StreamId lastLiveId() {
        Cursor c = cursor(0, 0, -1L, -1L, true);
        return c.next() ? c.id() : null;
    }

    /** The first entry's id, deleted or not (streamGetEdgeID without skipping tombstones); null when no node. */
    public StreamId firstEntryIncludingDeleted() {
        if (nodes.isEmpty()) {
            return null;
        }
        Node n = nodes.get(0);
        return new StreamId(n.ids[0], n.ids[1]);
    }

    // ---------------------------------------------------------------- appending

    /**
     * Appends an entry whose id is greater than the last id; fields and values are given as
     * slices of {@code buf} (field, value, field, value...). Updates last id and entries-added.
     */
    public void append(long ms, long seq, byte[] buf, int[] offs, int[] lens) {
        append(ms, seq, buf, offs, lens, nodeMaxEntries, nodeMaxBytes);
    }

    /**
     * As {@link #append(long, long, byte[], int[], int[])} with the node limits in force now
     * (stream-node-max-entries and stream-node-max-bytes; 0 means no limit of that kind).
     */
    public void append(long ms, long seq, byte[] buf, int[] offs, int[] lens, long nodeMaxEntries,
                       long nodeMaxBytes) {
        int pairs = offs.length / 2;
        long total = 0;
        for (int l : lens) {
            total += l;
        }
        Node node = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        if (node != null) {
            long maxBytes = nodeMaxBytes == 0 || nodeMaxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : nodeMaxBytes;
            if (node.lpBytes + total >= maxBytes) {
                node = null;
            } else if (nodeMaxEntries != 0 && node.count >= nodeMaxEntries) {
                node = null;
            }
        }
        byte flags = 0;
        if (node == null) {
            byte[][] fields = new byte[pairs][];
            for (int i = 0; i < pairs; i++) {
                fields[i] = Arrays.copyOfRange(buf, offs[2 * i], offs[2 * i] + lens[2 * i]);
            }
            node = new Node(ms, seq, fields);
            nodes.add(node);
            flags = SAME_FIELDS;
        } else {
            node.lpBytes += Listpack.intSize(node.live + 1) - Listpack.intSize(node.live);
            if (node.masterFields.length == pairs) {
                boolean same = true;
                for (int i = 0; i < pairs && same; i++) {
                    same = Arrays.equals(node.masterFields[i], 0, node.masterFields[i].length,
                            buf, offs[2 * i], offs[2 * i] + lens[2 * i]);
                }
                if (same) {
                    flags = SAME_FIELDS;
                }
            }
        }
        node.add(ms, seq, flags, buf, offs, lens);
        length++;
        entriesAdded++;
        lastMs = ms;
        lastSeq = seq;
    }

    /** {@link #append(long, long, byte[], int[], int[])} for pairs given as arrays (field, value...). */
    public void append(long ms, long seq, byte[]... fieldsAndValues) {
        int total = 0;
        for (byte[] b : fieldsAndValues) {
            total += b.length;
        }
        byte[] buf = new byte[total];
        int[] offs = new int[fieldsAndValues.length];
        int[] lens = new int[fieldsAndValues.length];
        int p = 0;
        for (int i = 0; i < fieldsAndValues.length; i++) {
            System.arraycopy(fieldsAndValues[i], 0, buf, p, fieldsAndValues[i].length);
            offs[i] = p;
            lens[i] = fieldsAndValues[i].length;
            p += lens[i];
        }
        append(ms, seq, buf, offs, lens);
    }

    /**
     * Loads an entry as it was stored (RDB): no check of the id order beyond the node's, and
     * neither last id nor entries-added change (they are loaded with the stream).
     */
    public void load(long ms, long seq, byte[]... fieldsAndValues) {
        long added = entriesAdded;
        long lm = lastMs;
        long ls = lastSeq;
        append(ms, seq, fieldsAndValues);
        entriesAdded = added;
        lastMs = lm;
        lastSeq = ls;
    }

    // ---------------------------------------------------------------- deleting

    /** Deletes one entry (XDEL); false when it does not exist. Does not touch max-deleted-id. */
    public boolean delete(long ms, long seq) {
        int ni = nodeFor(ms, seq);
        if (ni < 0) {
            return false;
        }
        Node n = nodes.get(ni);
        int i = n.find(ms, seq);
        if (i < 0 || (n.flags[i] & DELETED) != 0) {
            return false;
        }
        if (n.live == 1) {
            nodes.remove(ni);
        } else {
            n.markDeleted(i);
        }
        length--;
        return true;
    }

    /** Trims to at most {@code maxLen} entries (XTRIM MAXLEN); returns how many were removed. */
    public long trimMaxLen(long maxLen, boolean approx, long limit) {
        return trim(true, maxLen, 0, 0, approx, limit);
    }

    /** Removes entries below {@code ms-seq} (XTRIM MINID); returns how many were removed. */
    public long trimMinId(long ms, long seq, boolean approx, long limit) {
        return trim(false, 0, ms, seq, approx, limit);
    }

    /** As Redis's streamTrim: whole nodes first, then (exact only) entries inside one node. */
    private long trim(boolean byLength, long maxLen, long minMs, long minSeq, boolean approx, long limit) {
        long deleted = 0;
        while (!nodes.isEmpty()) {
            if (byLength && length <= maxLen) {
                break;
            }
            Node n = nodes.get(0);
            long entries = n.live;
            if (limit != 0 && deleted + entries > limit) {
                break;
            }
            boolean removeNode;
            if (byLength) {
                removeNode = length - entries >= maxLen;
            } else {
                int last = n.count - 1; // the last entry, deleted or not, as lpGetEdgeStreamID
                removeNode = StreamId.compare(n.ids[2 * last], n.ids[2 * last + 1], minMs, minSeq) < 0;
            }
            if (removeNode) {
                nodes.remove(0);
                length -= entries;
                deleted += entries;
                continue;
            }
            if (approx) {
                break;
            }
            int deletedHere = 0;
            for (int i = 0; i < n.count; i++) {
                boolean stop = byLength ? length <= maxLen
                        : StreamId.compare(n.ids[2 * i], n.ids[2 * i + 1], minMs, minSeq) >= 0;
                if (stop) {
                    break;
                }
                if ((n.flags[i] & DELETED) == 0) {
                    n.flags[i] |= DELETED;
                    deletedHere++;
                    length--;
                }
            }
            // Redis rewrites the master counters once; an emptied node stays (it cannot be
            // emptied here: the stop condition keeps at least one entry).
            n.lpBytes += Listpack.intSize(n.live - deletedHere) - Listpack.intSize(n.live)
                    + Listpack.intSize(n.count - n.live + deletedHere) - Listpack.intSize(n.count - n.live);
            n.live -= deletedHere;
            deleted += deletedHere;
            break;
        }
        return deleted;
    }

    // ---------------------------------------------------------------- reading

    /** True when a live entry has this id. */
    public boolean contains(long ms, long seq) {
        int ni = nodeFor(ms, seq);
        if (ni < 0) {
            return false;
        }
        Node n = nodes.get(ni);
        int i = n.find(ms, seq);
        return i >= 0 && (n.flags[i] & DELETED) == 0;
    }

    /** A cursor over the live entries from {@code start} to {@code end} inclusive. */
    public Cursor cursor(long startMs, long startSeq, long endMs, long endSeq, boolean reverse) {
        Cursor c = new Cursor();
        c.seek(startMs, startSeq, endMs, endSeq, reverse);
        return c;
    }

    /** Index of the last node whose master id is at or below the id; -1 when none. */
    private int nodeFor(long ms, long seq) {
        int lo = 0;
        int hi = nodes.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Node n = nodes.get(mid);
            if (StreamId.compare(n.masterMs, n.masterSeq, ms, seq) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Walks live entries in a range, forward or backward; exposes the current entry's pairs. */
    public final class Cursor {
        private int node;
        private int index;
        private boolean reverse;
        private long startMs;
        private long startSeq;
        private long endMs;
        private long endSeq;
        private Node current;
        private int pairs;
        private int[] fieldOffs = new int[8];
        private int[] fieldLens = new int[8];
        private int[] valueOffs = new int[8];
        private int[] valueLens = new int[8];
        private boolean sameFields;

        void seek(long sMs, long sSeq, long eMs, long eSeq, boolean rev) {
            this.startMs = sMs;
            this.startSeq = sSeq;
            this.endMs = eMs;
            this.endSeq = eSeq;
            this.reverse = rev;
            if (!rev) {
                int ni = nodeFor(sMs, sSeq);
                if (ni < 0) {
                    node = 0;
                    index = 0;
                } else {
                    node = ni;
                    index = nodes.get(ni).lowerBound(sMs, sSeq);
                }
            } else {
                int ni = nodeFor(eMs, eSeq);
                node = ni;
                index = ni < 0 ? -1 : nodes.get(ni).lowerBound(eMs, eSeq) - 1;
                if (ni >= 0) {
                    Node n = nodes.get(ni);
                    int j = index + 1;
                    if (j < n.count && n.ids[2 * j] == eMs && n.ids[2 * j + 1] == eSeq) {
                        index = j; // the end bound itself is included
                    }
                }
            }
        }

        /** Moves to the next live entry in range; false at the end. */
        public boolean next() {
            while (true) {
                if (!reverse) {
                    if (node >= nodes.size()) {
                        return false;
                    }
                    Node n = nodes.get(node);
                    if (index >= n.count) {
                        node++;
                        index = 0;
                        continue;
                    }
                    int i = index++;
                    if (StreamId.compare(n.ids[2 * i], n.ids[2 * i + 1], endMs, endSeq) > 0) {
                        node = nodes.size();
                        return false;
                    }
                    if ((n.flags[i] & DELETED) == 0) {
                        position(n, i);
                        return true;
                    }
                } else {
                    if (node < 0) {
                        return false;
                    }
                    if (index < 0) {
                        node--;
                        if (node >= 0) {
                            index = nodes.get(node).count - 1;
                        }
                        continue;
                    }
                    Node n = nodes.get(node);
                    int i = index--;
                    if (StreamId.compare(n.ids[2 * i], n.ids[2 * i + 1], startMs, startSeq) < 0) {
                        node = -1;
                        return false;
                    }
                    if ((n.flags[i] & DELETED) == 0) {
                        position(n, i);
                        return true;
                    }
                }
            }
        }

        private long curMs;
        private long curSeq;

        private void position(Node n, int i) {
            current = n;
            curMs = n.ids[2 * i];
            curSeq = n.ids[2 * i + 1];
            sameFields = (n.flags[i] & SAME_FIELDS) != 0;
            byte[] d = n.data;
            int p = n.starts[i];
            if (sameFields) {
                pairs = n.masterFields.length;
                grow(pairs);
                for (int f = 0; f < pairs; f++) {
                    int len = Varint.read(d, p);
                    p += Varint.size(len);
                    valueOffs[f] = p;
                    valueLens[f] = len;
                    p += len;
                }
            } else {
                pairs = Varint.read(d, p);
                p += Varint.size(pairs);
                grow(pairs);
                for (int f = 0; f < pairs; f++) {
                    int len = Varint.read(d, p);
                    p += Varint.size(len);
                    fieldOffs[f] = p;
                    fieldLens[f] = len;
                    p += len;
                    len = Varint.read(d, p);
                    p += Varint.size(len);
                    valueOffs[f] = p;
                    valueLens[f] = len;
                    p += len;
                }
            }
        }

        private void grow(int n) {
            if (fieldOffs.length < n) {
                fieldOffs = new int[n];
                fieldLens = new int[n];
                valueOffs = new int[n];
                valueLens = new int[n];
            }
        }

        public long ms() {
            return curMs;
        }

        public long seq() {
            return curSeq;
        }

        public StreamId id() {
            return new StreamId(curMs, curSeq);
        }

        public int pairs() {
            return pairs;
        }

        public byte[] fieldArray(int i) {
            return sameFields ? current.masterFields[i] : current.data;
        }

        public int fieldOffset(int i) {
            return sameFields ? 0 : fieldOffs[i];
        }

        public int fieldLength(int i) {
            return sameFields ? current.masterFields[i].length : fieldLens[i];
        }

        public byte[] valueArray() {
            return current.data;
        }

        public int valueOffset(int i) {
            return valueOffs[i];
        }

        public int valueLength(int i) {
            return valueLens[i];
        }

        /** The current entry's pairs copied: field, value, field, value... */
        public byte[][] fieldsAndValues() {
            byte[][] out = new byte[2 * pairs][];
            for (int i = 0; i < pairs; i++) {
                out[2 * i] = Arrays.copyOfRange(fieldArray(i), fieldOffset(i), fieldOffset(i) + fieldLength(i));
                out[2 * i + 1] = Arrays.copyOfRange(current.data, valueOffs[i], valueOffs[i] + valueLens[i]);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- groups

    /** The groups by name; empty map when none was ever created. */
    public Map<byte[], StreamGroup> groups() {
        return groups == null ? Map.of() : groups;
    }

    /** True once a group was ever created (Redis keeps an empty group tree after that). */
    public boolean hasGroupTree() {
        return groups != null;
    }

    public StreamGroup group(byte[] name) {
        return groups == null ? null : groups.get(name);
    }

    /** Creates a group; null when one of that name exists. */
    public StreamGroup createGroup(byte[] name, long lastMs, long lastSeq, long entriesRead) {
        if (groups == null) {
            groups = new TreeMap<>(Arrays::compareUnsigned);
        }
        if (groups.containsKey(name)) {
            return null;
        }
        StreamGroup g = new StreamGroup(name, lastMs, lastSeq, entriesRead);
        groups.put(name, g);
        return g;
    }

    public boolean destroyGroup(byte[] name) {
        return groups != null && groups.remove(name) != null;
    }

    // ---------------------------------------------------------------- lag and read counters

    /** True when max-deleted-id lies within start..end and among live entries (streamRangeHasTombstones). */
    public boolean rangeHasTombstones(StreamId start, StreamId end) {
        if (length == 0 || (maxDeletedMs == 0 && maxDeletedSeq == 0)) {
            return false;
        }
        StreamId first = firstId();
        if (StreamId.compare(first.ms(), first.seq(), maxDeletedMs, maxDeletedSeq) > 0) {
            return false;
        }
        StreamId s = start == null ? StreamId.ZERO : start;
        StreamId e = end == null ? StreamId.MAX : end;
        return StreamId.compare(s.ms(), s.seq(), maxDeletedMs, maxDeletedSeq) <= 0
                && StreamId.compare(maxDeletedMs, maxDeletedSeq, e.ms(), e.seq()) <= 0;
    }

    /** The logical read counter of an id, or -1 when it cannot be known (streamEstimateDistanceFromFirstEverEntry). */
    public long estimateEntriesRead(long ms, long seq) {
        if (entriesAdded == 0) {
            return 0;
        }
        int cmpLast = StreamId.compare(ms, seq, lastMs, lastSeq);
        if (length == 0 && cmpLast < 1) {
            return entriesAdded;
        }
        if (cmpLast == 0) {
            return entriesAdded;
        } else if (cmpLast > 0) {
            return StreamGroup.ENTRIES_READ_UNKNOWN;
        }
        StreamId first = firstId();
        int cmpFirst = StreamId.compare(ms, seq, first.ms(), first.seq());
        int cmpDelFirst = StreamId.compare(maxDeletedMs, maxDeletedSeq, first.ms(), first.seq());
        if ((maxDeletedMs == 0 && maxDeletedSeq == 0) || cmpDelFirst < 0) {
            if (cmpFirst < 0) {
                return entriesAdded - length;
            } else if (cmpFirst == 0) {
                return entriesAdded - length + 1;
            }
        }
        return StreamGroup.ENTRIES_READ_UNKNOWN;
    }

    /** A group's lag, or -1 when it cannot be known (streamCGLag). */
    public long lag(StreamGroup g) {
        if (entriesAdded == 0) {
            return 0;
        }
        if (g.entriesRead() != StreamGroup.ENTRIES_READ_UNKNOWN
                && !rangeHasTombstones(new StreamId(g.lastMs(), g.lastSeq()), null)) {
            return entriesAdded - g.entriesRead();
        }
        long read = estimateEntriesRead(g.lastMs(), g.lastSeq());
        return read == StreamGroup.ENTRIES_READ_UNKNOWN ? -1 : entriesAdded - read;
    }

    // ---------------------------------------------------------------- introspection

    /**
     * The nodes of the radix tree Redis would hold for the node keys (XINFO STREAM
     * radix-tree-nodes): its root, every branching prefix, every child of a branching prefix
     * and every key, for 16-byte big-endian master ids.
     */
    public long radixTreeNodes() {
        int n = nodes.size();
        if (n == 0) {
            return 1;
        }
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = nodes.get(i).key();
        }
        HashSet<String> prefixes = new HashSet<>();
        prefixes.add("");
        for (byte[] k : keys) {
            prefixes.add(prefix(k, 16));
        }
        // branching prefixes: the common prefixes of neighbours (keys are sorted)
        HashSet<String> branching = new HashSet<>();
        List<int[]> branchPoints = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            int l = Arrays.mismatch(keys[i], keys[i + 1]);
            if (branching.add(prefix(keys[i], l))) {
                branchPoints.add(new int[] {i, l});
            }
        }
        prefixes.addAll(branching);
        for (byte[] k : keys) {
            for (int l = 0; l < 16; l++) {
                if (branching.contains(prefix(k, l))) {
                    prefixes.add(prefix(k, l + 1));
                }
            }
        }
        return prefixes.size();
    }

    private static String prefix(byte[] k, int len) {
        return new String(k, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Per node: master id, entries (deleted included) and live entries, for RDB and tests. */
    public List<NodeView> nodeViews() {
        List<NodeView> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            out.add(new NodeView(n));
        }
        return out;
    }

    /** A read-only view of one node, enough to write it as Redis's listpack. */
    public static final class NodeView {
        private final Node node;

        NodeView(Node node) {
            this.node = node;
        }

        public long masterMs() {
            return node.masterMs;
        }

        public long masterSeq() {
            return node.masterSeq;
        }

        public byte[][] masterFields() {
            return node.masterFields;
        }

        public int count() {
            return node.count;
        }

        public int live() {
            return node.live;
        }

        public long ms(int i) {
            return node.ids[2 * i];
        }

        public long seq(int i) {
            return node.ids[2 * i + 1];
        }

        public boolean deleted(int i) {
            return (node.flags[i] & DELETED) != 0;
        }

        public boolean sameFields(int i) {
            return (node.flags[i] & SAME_FIELDS) != 0;
        }

        /** Entry i's pairs: field, value, field, value... */
        public byte[][] fieldsAndValues(int i) {
            return node.pairs(i);
        }

        /** The size in bytes of the listpack Redis would hold for this node. */
        public int listpackBytes() {
            return node.lpBytes;
        }
    }

    @Override
    public StreamValue copy() {
        StreamValue s = new StreamValue(nodeMaxEntries, nodeMaxBytes);
        for (Node n : nodes) {
            s.nodes.add(n.copy());
        }
        s.length = length;
        s.lastMs = lastMs;
        s.lastSeq = lastSeq;
        s.maxDeletedMs = maxDeletedMs;
        s.maxDeletedSeq = maxDeletedSeq;
        s.entriesAdded = entriesAdded;
        if (groups != null) {
            s.groups = new TreeMap<>(Arrays::compareUnsigned);
            for (Map.Entry<byte[], StreamGroup> e : groups.entrySet()) {
                s.groups.put(e.getKey(), e.getValue().copy());
            }
        }
        return s;
    }

    // ---------------------------------------------------------------- nodes

    /** One listpack's worth of entries. */
    static final class Node {
        final long masterMs;
        final long masterSeq;
        final byte[][] masterFields;
        int count;
        int live;
        long[] ids = new long[8];
        byte[] flags = new byte[4];
        int[] starts = new int[4];
        byte[] data = new byte[32];
        int dataLen;
        int lpBytes;

        Node(long masterMs, long masterSeq, byte[][] masterFields) {
            this.masterMs = masterMs;
            this.masterSeq = masterSeq;
            this.masterFields = masterFields;
            // header, end byte and the master entry: count 0 (raised by the first add), deleted
            // 0, the field count, the fields and the 0 terminator
            int b = Listpack.HEADER_AND_END + Listpack.intSize(0) + Listpack.intSize(0)
                    + Listpack.intSize(masterFields.length) + Listpack.intSize(0);
            for (byte[] f : masterFields) {
                b += Listpack.stringSize(f, 0, f.length);
            }
            this.lpBytes = b;
        }

        byte[] key() {
            byte[] k = new byte[16];
            for (int i = 0; i < 8; i++) {
                k[i] = (byte) (masterMs >>> (56 - 8 * i));
                k[8 + i] = (byte) (masterSeq >>> (56 - 8 * i));
            }
            return k;
        }

        void add(long ms, long seq, byte flag, byte[] buf, int[] offs, int[] lens) {
            if (count == flags.length) {
                int cap = Math.max(4, count * 2);
                flags = Arrays.copyOf(flags, cap);
                starts = Arrays.copyOf(starts, cap);
                ids = Arrays.copyOf(ids, 2 * cap);
            }
            ids[2 * count] = ms;
            ids[2 * count + 1] = seq;
            flags[count] = flag;
            starts[count] = dataLen;
            int pairs = offs.length / 2;
            boolean same = (flag & SAME_FIELDS) != 0;
            int need = same ? 0 : Varint.size(pairs);
            for (int i = 0; i < offs.length; i++) {
                if (same && i % 2 == 0) {
                    continue;
                }
                need += Varint.size(lens[i]) + lens[i];
            }
            if (dataLen + need > data.length) {
                data = Arrays.copyOf(data, Math.max(dataLen + need, data.length + (data.length >> 1)));
            }
            if (!same) {
                dataLen = Varint.write(data, dataLen, pairs);
            }
            int lp = Listpack.intSize(flag) + Listpack.intSize(ms - masterMs) + Listpack.intSize(seq - masterSeq);
            for (int i = 0; i < offs.length; i++) {
                if (same && i % 2 == 0) {
                    continue;
                }
                dataLen = Varint.write(data, dataLen, lens[i]);
                System.arraycopy(buf, offs[i], data, dataLen, lens[i]);
                dataLen += lens[i];
                lp += Listpack.stringSize(buf, offs[i], lens[i]);
            }
            long lpCount = 3 + pairs;
            if (!same) {
                lpCount += pairs + 1;
                lp += Listpack.intSize(pairs);
            }
            lp += Listpack.intSize(lpCount);
            lpBytes += lp;
            count++;
            live++;
        }

        /** Index of the entry with this id (deleted or not), or -1. */
        int find(long ms, long seq) {
            int i = lowerBound(ms, seq);
            return i < count && ids[2 * i] == ms && ids[2 * i + 1] == seq ? i : -1;
        }

        /** Index of the first entry at or above the id (count when none). */
        int lowerBound(long ms, long seq) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (StreamId.compare(ids[2 * mid], ids[2 * mid + 1], ms, seq) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        void markDeleted(int i) {
            flags[i] |= DELETED;
            int deleted = count - live;
            lpBytes += Listpack.intSize(live - 1) - Listpack.intSize(live)
                    + Listpack.intSize(deleted + 1) - Listpack.intSize(deleted);
            live--;
        }

        byte[][] pairs(int i) {
            int p = starts[i];
            if ((flags[i] & SAME_FIELDS) != 0) {
                byte[][] out = new byte[2 * masterFields.length][];
                for (int f = 0; f < masterFields.length; f++) {
                    int len = Varint.read(data, p);
                    p += Varint.size(len);
                    out[2 * f] = masterFields[f];
                    out[2 * f + 1] = Arrays.copyOfRange(data, p, p + len);
                    p += len;
                }
                return out;
            }
            int n = Varint.read(data, p);
            p += Varint.size(n);
            byte[][] out = new byte[2 * n][];
            for (int f = 0; f < 2 * n; f++) {
                int len = Varint.read(data, p);
                p += Varint.size(len);
                out[f] = Arrays.copyOfRange(data, p, p + len);
                p += len;
            }
            return out;
        }

        Node copy() {
            Node n = new Node(masterMs, masterSeq, masterFields);
            n.count = count;
            n.live = live;
            n.ids = ids.clone();
            n.flags = flags.clone();
            n.starts = starts.clone();
            n.data = Arrays.copyOf(data, dataLen);
            n.dataLen = dataLen;
            n.lpBytes = lpBytes;
            return n;
        }
    }

    /** Unsigned LEB128 lengths inside a node's data. */
    static final class Varint {
        private Varint() {
        }

        static int size(int v) {
            return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
        }

        static int write(byte[] b, int p, int v) {
            while ((v & ~0x7F) != 0) {
                b[p++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[p++] = (byte) v;
            return p;
        }

        static int read(byte[] b, int p) {
            int v = 0;
            int shift = 0;
            while (true) {
                int x = b[p++];
                v |= (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }
    }
}
