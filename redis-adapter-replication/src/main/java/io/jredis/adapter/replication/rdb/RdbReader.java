package io.jredis.adapter.replication.rdb;

import io.jredis.adapter.replication.rdb.LoadedValue.ConsumerGroup;
import io.jredis.adapter.replication.rdb.LoadedValue.HashField;
import io.jredis.adapter.replication.rdb.LoadedValue.PendingEntry;
import io.jredis.adapter.replication.rdb.LoadedValue.ScoredMember;
import io.jredis.adapter.replication.rdb.LoadedValue.StreamConsumer;
import io.jredis.adapter.replication.rdb.LoadedValue.StreamEntry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an RDB file as Redis 7.0 to 7.4 write it (RDB versions 1 to 12) and hands what it finds
 * to an {@link RdbSink}. Every problem (truncation, bad checksum, unknown opcode or type,
 * malformed encoding) is an {@link RdbFormatException} carrying the byte offset.
 */
public final class RdbReader {

    /** The newest RDB version we read (Redis 7.4). */
    public static final int MAX_VERSION = 12;

    static final int OPCODE_SLOT_INFO = 244;
    static final int OPCODE_FUNCTION2 = 245;
    static final int OPCODE_FUNCTION_PRE_GA = 246;
    static final int OPCODE_MODULE_AUX = 247;
    static final int OPCODE_IDLE = 248;
    static final int OPCODE_FREQ = 249;
    static final int OPCODE_AUX = 250;
    static final int OPCODE_RESIZEDB = 251;
    static final int OPCODE_EXPIRETIME_MS = 252;
    static final int OPCODE_EXPIRETIME = 253;
    static final int OPCODE_SELECTDB = 254;
    static final int OPCODE_EOF = 255;

    static final int TYPE_STRING = 0;
    static final int TYPE_LIST = 1;
    static final int TYPE_SET = 2;
    static final int TYPE_ZSET = 3;
    static final int TYPE_HASH = 4;
    static final int TYPE_ZSET_2 = 5;
    static final int TYPE_MODULE_PRE_GA = 6;
    static final int TYPE_MODULE_2 = 7;
    static final int TYPE_HASH_ZIPMAP = 9;
    static final int TYPE_LIST_ZIPLIST = 10;
    static final int TYPE_SET_INTSET = 11;
    static final int TYPE_ZSET_ZIPLIST = 12;
    static final int TYPE_HASH_ZIPLIST = 13;
    static final int TYPE_LIST_QUICKLIST = 14;
    static final int TYPE_STREAM_LISTPACKS = 15;
    static final int TYPE_HASH_LISTPACK = 16;
    static final int TYPE_ZSET_LISTPACK = 17;
    static final int TYPE_LIST_QUICKLIST_2 = 18;
    static final int TYPE_STREAM_LISTPACKS_2 = 19;
    static final int TYPE_SET_LISTPACK = 20;
    static final int TYPE_STREAM_LISTPACKS_3 = 21;
    static final int TYPE_HASH_METADATA_PRE_GA = 22;
    static final int TYPE_HASH_LISTPACK_EX_PRE_GA = 23;
    static final int TYPE_HASH_METADATA = 24;
    static final int TYPE_HASH_LISTPACK_EX = 25;

    private static final int QUICKLIST_PLAIN = 1;
    private static final int QUICKLIST_PACKED = 2;

    private final RdbInput in;
    private final RdbSink sink;
    private int version;

    private RdbReader(InputStream stream, RdbSink sink) {
        this.in = new RdbInput(stream);
        this.sink = sink;
    }

    /**
     * Reads a whole file. Returns its RDB version.
     *
     * @throws RdbFormatException when the file is corrupt, truncated or holds what cannot be read
     * @throws IOException when reading the stream fails
     */
    public static int read(InputStream stream, RdbSink sink) throws IOException, RdbFormatException {
        RdbReader reader = new RdbReader(stream, sink);
        try {
            reader.readAll();
        } catch (EOFException e) {
            throw new RdbFormatException(reader.in.offset(), "unexpected end of file");
        }
        return reader.version;
    }

    /**
     * Reads one RDB image from the start of {@code stream} and returns the bytes it took, CRC
     * included: an old-style append-only file goes on with commands after its RDB preamble.
     */
    public static long readMeasured(InputStream stream, RdbSink sink) throws IOException, RdbFormatException {
        RdbReader reader = new RdbReader(stream, sink);
        try {
            reader.readAll();
        } catch (EOFException e) {
            throw new RdbFormatException(reader.in.offset(), "unexpected end of file");
        }
        return reader.in.offset();
    }

