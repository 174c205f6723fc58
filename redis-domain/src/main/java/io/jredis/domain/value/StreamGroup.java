package io.jredis.domain.value;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group: the last id delivered, the logical count of entries read (-1 when not
 * known), the pending entries list by id and the consumers by name (byte order, as Redis's rax).
 */
public final class StreamGroup {

    /** entries-read that is not known (Redis's SCG_INVALID_ENTRIES_READ). */
    public static final long ENTRIES_READ_UNKNOWN = -1;

    private final byte[] name;
    private long lastMs;
    private long lastSeq;
    private long entriesRead;
    private final TreeMap<StreamId, StreamPending> pending = new TreeMap<>();
    private final TreeMap<byte[], StreamConsumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

    public StreamGroup(byte[] name, long lastMs, long lastSeq, long entriesRead) {
        this.name = name;
        this.lastMs = lastMs;
        this.lastSeq = lastSeq;
        this.entriesRead = entriesRead;
    }

    public byte[] name() {
        return name;
    }

    public long lastMs() {
        return lastMs;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public void setLastId(long ms, long seq) {
        this.lastMs = ms;
        this.lastSeq = seq;
    }

    public long entriesRead() {
        return entriesRead;
    }

    public void setEntriesRead(long entriesRead) {
        this.entriesRead = entriesRead;
    }

    public TreeMap<StreamId, StreamPending> pending() {
        return pending;
    }

    public TreeMap<byte[], StreamConsumer> consumers() {
        return consumers;
    }

    public StreamConsumer consumer(byte[] name) {
        return consumers.get(name);
    }

    /** Creates a consumer; null when it exists already. */
    public StreamConsumer createConsumer(byte[] name, long now) {
        if (consumers.containsKey(name)) {
            return null;
        }
        StreamConsumer c = new StreamConsumer(name, now);
        consumers.put(name, c);
        return c;
    }

    /** Deletes a consumer and its pending entries from the group; returns how many it held. */
    public long deleteConsumer(StreamConsumer c) {
        long n = c.pending().size();
        for (StreamId id : c.pending().keySet()) {
            pending.remove(id);
        }
        consumers.remove(c.name());
        return n;
    }

    /** Adds or moves a pending entry to a consumer. */
    public void assign(StreamId id, StreamPending p, StreamConsumer to) {
        StreamConsumer from = p.consumer();
        if (from != null && from != to) {
            from.pending().remove(id);
        }
        p.setConsumer(to);
        to.pending().put(id, p);
        pending.put(id, p);
    }

    /** Removes a pending entry from the group and its consumer; false when it was not pending. */
    public boolean acknowledge(StreamId id) {
        StreamPending p = pending.remove(id);
        if (p == null) {
            return false;
        }
        p.consumer().pending().remove(id);
        return true;
    }

    StreamGroup copy() {
        StreamGroup g = new StreamGroup(name, lastMs, lastSeq, entriesRead);
        for (Map.Entry<byte[], StreamConsumer> e : consumers.entrySet()) {
            StreamConsumer c = new StreamConsumer(e.getKey(), e.getValue().seenTime());
            g.consumers.put(e.getKey(), c);
        }
        for (Map.Entry<StreamId, StreamPending> e : pending.entrySet()) {
            StreamPending p = e.getValue();
            StreamConsumer c = g.consumers.get(p.consumer().name());
            StreamPending q = new StreamPending(c, p.deliveryTime(), p.deliveryCount());
            g.pending.put(e.getKey(), q);
            c.pending().put(e.getKey(), q);
        }
        return g;
    }
}
