package io.jredis.application.port;

import io.jredis.application.session.ClientSession;

/**
 * This server as a master: the replicas attached to it, as the replication commands (REPLCONF,
 * PSYNC, SYNC, WAIT, ROLE) need to see them. The replication adapter implements it.
 */
public interface ReplicaLinks {

    /** REPLCONF listening-port: the port the replica listens on (INFO slaveN:port=, ROLE). */
    void listeningPort(ClientSession client, long port);

    /** REPLCONF ip-address: the address the replica announces instead of its peer address. */
    void ipAddress(ClientSession client, String ip);

    /** REPLCONF capa: "eof" (takes the diskless transfer), "psync2" (+CONTINUE with an id); others ignored. */
    void capability(ClientSession client, String capa);

    /**
     * REPLCONF ACK: the replica processed the stream up to {@code offset}. False when the client
     * is no replica of ours (Redis then ignores the ACK).
     */
    boolean ack(ClientSession client, long offset);

    /**
     * PSYNC replid offset, or SYNC when {@code replid} is null: answers +FULLRESYNC or +CONTINUE
     * (or an error) and turns the client's connection into a replica link that carries the
     * replication stream from now on.
     */
    void sync(ClientSession client, String replid, long offset, ReplySink reply);

    /** The client's connection is gone: if it was a replica, it is one no more. */
    void disconnected(ClientSession client);

    /** True when the client is one of our replicas (its commands get no replies). */
    boolean isReplica(ClientSession client);

    /** master_repl_offset: every byte of the replication stream so far. */
    long masterOffset();

    /** Online replicas that acknowledged at least {@code offset} (WAIT). */
    int acknowledged(long offset);

    /** Asks every replica for its offset (REPLCONF GETACK *), once per event-loop turn. */
    void requestAcks();

    /** ROLE of a master: "master", the offset, and [ip, port, ack offset] per online replica. */
    void role(ReplySink reply);

    /** INFO stats sync_full: full resynchronizations served. */
    default long fullSyncs() {
        return 0;
    }

    /** INFO stats sync_partial_ok: PSYNCs answered +CONTINUE. */
    default long partialSyncsAccepted() {
        return 0;
    }

    /** INFO stats sync_partial_err: PSYNCs for a history that could not be continued. */
    default long partialSyncsRefused() {
        return 0;
    }

    /** Called by the server cron on the command thread (pings, delayed syncs, limits, timeouts). */
    void cron(long nowMillis);

    /** No replication attached (unit tests): no replicas, offset 0, PSYNC refused. */
    ReplicaLinks NONE = new ReplicaLinks() {
        @Override
        public void listeningPort(ClientSession client, long port) {
        }

        @Override
        public void ipAddress(ClientSession client, String ip) {
        }

        @Override
        public void capability(ClientSession client, String capa) {
        }

        @Override
        public boolean ack(ClientSession client, long offset) {
            return false;
        }

        @Override
        public void sync(ClientSession client, String replid, long offset, ReplySink reply) {
            reply.error("ERR replication is not available");
        }

        @Override
        public void disconnected(ClientSession client) {
        }

        @Override
        public boolean isReplica(ClientSession client) {
            return false;
        }

        @Override
        public long masterOffset() {
            return 0;
        }

        @Override
        public int acknowledged(long offset) {
            return 0;
        }

        @Override
        public void requestAcks() {
        }

        @Override
        public void role(ReplySink reply) {
            reply.array(3);
            reply.bulk("master");
            reply.integer(0);
            reply.array(0);
        }

        @Override
        public void cron(long nowMillis) {
        }
    };
}
