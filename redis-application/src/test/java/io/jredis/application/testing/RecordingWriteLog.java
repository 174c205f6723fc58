package io.jredis.application.testing;

import io.jredis.application.port.WriteLog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory write log: each entry as "db: ARG ARG ...", transaction brackets as "MULTI" and
 * "EXEC", so a test sees exactly what a replica or the AOF would receive.
 */
public final class RecordingWriteLog implements WriteLog {

    public final List<String> entries = new ArrayList<>();
    private boolean inTransaction;

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void append(int db, List<byte[]> argv) {
        StringBuilder sb = new StringBuilder().append(db).append(':');
        for (byte[] a : argv) {
            sb.append(' ').append(new String(a, StandardCharsets.UTF_8));
        }
        entries.add(sb.toString());
    }

    @Override
    public void beginTransaction() {
        if (inTransaction) {
            throw new AssertionError("nested transaction bracket");
        }
        inTransaction = true;
        entries.add("MULTI");
    }

    @Override
    public void endTransaction() {
        if (!inTransaction) {
            throw new AssertionError("EXEC without MULTI in the write log");
        }
        inTransaction = false;
        entries.add("EXEC");
    }
}
