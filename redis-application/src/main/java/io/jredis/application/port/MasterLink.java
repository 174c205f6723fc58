package io.jredis.application.port;

/**
 * The replica side of replication as commands and the executor see it: whether this server
 * follows a master (Redis's {@code masterhost}), and REPLICAOF's two moves. Implemented by the
 * replication adapter; every call is made on the command thread.
 */
public interface MasterLink {

    /** True while this server is configured as a replica (REPLICAOF host port), linked or not. */
    boolean replicating();

    /** True when the link to the master is established and synced (master_link_status:up). */
    boolean linkUp();

    /** The configured master's host and port (valid while {@link #replicating()}). */
    String masterHost();

    int masterPort();

    /**
     * Becomes a replica of {@code host:port} (or changes master): drops the current link and
     * starts a new one, which tries a partial resync with this server's own history first.
     */
    void follow(String host, int port);

    /** REPLICAOF NO ONE: stops following, keeps the data, and the server is a master again. */
    void promote();

    /** No replication adapter attached (unit tests): never a replica. */
    MasterLink NONE = new MasterLink() {
        @Override
        public boolean replicating() {
            return false;
        }

        @Override
        public boolean linkUp() {
            return false;
        }

        @Override
        public String masterHost() {
            return "";
        }

        @Override
        public int masterPort() {
            return 0;
        }

        @Override
        public void follow(String host, int port) {
            throw new UnsupportedOperationException("no replication adapter is attached");
        }

        @Override
        public void promote() {
        }
    };
}
