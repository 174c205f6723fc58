package io.jredis.adapter.replication.rdb;

import io.jredis.domain.value.Numbers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an RDB file of version 10, the format Redis 7.0 writes and reads, choosing string
 * encodings as Redis's rdbSaveRawString does: integers of up to 11 characters that fit 32 bits
 * as int8/16/32, strings longer than 20 bytes LZF-compressed when compression is on and it saves
 * at least 4 bytes. The CRC64 trailer is the checksum, or 0 when checksums are off.
 */
public final class RdbWriter {

    public static final int VERSION = 10;

    private final OutputStream out;
    private final boolean compression;
    private final boolean checksum;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private long crc;
    /** Bytes already handed to the stream. */
    private long flushed;

    public RdbWriter(OutputStream out, boolean compression, boolean checksum) {
        this.out = out;
        this.compression = compression;
        this.checksum = checksum;
    }

    public void header() throws IOException {
        writeRaw(String.format("REDIS%04d", VERSION).getBytes(StandardCharsets.US_ASCII));
    }

    public void aux(String name, String value) throws IOException {
        writeByte(RdbReader.OPCODE_AUX);
        writeString(name.getBytes(StandardCharsets.ISO_8859_1));
        writeString(value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A SELECTDB alone: more keys of a database already started (a background snapshot interleaves them). */
    public void selectDbAgain(int db) throws IOException {
        writeByte(RdbReader.OPCODE_SELECTDB);
        writeLength(db);
    }

    /** Bytes written so far, buffered or not. */
    public long offset() {
        return flushed + pos;
    }

    public void selectDb(int db, long size, long expires) throws IOException {
        writeByte(RdbReader.OPCODE_SELECTDB);
        writeLength(db);
        writeByte(RdbReader.OPCODE_RESIZEDB);
        writeLength(size);
        writeLength(expires);
    }

    /**
     * A key with its value and its unix-ms expiry, or -1 for none. Collections are written in
     * the plain encodings (list, set, zset with binary scores, hash), which every Redis since 2.x
     * and 7.0 in particular loads, converting small ones to their compact encodings on load as
     * it does for its own files. Streams and hash field expiries cannot be written yet.
     */
    public void entry(byte[] key, LoadedValue value, long expireAt) throws IOException {
        if (expireAt >= 0) {
            writeByte(RdbReader.OPCODE_EXPIRETIME_MS);
            writeLittleEndian(expireAt, 8);
        }
        switch (value) {
            case LoadedValue.StringValue s -> {
                writeByte(RdbReader.TYPE_STRING);
                writeString(key);
                writeString(s.bytes());
            }
            case LoadedValue.ListValue l -> {
                writeByte(RdbReader.TYPE_LIST);
                writeString(key);
                writeStrings(l.elements());
            }
            case LoadedValue.SetValue set -> {
                writeByte(RdbReader.TYPE_SET);
                writeString(key);
                writeStrings(set.members());
            }
            case LoadedValue.ZSetValue z -> {
                writeByte(RdbReader.TYPE_ZSET_2);
                writeString(key);
                writeLength(z.members().size());
                for (LoadedValue.ScoredMember m : z.members()) {
                    writeString(m.member());
                    writeLittleEndian(Double.doubleToRawLongBits(m.score()), 8);
                }
            }
            case LoadedValue.HashValue h -> {
                for (LoadedValue.HashField f : h.fields()) {
                    if (f.expireAt() != -1) {
                        throw new IllegalArgumentException("hash field expiry cannot be written to an RDB 10 file");
                    }
                }
                writeByte(RdbReader.TYPE_HASH);
                writeString(key);
                writeLength(h.fields().size());
                for (LoadedValue.HashField f : h.fields()) {
                    writeString(f.field());
                    writeString(f.value());
                }
            }
            case LoadedValue.StreamValue st -> stream(key, st);
        }
    }

    /** A stream as Redis 7.0 saves it (RDB_TYPE_STREAM_LISTPACKS_2): listpack nodes, metadata, groups. */
    private void stream(byte[] key, LoadedValue.StreamValue st) throws IOException {
        writeByte(RdbReader.TYPE_STREAM_LISTPACKS_2);
        writeString(key);
        streamBody(st);
    }

    /** A stream value after its type and key (the RDB_TYPE_STREAM_LISTPACKS_2 layout). */
    void streamBody(LoadedValue.StreamValue st) throws IOException {
        java.util.List<StreamListpacks.Node> nodes = StreamListpacks.pack(st.entries());
        writeLength(nodes.size());
        for (StreamListpacks.Node n : nodes) {
            writeString(streamId(n.masterMs(), n.masterSeq()));
            writeString(n.listpack());
        }
        writeUnsignedLength(st.length());
        writeUnsignedLength(st.lastMs());
        writeUnsignedLength(st.lastSeq());
        writeUnsignedLength(st.firstMs());
        writeUnsignedLength(st.firstSeq());
        writeUnsignedLength(st.maxDeletedMs());
        writeUnsignedLength(st.maxDeletedSeq());
        writeUnsignedLength(st.entriesAdded());
        writeLength(st.groups().size());
        for (LoadedValue.ConsumerGroup g : st.groups()) {
            writeString(g.name());
            writeUnsignedLength(g.lastMs());
            writeUnsignedLength(g.lastSeq());
            writeUnsignedLength(g.entriesRead());
            writeLength(g.pending().size());
            for (LoadedValue.PendingEntry p : g.pending()) {
                writeRaw(streamId(p.ms(), p.seq()));
                writeLittleEndian(p.deliveryTime(), 8);
                writeUnsignedLength(p.deliveryCount());
            }
            writeLength(g.consumers().size());
            for (LoadedValue.StreamConsumer c : g.consumers()) {
                writeString(c.name());
                writeLittleEndian(c.seenTime(), 8);
                java.util.List<LoadedValue.PendingEntry> own = new java.util.ArrayList<>();
                for (LoadedValue.PendingEntry p : g.pending()) {
                    if (java.util.Arrays.equals(p.consumer(), c.name())) {
                        own.add(p);
                    }
                }
                writeLength(own.size());
                for (LoadedValue.PendingEntry p : own) {
                    writeRaw(streamId(p.ms(), p.seq()));
                }
            }
        }
    }

    private static byte[] streamId(long ms, long seq) {
        byte[] k = new byte[16];
        for (int i = 0; i < 8; i++) {
            k[i] = (byte) (ms >>> (56 - 8 * i));
            k[8 + i] = (byte) (seq >>> (56 - 8 * i));
        }
        return k;
    }

    /** rdbSaveLen of a 64-bit unsigned value (ids, and -1 for an unknown entries-read). */
    private void writeUnsignedLength(long v) throws IOException {
        if (v < 0) {
            writeByte(0x81);
            writeBigEndian(v, 8);
        } else {
            writeLength(v);
        }
    }

    private void writeStrings(java.util.List<byte[]> items) throws IOException {
        writeLength(items.size());
        for (byte[] item : items) {
            writeString(item);
        }
    }

    /**
     * The start of a collection in a plain encoding ({@link RdbReader#TYPE_LIST}, TYPE_SET,
     * TYPE_ZSET_2, TYPE_HASH): expiry, type, key and count; then {@code count} elements (a hash:
     * field, value pairs; a zset: member then {@link #score}) follow, written straight from the
     * value without copying it first.
     */
    public void beginCollection(int type, byte[] key, long count, long expireAt) throws IOException {
        if (expireAt >= 0) {
            writeByte(RdbReader.OPCODE_EXPIRETIME_MS);
            writeLittleEndian(expireAt, 8);
        }
        writeByte(type);
        writeString(key);
        writeLength(count);
    }

    /** One string of a collection started by {@link #beginCollection}. */
    public void element(byte[] b, int off, int len) throws IOException {
        writeString(b, off, len);
    }

    /** A sorted-set member's score, as a binary double (TYPE_ZSET_2). */
    public void score(double score) throws IOException {
        writeLittleEndian(Double.doubleToRawLongBits(score), 8);
    }

    /** A string key with its value (bytes {@code value[0..len)}). */
    public void stringEntry(byte[] key, byte[] value, int len, long expireAt) throws IOException {
        if (expireAt >= 0) {
            writeByte(RdbReader.OPCODE_EXPIRETIME_MS);
            writeLittleEndian(expireAt, 8);
        }
        writeByte(RdbReader.TYPE_STRING);
        writeString(key);
        writeString(value, 0, len);
    }

    /**
     * EOF opcode, flushed, without the 8-byte trailer: for a writer built without checksum whose
     * stream's consumer computes the CRC64 itself and appends it (a background snapshot does
     * that on its writer thread, off the command thread).
     */
    public void endWithoutTrailer() throws IOException {
        writeByte(RdbReader.OPCODE_EOF);
        flushBuffer();
        out.flush();
    }

    /** EOF opcode and checksum; flushes to the stream. */
    public void end() throws IOException {
        writeByte(RdbReader.OPCODE_EOF);
        flushBuffer();
        long sum = checksum ? crc : 0;
        byte[] trailer = new byte[8];
        for (int i = 0; i < 8; i++) {
            trailer[i] = (byte) (sum >>> (8 * i));
        }
        out.write(trailer);
        out.flush();
    }

    // ---------------------------------------------------------------- primitives

    void writeString(byte[] s) throws IOException {
        writeString(s, 0, s.length);
    }

    void writeString(byte[] s, int off, int len) throws IOException {
        if (len <= 11 && len > 0 && Numbers.isCanonicalLong(s, off, len)) {
            long v = Numbers.parseLong(s, off, len);
            if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                writeByte(0xc0 | RdbInput.ENC_INT8);
                writeByte((int) v);
                return;
            }
            if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                writeByte(0xc0 | RdbInput.ENC_INT16);
                writeLittleEndian(v, 2);
                return;
            }
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                writeByte(0xc0 | RdbInput.ENC_INT32);
                writeLittleEndian(v, 4);
                return;
            }
        }
        if (compression && len > 20 && writeCompressed(s, off, len)) {
            return;
        }
        writeLength(len);
        writeRaw(s, off, len);
    }

    private boolean writeCompressed(byte[] s, int off, int len) throws IOException {
        byte[] in = s;
        if (off != 0) {
            in = java.util.Arrays.copyOfRange(s, off, off + len);
        }
        byte[] target = new byte[len - 4]; // as Redis: compress only when it saves more than 4 bytes
        int clen = Lzf.compress(in, len, target);
        if (clen == 0) {
            return false;
        }
        writeByte(0xc0 | RdbInput.ENC_LZF);
        writeLength(clen);
        writeLength(len);
        writeRaw(target, 0, clen);
        return true;
    }

    void writeLength(long len) throws IOException {
        if (len < 64) {
            writeByte((int) len);
        } else if (len < 16384) {
            writeByte(0x40 | (int) (len >>> 8));
            writeByte((int) len & 0xff);
        } else if (len <= 0xffffffffL) {
            writeByte(0x80);
            writeBigEndian(len, 4);
        } else {
            writeByte(0x81);
            writeBigEndian(len, 8);
        }
    }

    private void writeLittleEndian(long v, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            writeByte((int) (v >>> (8 * i)) & 0xff);
        }
    }

    private void writeBigEndian(long v, int bytes) throws IOException {
        for (int i = bytes - 1; i >= 0; i--) {
            writeByte((int) (v >>> (8 * i)) & 0xff);
        }
    }

    void writeByte(int b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) b;
    }

    private void writeRaw(byte[] b) throws IOException {
        writeRaw(b, 0, b.length);
    }

    private void writeRaw(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos == buf.length) {
                flushBuffer();
            }
            int n = Math.min(len - done, buf.length - pos);
            System.arraycopy(b, off + done, buf, pos, n);
            pos += n;
            done += n;
        }
    }

    /** Hands everything buffered to the stream (no EOF opcode, no trailer). */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            if (checksum) {
                crc = Crc64.update(crc, buf, 0, pos);
            }
            out.write(buf, 0, pos);
            flushed += pos;
            pos = 0;
        }
    }
}
