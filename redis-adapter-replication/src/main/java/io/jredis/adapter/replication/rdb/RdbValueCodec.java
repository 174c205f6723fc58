package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.ValueCodec;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.value.DoubleText;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.StreamValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DUMP and RESTORE payloads as Redis 7.0 makes them: the RDB type byte, the value in the
 * encoding Redis 7.0 would hold it in (quicklist of listpacks, intset, listpack hashes and sorted
 * sets, stream listpacks; the plain RDB forms for hashtables and skiplists), the RDB version as
 * two little-endian bytes (10), and the CRC64 of all that, little-endian.
 *
 * <p>Where the layout depends on how Redis built the value (quicklist node boundaries after
 * pushes at the head, stream nodes after deletions, hashtable order) the payload may differ in
 * bytes from Redis's while holding the same data; Redis reads it all the same.
 */
public final class RdbValueCodec implements ValueCodec {

    /** Redis 7.0's RDB_VERSION: payloads of newer versions are refused, as 7.0 does. */
    static final int VERSION = RdbWriter.VERSION;

    /** Redis's SIZE_SAFETY_LIMIT and list-max-listpack-size -2: a quicklist node's listpack stays within 8 KiB. */
    private static final int NODE_BYTES = 8192;

    /** What Redis 7.0 adds to an element's length to estimate its listpack entry's size. */
    private static final int SIZE_ESTIMATE_OVERHEAD = 8;

    private final ServerConfig config;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** One writer per compression setting (CONFIG SET rdbcompression switches between them). */
    private final RdbWriter compressing = new RdbWriter(bytes, true, false);
    private final RdbWriter plain = new RdbWriter(bytes, false, false);

    public RdbValueCodec(ServerConfig config) {
        this.config = config;
    }

    // ---------------------------------------------------------------- DUMP

