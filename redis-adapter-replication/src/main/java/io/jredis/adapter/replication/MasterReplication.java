package io.jredis.adapter.replication;

import io.jredis.application.port.ReplicationStatus;
import io.jredis.application.server.ServerConfig;

import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * The master side of replication as far as it exists yet: the replication id a replica would
 * be given, and the INFO replication fields of a master with no replicas. Redis creates its
 * backlog only when the first replica attaches, so until then the offset stays 0 and the backlog
 * is inactive; the PSYNC handshake, backlog and propagation come with the replication issue.
 */
public final class MasterReplication implements ReplicationStatus {

    private static final String NO_ID = "0000000000000000000000000000000000000000";

    private final ServerConfig config;
    private final String replId;

    public MasterReplication(ServerConfig config) {
        this.config = config;
        this.replId = newReplicationId();
    }

    /** 40 random hex characters, as Redis's changeReplicationId. */
    static String newReplicationId() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    public String replicationId() {
        return replId;
    }

    @Override
    public String role() {
        return "master";
    }

    @Override
    public void describe(Consumer<String> line) {
        line.accept("role:master");
        line.accept("connected_slaves:0");
        line.accept("master_failover_state:no-failover");
        line.accept("master_replid:" + replId);
        line.accept("master_replid2:" + NO_ID);
        line.accept("master_repl_offset:0");
        line.accept("second_repl_offset:-1");
        line.accept("repl_backlog_active:0");
        line.accept("repl_backlog_size:" + config.replBacklogSize);
        line.accept("repl_backlog_first_byte_offset:0");
        line.accept("repl_backlog_histlen:0");
    }
}
