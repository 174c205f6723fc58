package io.jredis.application.port;

/** What the replication side reports to INFO replication and ROLE. */
public interface ReplicationStatus {

    /** The lines of INFO replication after the section header, each without CRLF. */
    void describe(java.util.function.Consumer<String> line);

    /** "master" or "slave". */
    String role();

    /**
     * The ROLE reply: {@code master offset [[ip port offset] ...]} or
     * {@code slave host port state offset}.
     */
    default void roleReply(ReplySink reply) {
        reply.array(3);
        reply.bulk("master");
        reply.integer(0);
        reply.array(0);
    }
}
