package io.jredis.application.port;

/** What the replication side reports to INFO replication and ROLE. */
public interface ReplicationStatus {

    /** The lines of INFO replication after the section header, each without CRLF. */
    void describe(java.util.function.Consumer<String> line);

    /** "master" or "slave". */
    String role();
}
