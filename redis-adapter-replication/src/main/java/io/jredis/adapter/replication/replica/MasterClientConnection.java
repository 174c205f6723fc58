package io.jredis.adapter.replication.replica;

import io.jredis.application.port.ClientConnection;

/**
 * The master client's transport as CLIENT LIST and CLIENT KILL see it: the link's socket.
 * Killing it drops the link, which then reconnects and tries a partial resync.
 */
final class MasterClientConnection implements ClientConnection {

    private final ReplicaLink link;

    MasterClientConnection(ReplicaLink link) {
        this.link = link;
    }

    @Override
    public String remoteAddress() {
        return link.remoteAddress();
    }

    @Override
    public String localAddress() {
        return link.localAddress();
    }

    @Override
    public int fd() {
        return link.fd();
    }

    @Override
    public void closeAfterReply() {
        link.dropConnection();
    }

    @Override
    public void close() {
        link.dropConnection();
    }

    @Override
    public int queryBufferLength() {
        return 0;
    }

    @Override
    public int queryBufferFree() {
        return 0;
    }

    @Override
    public long outputBufferLength() {
        return 0;
    }
}
