package io.jredis.adapter.replication.master;

/**
 * The last {@code repl-backlog-size} bytes of the replication stream, in a ring, so a replica
 * that reconnects can continue from its offset (+CONTINUE) instead of loading a snapshot.
 * Offsets are those of the stream: the byte after offset {@code n} is byte {@code n + 1}.
 */
final class ReplicationBacklog {

    private byte[] ring;
    /** Index of the next byte to write. */
    private int next;
    /** Bytes of history held: at most the ring's size. */
    private long histlen;

    ReplicationBacklog(long size) {
        this.ring = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
    }

    int size() {
        return ring.length;
    }

    long histlen() {
        return histlen;
    }

    /** repl_backlog_first_byte_offset, given master_repl_offset (the stream's last byte). */
    long firstByteOffset(long masterOffset) {
        return masterOffset - histlen + 1;
    }

    void append(byte[] bytes, int offset, int length) {
        int size = ring.length;
        if (length >= size) {
            System.arraycopy(bytes, offset + length - size, ring, 0, size);
            next = 0;
            histlen = size;
            return;
        }
        int first = Math.min(length, size - next);
        System.arraycopy(bytes, offset, ring, next, first);
        if (first < length) {
            System.arraycopy(bytes, offset + first, ring, 0, length - first);
        }
        next = (next + length) % size;
        histlen = Math.min(size, histlen + length);
    }

    /** True when the stream from {@code from} (the replica's next byte) to the end is held. */
    boolean holds(long from, long masterOffset) {
        long first = firstByteOffset(masterOffset);
        return from >= first && from <= masterOffset + 1;
    }

    /** The stream from {@code from} to the end; {@link #holds} must be true. */
    byte[] copyFrom(long from, long masterOffset) {
        int count = (int) (masterOffset + 1 - from);
        byte[] out = new byte[count];
        int size = ring.length;
        int start = Math.floorMod(next - count, size);
        int first = Math.min(count, size - start);
        System.arraycopy(ring, start, out, 0, first);
        if (first < count) {
            System.arraycopy(ring, 0, out, first, count - first);
        }
        return out;
    }

    /** A new size (CONFIG SET repl-backlog-size): keeps as much of the newest history as fits. */
    ReplicationBacklog resized(long size, long masterOffset) {
        ReplicationBacklog b = new ReplicationBacklog(size);
        long keep = Math.min(histlen, b.ring.length);
        if (keep > 0) {
            byte[] tail = copyFrom(masterOffset + 1 - keep, masterOffset);
            b.append(tail, 0, tail.length);
        }
        return b;
    }
}
