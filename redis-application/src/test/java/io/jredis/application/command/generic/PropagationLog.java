package io.jredis.application.command.generic;

import io.jredis.application.port.WriteLog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A write log that remembers each entry as "db: ARG ARG ...". */
public final class PropagationLog implements WriteLog {

    public final List<String> entries = new ArrayList<>();

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
    }

    @Override
    public void endTransaction() {
    }
}
