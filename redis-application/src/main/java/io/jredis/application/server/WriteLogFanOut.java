package io.jredis.application.server;

import io.jredis.application.port.WriteLog;

import java.util.List;

/**
 * Several subscribers of the write stream (the append-only file and the replicas) behind the
 * one {@link WriteLog} the executor writes to. Only the active ones see the writes.
 */
final class WriteLogFanOut implements WriteLog {

    private final WriteLog[] logs;

    WriteLogFanOut(List<WriteLog> logs) {
        this.logs = logs.toArray(WriteLog[]::new);
    }

    @Override
    public boolean active() {
        for (WriteLog log : logs) {
            if (log.active()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void append(int db, List<byte[]> argv) {
        for (WriteLog log : logs) {
            if (log.active()) {
                log.append(db, argv);
            }
        }
    }

    @Override
    public void beginTransaction() {
        for (WriteLog log : logs) {
            if (log.active()) {
                log.beginTransaction();
            }
        }
    }

    @Override
    public void endTransaction() {
        for (WriteLog log : logs) {
            if (log.active()) {
                log.endTransaction();
            }
        }
    }
}
