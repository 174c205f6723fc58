package io.jredis.adapter.replication.master;

import io.jredis.application.port.ClientConnection;
import io.jredis.application.session.ClientSession;

import java.io.ByteArrayOutputStream;

/**
 * One client that announced itself as a replica (REPLCONF) and, after PSYNC or SYNC, one of our
 * replicas: what it told us, where it is in the protocol, what it acknowledged, and the
 * accounting of its output for the replica output-buffer limits.
 */
final class ReplicaLink {

    enum State {
        /** Handshake only: REPLCONF seen, no PSYNC yet. */
        HANDSHAKE,
        /** Waits for the snapshot to start (the diskless delay, another snapshot running): wait_bgsave. */
        WAIT_SNAPSHOT,
        /** Got +FULLRESYNC; its snapshot is being taken (and, diskless, sent); the stream is held: wait_bgsave. */
        SNAPSHOT,
        /** The disk form: the finished snapshot file is being sent; the stream is held: send_bulk. */
        SEND_BULK,
        /** Got an EOF-marked snapshot; the stream is held until its first ACK, as Redis. */
        WAIT_FIRST_ACK,
        ONLINE
    }

    final ClientSession session;
    final ClientConnection connection;
    long listeningPort;
    String announcedIp;
    boolean capaEof;
    boolean capaPsync2;
    /** SYNC, not PSYNC: no +FULLRESYNC line, and no ACKs expected. */
    boolean prePsync;
    State state = State.HANDSHAKE;
    long ackOffset;
    /** Unix seconds of the last ACK (lag=). */
    long ackSeconds;
    /** Unix ms the replica asked for a sync (the diskless delay counts from it). */
    long syncAskedMillis;
    /** The stream after an EOF-marked snapshot, until the first ACK. */
    final ByteArrayOutputStream held = new ByteArrayOutputStream();
    /** Bytes handed to the connection so far, and where the snapshot part of them ends. */
    long queued;
    long snapshotEnd;
    /** Unix ms since which the soft output limit is exceeded, or -1. */
    long softLimitSince = -1;
    boolean closing;
    /** The full resync this replica takes part in (SNAPSHOT, SEND_BULK), else null. */
    SnapshotTransfer transfer;
    /** Bytes the socket had taken at the last check, and when that last grew (unix seconds): a stalled transfer times out. */
    long lastFlushed;
    long lastProgressSeconds;

    ReplicaLink(ClientSession session) {
        this.session = session;
        this.connection = session.connection();
    }

    void write(byte[] bytes, int offset, int length) {
        connection.writeRaw(bytes, offset, length);
        queued += length;
    }

    /** Snapshot bytes: not counted in the output limits. */
    void writeSnapshot(byte[] bytes, int offset, int length) {
        write(bytes, offset, length);
        snapshotEnd = queued;
    }

    /** The stream held back during a full resync goes out now (Redis's replicaStartCommandStream). */
    void startStream() {
        state = State.ONLINE;
        transfer = null;
        byte[] pending = held.toByteArray();
        held.reset();
        write(pending, 0, pending.length);
    }

    /** Output the replica limits count: the pending stream, not the snapshot (as Redis). */
    long limitedOutput() {
        long unwritten = connection.outputBufferLength();
        long flushed = queued - unwritten;
        long snapshotLeft = Math.max(0, snapshotEnd - flushed);
        return Math.max(0, unwritten - snapshotLeft) + held.size();
    }

    /** Snapshot bytes not yet taken by the socket. */
    boolean sendingSnapshot() {
        return queued - connection.outputBufferLength() < snapshotEnd;
    }

    /** "ip" of INFO and ROLE: the announced address, else the peer's. */
    String ip() {
        if (announcedIp != null) {
            return announcedIp;
        }
        String remote = connection.remoteAddress();
        int colon = remote.lastIndexOf(':');
        return colon < 0 ? remote : remote.substring(0, colon);
    }

    /** Redis's replicationGetSlaveName: ip:port, or the peer address before REPLCONF listening-port. */
    String name() {
        return listeningPort != 0 ? ip() + ":" + listeningPort : connection.remoteAddress();
    }
}
