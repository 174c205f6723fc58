package io.jredis.domain.value;

import java.util.TreeMap;

/** A consumer of a group: its name, when it was last seen, and the entries it holds. */
public final class StreamConsumer {

    private final byte[] name;
    private long seenTime;
    private final TreeMap<StreamId, StreamPending> pending = new TreeMap<>();

    public StreamConsumer(byte[] name, long seenTime) {
        this.name = name;
        this.seenTime = seenTime;
    }

    public byte[] name() {
        return name;
    }

    public long seenTime() {
        return seenTime;
    }

    public void setSeenTime(long seenTime) {
        this.seenTime = seenTime;
    }

    /** This consumer's pending entries by id (shared with the group's list). */
    public TreeMap<StreamId, StreamPending> pending() {
        return pending;
    }
}
