package io.jredis.adapter.replication.replica;

import io.jredis.application.server.ServerConfig;

import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * A {@link ReplicationHistory} of a server with no replicas of its own: ids, offsets and the
 * backlog's bookkeeping (what INFO reports), without keeping the bytes. The replica side's unit
 * tests use it in place of the master side (the server wires {@code MasterReplication}).
 */
final class LocalHistory implements ReplicationHistory {

    private final ServerConfig config;
    private String replId;
    private String replId2 = NO_ID;
    private long offset;
    private long secondOffset = -1;
    private boolean backlogActive;
    private long backlogFirstByte;
    private long backlogLength;

    LocalHistory(ServerConfig config, String replId) {
        this.config = config;
        this.replId = replId;
    }

    @Override
    public String replicationId() {
        return replId;
    }

    @Override
    public String secondaryId() {
        return replId2;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public long secondaryOffset() {
        return secondOffset;
    }

    @Override
    public void adopt(String newId, long newOffset) {
        replId = newId;
        replId2 = NO_ID;
        secondOffset = -1;
        offset = newOffset;
        backlogActive = true;
        backlogFirstByte = newOffset + 1;
        backlogLength = 0;
    }

    @Override
    public void switchId(String newId) {
        replId2 = replId;
        secondOffset = offset + 1;
        replId = newId;
        if (!backlogActive) {
            backlogActive = true;
            backlogFirstByte = offset + 1;
        }
    }

    @Override
    public void append(byte[] buf, int off, int len) {
        offset += len;
        if (!backlogActive) {
            backlogActive = true;
            backlogFirstByte = offset - len + 1;
        }
        backlogLength = Math.min(backlogLength + len, config.replBacklogSize);
        backlogFirstByte = offset - backlogLength + 1;
    }

    @Override
    public void promote() {
        replId2 = replId;
        secondOffset = offset + 1;
        replId = newId();
    }

    static String newId() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    @Override
    public void describe(Consumer<String> line) {
        line.accept("connected_slaves:0");
        line.accept("master_failover_state:no-failover");
        line.accept("master_replid:" + replId);
        line.accept("master_replid2:" + replId2);
        line.accept("master_repl_offset:" + offset);
        line.accept("second_repl_offset:" + secondOffset);
        line.accept("repl_backlog_active:" + (backlogActive ? 1 : 0));
        line.accept("repl_backlog_size:" + config.replBacklogSize);
        line.accept("repl_backlog_first_byte_offset:" + (backlogActive ? backlogFirstByte : 0));
        line.accept("repl_backlog_histlen:" + (backlogActive ? backlogLength : 0));
    }
}
