package io.jredis.adapter.replication.replica;

/** Where a replica's link to its master stands, with ROLE's names for each state. */
enum LinkState {
    /** Waiting to connect (after a failure, before the next try). */
    CONNECT("connect"),
    CONNECTING("connecting"),
    /** PING, AUTH, REPLCONF, PSYNC. */
    HANDSHAKE("handshake"),
    /** Receiving and loading the master's RDB. */
    TRANSFER("sync"),
    /** Applying the master's stream. */
    CONNECTED("connected");

    final String roleName;

    LinkState(String roleName) {
        this.roleName = roleName;
    }
}