    /**
     * One value as a DUMP payload holds it: its type byte, then its encoding, read as a file of
     * {@code version} would hold it. The bytes after the value (the payload's trailer) are left.
     */
    static LoadedValue readObject(byte[] buf, int off, int len, int version) throws IOException, RdbFormatException {
        RdbReader reader = new RdbReader(new java.io.ByteArrayInputStream(buf, off, len), null);
        reader.version = version;
        try {
            int type = reader.in.readByte();
            return reader.readValue(type, 0);
        } catch (EOFException e) {
            throw new RdbFormatException(reader.in.offset(), "unexpected end of payload");
        }
    }

    private void readAll() throws IOException, RdbFormatException {
        byte[] magic = in.readBytes(9);
        String header = new String(magic, StandardCharsets.ISO_8859_1);
        if (!header.startsWith("REDIS")) {
            throw new RdbFormatException(0, "wrong signature trying to load DB from file");
        }
        try {
            version = Integer.parseInt(header.substring(5));
        } catch (NumberFormatException e) {
            throw new RdbFormatException(5, "invalid RDB version '" + header.substring(5) + "'");
        }
        if (version < 1 || version > MAX_VERSION) {
            throw new RdbFormatException(5, "can't handle RDB format version " + version);
        }
        int db = 0;
        long expireAt = -1;
        while (true) {
            long at = in.offset();
            int type = in.readByte();
            switch (type) {
                case OPCODE_EXPIRETIME -> expireAt = in.readLittleEndian(4) * 1000L;
                case OPCODE_EXPIRETIME_MS -> expireAt = in.readLittleEndian(8);
                case OPCODE_FREQ -> in.readByte();
                case OPCODE_IDLE -> in.readLength();
                case OPCODE_EOF -> {
                    readChecksum();
                    return;
                }
                case OPCODE_SELECTDB -> {
                    long n = in.readLength();
                    if (n < 0 || n > Integer.MAX_VALUE) {
                        throw new RdbFormatException(at, "database number " + n + " out of range");
                    }
                    db = (int) n;
                }
                case OPCODE_RESIZEDB -> sink.resizeDb(db, in.readLength(), in.readLength());
                case OPCODE_SLOT_INFO -> {
                    in.readLength();
                    in.readLength();
                    in.readLength();
                }
                case OPCODE_AUX -> sink.aux(in.readString(), in.readString());
                case OPCODE_MODULE_AUX -> {
                    long moduleId = in.readLength();
                    in.readLength(); // when_opcode
                    in.readLength(); // when
                    skipModuleValue(at);
                    try {
                        sink.moduleAux(moduleId);
                    } catch (RdbFormatException e) {
                        throw atOffset(e, at);
                    }
                }
                case OPCODE_FUNCTION2 -> {
                    byte[] code = in.readString();
                    try {
                        sink.functionLibrary(code);
                    } catch (RdbFormatException e) {
                        throw atOffset(e, at);
                    }
                }
                case OPCODE_FUNCTION_PRE_GA -> throw new RdbFormatException(at,
                        "function library in the format of Redis 7.0 release candidates (not supported)");
                default -> {
                    byte[] key = in.readString();
                    LoadedValue value = readValue(type, at);
                    try {
                        sink.entry(db, key, expireAt, value);
                    } catch (RdbFormatException e) {
                        throw atOffset(e, at);
                    }
                    expireAt = -1;
                }
            }
        }
    }

    private static RdbFormatException atOffset(RdbFormatException e, long at) {
        return e.offset() >= 0 ? e : new RdbFormatException(at, e.getMessage());
    }

    private void readChecksum() throws IOException, RdbFormatException {
        if (version < 5) {
            return;
        }
        long computed = in.crc();
        long at = in.offset();
        long stored = in.readLittleEndian(8);
        if (stored != 0 && stored != computed) {
            throw new RdbFormatException(at, "wrong RDB checksum expected: (" + Long.toHexString(stored)
                    + ") got: (" + Long.toHexString(computed) + ")");
        }
    }

