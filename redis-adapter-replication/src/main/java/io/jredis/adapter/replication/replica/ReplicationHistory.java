package io.jredis.adapter.replication.replica;

import java.util.function.Consumer;

/**
 * This server's replication history as PSYNC2 sees it — replication id, secondary id and the
 * offset where it ends, the backlog — shared by both sides of replication: the master side
 * owns it (it serves PSYNC from it and feeds its own replicas), the replica side moves it as it
 * follows a master. Every call is made on the command thread.
 *
 * <p>The replica side calls, in Redis's terms: {@link #adopt} after a full resync,
 * {@link #switchId} when a partial resync reports a new master id, {@link #append} with the
 * exact bytes of the master's stream it applied (for the backlog and, verbatim, for this
 * server's own replicas: chained replication), and {@link #promote} on REPLICAOF NO ONE; around
 * them {@link #follow} (REPLICAOF host port), {@link #linked} (in sync again after +CONTINUE)
 * and {@link #linkLost}, which tell this server's own replicas whether they may sync.
 */
public interface ReplicationHistory {

    /** 40 zeros: no secondary id. */
    String NO_ID = "0000000000000000000000000000000000000000";

    String replicationId();

    String secondaryId();

    /** master_repl_offset: the offset of the last byte of this history. */
    long offset();

    /** second_repl_offset: up to where the secondary id is valid, -1 when none. */
    long secondaryOffset();

    /**
     * A full resync from a master at {@code replId:offset}: a new history starts (no secondary
     * id, an empty backlog from offset + 1); this server's own replicas must resync.
     */
    void adopt(String replId, long offset);

    /** A partial resync answered with a new id: the old one becomes secondary up to offset + 1. */
    void switchId(String newReplId);

    /** Stream bytes from the master were applied: the offset moves by {@code len}. */
    void append(byte[] buf, int off, int len);

    /**
     * REPLICAOF host port: from now on this history follows a master's stream (this server's own
     * writes are no longer part of it) and this server's replicas must resync.
     */
    default void follow() {
    }

    /** +CONTINUE from the master (after {@link #switchId} when its id changed): in sync again. */
    default void linked() {
    }

    /** The link to the master is down: this server's replicas cannot sync until it is back. */
    default void linkLost() {
    }

    /** REPLICAOF NO ONE: the current id becomes secondary (valid up to offset + 1), a new id is drawn. */
    void promote();

    /**
     * The INFO replication lines that follow the role-specific ones, as Redis orders them:
     * connected_slaves (and slaveN), master_failover_state, the ids and offsets, repl_backlog_*.
     */
    void describe(Consumer<String> line);
}