    @Override
    public byte[] dump(Object value) {
        bytes.reset();
        RdbWriter w = config.rdbcompression ? compressing : plain;
        try {
            write(w, value);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        byte[] body = bytes.toByteArray();
        byte[] out = java.util.Arrays.copyOf(body, body.length + 10);
        out[body.length] = (byte) VERSION;
        out[body.length + 1] = (byte) (VERSION >>> 8);
        long crc = Crc64.update(0, out, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            out[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return out;
    }

    private static void write(RdbWriter w, Object value) throws IOException {
        switch (value) {
            case byte[] b -> {
                w.writeByte(RdbReader.TYPE_STRING);
                w.writeString(b, 0, b.length);
            }
            case MutableString m -> {
                w.writeByte(RdbReader.TYPE_STRING);
                w.writeString(m.array(), 0, m.length());
            }
            case ListValue list -> list(w, list);
            case SetValue set -> set(w, set);
            case HashValue hash -> hash(w, hash);
            case SortedSet z -> zset(w, z);
            case StreamValue st -> {
                w.writeByte(RdbReader.TYPE_STREAM_LISTPACKS_2);
                w.streamBody((LoadedValue.StreamValue) RdbSnapshotStore.stream(st));
            }
            default -> throw new IllegalArgumentException("no RDB encoding for " + value.getClass().getSimpleName());
        }
    }

    /**
     * A quicklist as Redis 7.0 builds one by pushing at the tail: an element joins the last node
     * while Redis's estimate of the node's size after it (bytes + element + 8) stays within 8 KiB
     * (_quicklistNodeAllowInsert with fill -2).
     */
    private static void list(RdbWriter w, ListValue list) throws IOException {
        List<Listpack> nodes = new ArrayList<>();
        Listpack[] last = new Listpack[1];
        list.forEach(0, true, (buf, off, len) -> {
            if (last[0] == null || last[0].bytes() + len + SIZE_ESTIMATE_OVERHEAD > NODE_BYTES) {
                last[0] = new Listpack();
                nodes.add(last[0]);
            }
            last[0].add(java.util.Arrays.copyOfRange(buf, off, off + len));
            return true;
        });
        w.writeByte(RdbReader.TYPE_LIST_QUICKLIST_2);
        w.writeLength(nodes.size());
        for (Listpack node : nodes) {
            w.writeLength(2); // QUICKLIST_NODE_CONTAINER_PACKED
            byte[] lp = node.toBytes();
            w.writeString(lp, 0, lp.length);
        }
    }

    private static void set(RdbWriter w, SetValue set) throws IOException {
        byte[] intset = set.intsetLayout();
        if (intset != null) {
            w.writeByte(RdbReader.TYPE_SET_INTSET);
            w.writeString(intset, 0, intset.length);
            return;
        }
        w.writeByte(RdbReader.TYPE_SET);
        w.writeLength(set.size());
        IOException[] failure = new IOException[1];
        set.forEach((buf, off, len) -> {
            if (failure[0] == null) {
                try {
                    w.writeString(buf, off, len);
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void hash(RdbWriter w, HashValue hash) throws IOException {
        if ("listpack".equals(hash.encoding())) {
            Listpack lp = new Listpack();
            for (int p = hash.first(); p >= 0; p = hash.next(p)) {
                lp.add(hash.fieldAt(p));
                lp.add(hash.valueAt(p));
            }
            w.writeByte(RdbReader.TYPE_HASH_LISTPACK);
            byte[] b = lp.toBytes();
            w.writeString(b, 0, b.length);
            return;
        }
        w.writeByte(RdbReader.TYPE_HASH);
        w.writeLength(hash.size());
        for (int p = hash.first(); p >= 0; p = hash.next(p)) {
            byte[] f = hash.fieldAt(p);
            byte[] v = hash.valueAt(p);
            w.writeString(f, 0, f.length);
            w.writeString(v, 0, v.length);
        }
    }

    /**
     * A listpack sorted set holds member, score pairs by rank, the score as d2string's text (an
     * integer entry when it reads as one); a skiplist is saved from the highest rank down, as Redis
     * does to speed up its loading.
     */
    private static void zset(RdbWriter w, SortedSet z) throws IOException {
        if (z.isListpack()) {
            Listpack lp = new Listpack();
            z.visit(0, false, (member, score) -> {
                lp.add(member);
                lp.add(DoubleText.format(score).getBytes(StandardCharsets.US_ASCII));
                return true;
            });
            w.writeByte(RdbReader.TYPE_ZSET_LISTPACK);
            byte[] b = lp.toBytes();
            w.writeString(b, 0, b.length);
            return;
        }
        w.writeByte(RdbReader.TYPE_ZSET_2);
        w.writeLength(z.size());
        IOException[] failure = new IOException[1];
        z.visit(z.size() - 1, true, (member, score) -> {
            try {
                w.writeString(member, 0, member.length);
                w.score(score);
                return true;
            } catch (IOException e) {
                failure[0] = e;
                return false;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** A listpack under construction: entries encoded as Redis's lpAppend does. */
    private static final class Listpack {
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
        private int count;

        void add(byte[] element) {
            byte[] e = StreamListpacks.string(element);
            entries.writeBytes(e);
            entries.writeBytes(StreamListpacks.backlen(e.length));
            count++;
        }

        /** The listpack's total bytes: 6 of header, the entries, 1 of end mark. */
        int bytes() {
            return 6 + entries.size() + 1;
        }

        byte[] toBytes() {
            int total = bytes();
            byte[] lp = new byte[total];
            for (int i = 0; i < 4; i++) {
                lp[i] = (byte) (total >>> (8 * i));
            }
            int n = Math.min(count, 65535); // LP_HDR_NUMELE_UNKNOWN past 65534
            lp[4] = (byte) n;
            lp[5] = (byte) (n >>> 8);
            byte[] body = entries.toByteArray();
            System.arraycopy(body, 0, lp, 6, body.length);
            lp[total - 1] = (byte) 0xFF;
            return lp;
        }
    }

    // ---------------------------------------------------------------- RESTORE

    @Override
    public boolean intact(byte[] buf, int off, int len) {
        if (len < 10) {
            return false;
        }
        int footer = off + len - 10;
        int version = (buf[footer] & 0xff) | (buf[footer + 1] & 0xff) << 8;
        if (version > VERSION) {
            return false;
        }
        long crc = Crc64.update(0, buf, off, len - 8);
        for (int i = 0; i < 8; i++) {
            if (buf[footer + 2 + i] != (byte) (crc >>> (8 * i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object restore(byte[] buf, int off, int len) {
        if (len < 11) {
            return null;
        }
        int version = (buf[off + len - 10] & 0xff) | (buf[off + len - 9] & 0xff) << 8;
        int type = buf[off] & 0xff;
        // the value types Redis 7.0 knows (rdbIsObjectType), modules aside: 0-5 and 9-19
        if (type > RdbReader.TYPE_STREAM_LISTPACKS_2 || (type > RdbReader.TYPE_ZSET_2 && type < RdbReader.TYPE_HASH_ZIPMAP)) {
            return null;
        }
        try {
            // as Redis, the value is read from the whole payload: a value running into the trailer is read so
            LoadedValue loaded = RdbReader.readObject(buf, off, len, version);
            if (empty(loaded)) {
                return null; // Redis refuses empty collections as an empty key
            }
            return KeyspaceLoader.toDomain(loaded);
        } catch (IOException | RdbFormatException | RuntimeException e) {
            return null;
        }
    }

    private static boolean empty(LoadedValue v) {
        return switch (v) {
            case LoadedValue.ListValue l -> l.elements().isEmpty();
            case LoadedValue.SetValue s -> s.members().isEmpty();
            case LoadedValue.HashValue h -> h.fields().isEmpty();
            case LoadedValue.ZSetValue z -> z.members().isEmpty();
            default -> false;
        };
    }
}