    private LoadedValue readValue(int type, long at) throws IOException, RdbFormatException {
        switch (type) {
            case TYPE_STRING:
                return new LoadedValue.StringValue(in.readString());
            case TYPE_LIST:
                return new LoadedValue.ListValue(readStrings());
            case TYPE_SET:
                return new LoadedValue.SetValue(readStrings());
            case TYPE_ZSET:
            case TYPE_ZSET_2: {
                int n = in.readIntLength();
                List<ScoredMember> members = new ArrayList<>(Math.min(n, 1 << 16));
                for (int i = 0; i < n; i++) {
                    byte[] member = in.readString();
                    double score = type == TYPE_ZSET ? in.readStringDouble() : in.readBinaryDouble();
                    members.add(new ScoredMember(member, score));
                }
                return new LoadedValue.ZSetValue(members);
            }
            case TYPE_HASH: {
                int n = in.readIntLength();
                List<HashField> fields = new ArrayList<>(Math.min(n, 1 << 16));
                for (int i = 0; i < n; i++) {
                    fields.add(new HashField(in.readString(), in.readString(), -1));
                }
                return new LoadedValue.HashValue(fields);
            }
            case TYPE_HASH_METADATA:
            case TYPE_HASH_METADATA_PRE_GA: {
                long minExpire = type == TYPE_HASH_METADATA ? in.readLittleEndian(8) : 0;
                int n = in.readIntLength();
                List<HashField> fields = new ArrayList<>(Math.min(n, 1 << 16));
                for (int i = 0; i < n; i++) {
                    long ttl = in.readLength();
                    long expire;
                    if (type == TYPE_HASH_METADATA) {
                        expire = ttl == 0 ? -1 : ttl + minExpire - 1; // relative to minExpire, +1 so 0 means none
                    } else {
                        expire = ttl == 0 ? -1 : ttl;
                    }
                    fields.add(new HashField(in.readString(), in.readString(), expire));
                }
                return new LoadedValue.HashValue(fields);
            }
            case TYPE_LIST_QUICKLIST:
            case TYPE_LIST_QUICKLIST_2: {
                int nodes = in.readIntLength();
                List<byte[]> elements = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    long container = QUICKLIST_PACKED;
                    if (type == TYPE_LIST_QUICKLIST_2) {
                        long cat = in.offset();
                        container = in.readLength();
                        if (container != QUICKLIST_PACKED && container != QUICKLIST_PLAIN) {
                            throw new RdbFormatException(cat, "unknown quicklist container " + container);
                        }
                    }
                    long blobAt = in.offset();
                    byte[] blob = in.readString();
                    if (container == QUICKLIST_PLAIN) {
                        elements.add(blob);
                    } else {
                        elements.addAll(decode(blobAt, type == TYPE_LIST_QUICKLIST_2 ? Packed.LISTPACK : Packed.ZIPLIST,
                                blob));
                    }
                }
                return new LoadedValue.ListValue(elements);
            }
            case TYPE_LIST_ZIPLIST:
                return new LoadedValue.ListValue(readPacked(Packed.ZIPLIST));
            case TYPE_SET_INTSET:
                return new LoadedValue.SetValue(readPacked(Packed.INTSET));
            case TYPE_SET_LISTPACK:
                return new LoadedValue.SetValue(readPacked(Packed.LISTPACK));
            case TYPE_ZSET_ZIPLIST:
            case TYPE_ZSET_LISTPACK: {
                long blobAt = in.offset();
                List<byte[]> flat = readPacked(type == TYPE_ZSET_ZIPLIST ? Packed.ZIPLIST : Packed.LISTPACK);
                if (flat.size() % 2 != 0) {
                    throw new RdbFormatException(blobAt, "sorted set encoding with an odd number of elements");
                }
                List<ScoredMember> members = new ArrayList<>(flat.size() / 2);
                for (int i = 0; i < flat.size(); i += 2) {
                    String s = new String(flat.get(i + 1), StandardCharsets.US_ASCII);
                    double score;
                    try {
                        score = parseScore(s);
                    } catch (NumberFormatException e) {
                        throw new RdbFormatException(blobAt, "invalid sorted set score '" + s + "'");
                    }
                    members.add(new ScoredMember(flat.get(i), score));
                }
                return new LoadedValue.ZSetValue(members);
            }
            case TYPE_HASH_ZIPMAP:
            case TYPE_HASH_ZIPLIST:
            case TYPE_HASH_LISTPACK: {
                long blobAt = in.offset();
                Packed p = type == TYPE_HASH_ZIPMAP ? Packed.ZIPMAP
                        : type == TYPE_HASH_ZIPLIST ? Packed.ZIPLIST : Packed.LISTPACK;
                List<byte[]> flat = readPacked(p);
                if (flat.size() % 2 != 0) {
                    throw new RdbFormatException(blobAt, "hash encoding with an odd number of elements");
                }
                List<HashField> fields = new ArrayList<>(flat.size() / 2);
                for (int i = 0; i < flat.size(); i += 2) {
                    fields.add(new HashField(flat.get(i), flat.get(i + 1), -1));
                }
                return new LoadedValue.HashValue(fields);
            }
            case TYPE_HASH_LISTPACK_EX:
            case TYPE_HASH_LISTPACK_EX_PRE_GA: {
                if (type == TYPE_HASH_LISTPACK_EX) {
                    in.readLittleEndian(8); // the earliest field expiry, a hint
                }
                long blobAt = in.offset();
                List<byte[]> flat = readPacked(Packed.LISTPACK);
                if (flat.size() % 3 != 0) {
                    throw new RdbFormatException(blobAt, "hash listpack with field expiry not in triplets");
                }
                List<HashField> fields = new ArrayList<>(flat.size() / 3);
                for (int i = 0; i < flat.size(); i += 3) {
                    long ttl = PackedEncodings.parseLong(flat.get(i + 2));
                    fields.add(new HashField(flat.get(i), flat.get(i + 1), ttl == 0 ? -1 : ttl));
                }
                return new LoadedValue.HashValue(fields);
            }
            case TYPE_STREAM_LISTPACKS:
            case TYPE_STREAM_LISTPACKS_2:
            case TYPE_STREAM_LISTPACKS_3:
                return readStream(type);
            case TYPE_MODULE_PRE_GA:
            case TYPE_MODULE_2:
                throw new RdbFormatException(at, "module data type values are not supported (module id "
                        + in.readLength() + ")");
            default:
                throw new RdbFormatException(at, "unknown RDB value type " + type);
        }
    }

    /** Scores in ziplists and listpacks are text (or integers), as Redis's strtod reads them. */
    private static double parseScore(String s) {
        return switch (s) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private List<byte[]> readStrings() throws IOException, RdbFormatException {
        int n = in.readIntLength();
        List<byte[]> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }

    private enum Packed { LISTPACK, ZIPLIST, INTSET, ZIPMAP }

    private List<byte[]> readPacked(Packed kind) throws IOException, RdbFormatException {
        long at = in.offset();
        return decode(at, kind, in.readString());
    }

    private static List<byte[]> decode(long at, Packed kind, byte[] blob) throws RdbFormatException {
        try {
            return switch (kind) {
                case LISTPACK -> PackedEncodings.listpack(blob);
                case ZIPLIST -> PackedEncodings.ziplist(blob);
                case INTSET -> PackedEncodings.intset(blob);
                case ZIPMAP -> PackedEncodings.zipmap(blob);
            };
        } catch (IllegalArgumentException e) {
            throw new RdbFormatException(at, kind.name().toLowerCase(java.util.Locale.ROOT) + " integrity check failed: "
                    + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- streams

    private static final int STREAM_ITEM_FLAG_DELETED = 1;
    private static final int STREAM_ITEM_FLAG_SAMEFIELDS = 2;

    private LoadedValue readStream(int type) throws IOException, RdbFormatException {
        int nodes = in.readIntLength();
        List<StreamEntry> entries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            long at = in.offset();
            byte[] nodeKey = in.readString();
            if (nodeKey.length != 16) {
                throw new RdbFormatException(at, "stream node key is not a 128 bit stream ID");
            }
            long masterMs = be(nodeKey, 0);
            long masterSeq = be(nodeKey, 8);
            long blobAt = in.offset();
            List<byte[]> lp = decode(blobAt, Packed.LISTPACK, in.readString());
            try {
                readStreamNode(lp, masterMs, masterSeq, entries);
            } catch (RuntimeException e) {
                throw new RdbFormatException(blobAt, "stream listpack integrity check failed: " + e);
            }
        }
        long length = in.readLength();
        long lastMs = in.readLength();
        long lastSeq = in.readLength();
        long firstMs = 0;
        long firstSeq = 0;
        long maxDelMs = 0;
        long maxDelSeq = 0;
        long added = length;
        if (type >= TYPE_STREAM_LISTPACKS_2) {
            firstMs = in.readLength();
            firstSeq = in.readLength();
            maxDelMs = in.readLength();
            maxDelSeq = in.readLength();
            added = in.readLength();
        }
        int groupCount = in.readIntLength();
        List<ConsumerGroup> groups = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            byte[] name = in.readString();
            long gMs = in.readLength();
            long gSeq = in.readLength();
            long entriesRead = type >= TYPE_STREAM_LISTPACKS_2 ? in.readLength() : 0;
            int pelSize = in.readIntLength();
            Map<String, long[]> pel = new HashMap<>();
            List<String> pelOrder = new ArrayList<>(pelSize);
            for (int i = 0; i < pelSize; i++) {
                byte[] id = in.readBytes(16);
                long deliveryTime = in.readLittleEndian(8);
                long deliveryCount = in.readLength();
                String k = be(id, 0) + "-" + be(id, 8);
                pel.put(k, new long[] {be(id, 0), be(id, 8), deliveryTime, deliveryCount});
                pelOrder.add(k);
            }
            int consumerCount = in.readIntLength();
            List<StreamConsumer> consumers = new ArrayList<>(consumerCount);
            Map<String, byte[]> owner = new HashMap<>();
            for (int c = 0; c < consumerCount; c++) {
                byte[] cname = in.readString();
                long seen = in.readLittleEndian(8);
                long active = type >= TYPE_STREAM_LISTPACKS_3 ? in.readLittleEndian(8) : seen;
                int owned = in.readIntLength();
                for (int i = 0; i < owned; i++) {
                    long at = in.offset();
                    byte[] id = in.readBytes(16);
                    String k = be(id, 0) + "-" + be(id, 8);
                    if (!pel.containsKey(k)) {
                        throw new RdbFormatException(at, "consumer's pending entry " + k + " is not in its group's PEL");
                    }
                    owner.put(k, cname);
                }
                consumers.add(new StreamConsumer(cname, seen, active));
            }
            List<PendingEntry> pending = new ArrayList<>(pelSize);
            for (String k : pelOrder) {
                long[] p = pel.get(k);
                pending.add(new PendingEntry(p[0], p[1], p[2], p[3], owner.get(k)));
            }
            groups.add(new ConsumerGroup(name, gMs, gSeq, entriesRead, pending, consumers));
        }
        return new LoadedValue.StreamValue(entries, length, lastMs, lastSeq, firstMs, firstSeq, maxDelMs,
                maxDelSeq, added, groups);
    }

    /**
     * One node's listpack: a master entry (count, deleted, number of master fields, the fields,
     * a 0 terminator), then entries of flags, ms and seq deltas, [field count], fields and values
     * (values only when they share the master fields), and a trailing element count.
     */
    private static void readStreamNode(List<byte[]> lp, long masterMs, long masterSeq, List<StreamEntry> out) {
        int p = 0;
        long count = num(lp.get(p++));
        long deleted = num(lp.get(p++));
        int masterFieldCount = (int) num(lp.get(p++));
        List<byte[]> masterFields = new ArrayList<>(lp.subList(p, p + masterFieldCount));
        p += masterFieldCount;
        p++; // master entry terminator
        long seen = 0;
        while (p < lp.size()) {
            int flags = (int) num(lp.get(p++));
            long ms = masterMs + num(lp.get(p++));
            long seq = masterSeq + num(lp.get(p++));
            List<byte[]> fv = new ArrayList<>();
            if ((flags & STREAM_ITEM_FLAG_SAMEFIELDS) != 0) {
                for (int i = 0; i < masterFieldCount; i++) {
                    fv.add(masterFields.get(i));
                    fv.add(lp.get(p++));
                }
            } else {
                int n = (int) num(lp.get(p++));
                for (int i = 0; i < n; i++) {
                    fv.add(lp.get(p++));
                    fv.add(lp.get(p++));
                }
            }
            p++; // lp-count, for walking backwards
            seen++;
            if ((flags & STREAM_ITEM_FLAG_DELETED) == 0) {
                out.add(new StreamEntry(ms, seq, fv));
            }
        }
        if (seen != count + deleted) {
            throw new IllegalArgumentException("node holds " + seen + " entries, header says " + (count + deleted));
        }
    }

    private static long num(byte[] b) {
        return PackedEncodings.parseLong(b);
    }

    private static long be(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    /** Module values serialize as typed opcodes up to an EOF opcode; we can walk them without the module. */
    private void skipModuleValue(long at) throws IOException, RdbFormatException {
        while (true) {
            long op = in.readLength();
            switch ((int) op) {
                case 0 -> {
                    return;
                }
                case 1, 2 -> in.readLength();
                case 3 -> in.readBinaryFloat();
                case 4 -> in.readBinaryDouble();
                case 5 -> in.readString();
                default -> throw new RdbFormatException(at, "unknown module value opcode " + op);
            }
        }
    }
}
