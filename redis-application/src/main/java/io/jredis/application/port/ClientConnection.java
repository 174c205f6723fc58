package io.jredis.application.port;

/** The transport under a client session, as the application needs to see it. */
public interface ClientConnection {

    /** "ip:port" of the peer. */
    String remoteAddress();

    /** "ip:port" of our end. */
    String localAddress();

    /** A number identifying the socket, shown as fd= in CLIENT LIST. */
    int fd();

    /** Closes the connection after what is already queued for it has been written. */
    void closeAfterReply();

    /** Closes the connection at once (CLIENT KILL of another client). */
    void close();

    /** Bytes waiting in the query buffer (qbuf=). */
    int queryBufferLength();

    /** Free bytes in the query buffer (qbuf-free=). */
    int queryBufferFree();

    /** Bytes waiting to be written to the client (omem=, tot-mem=). */
    long outputBufferLength();

    /**
     * The client's own reply sink, for replies written while another client's command runs (a
     * blocked client served by someone's push, a timeout, CLIENT UNBLOCK).
     */
    default ReplySink replySink() {
        throw new UnsupportedOperationException("this transport takes no replies out of turn");
    }

    /**
     * The client's blocking command got its reply out of turn: flush it, and resume the client's
     * buffered commands if it is no longer blocked. Called on the command thread.
     */
    default void wake() {
    }

    /**
     * Queues raw bytes for the socket after everything already queued (a replica's replication
     * stream, not a reply) and flushes them soon, with back-pressure. Command thread only.
     */
    default void writeRaw(byte[] bytes, int offset, int length) {
        throw new UnsupportedOperationException("this transport takes no raw output");
    }

    /**
     * The connection now carries a replication stream to a replica: its output is never held
     * back by the normal clients' pause or limits (the replication side applies the replica
     * class limits itself) and reading its acknowledgements never pauses.
     */
    default void markReplica() {
    }
}
