package io.jredis.application.server;

import io.jredis.application.port.WriteLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one top-level command, EXEC with everything it runs included, on their way to
 * the write log. As Redis 7.0 propagates: held until the command ends, then handed over alone
 * when there is one, and as one transaction (MULTI ... EXEC on the wire) when there are
 * several, so a replica or the AOF never sees half a unit. Keys reclaimed on access during the
 * command belong to its unit; writes outside any command (active expiry) go straight through.
 * Holds nothing while no one listens to the write log.
 */
public final class PropagationUnit {

    private final ServerState server;
    private final List<List<byte[]>> argvs = new ArrayList<>();
    private int[] dbs = new int[8];
    /** Entries only replicas get (PUBLISH); null while the unit holds none, the common case. */
    private java.util.BitSet replicasOnly;
    private int depth;

    PropagationUnit(ServerState server) {
        this.server = server;
    }

    /** A command starts; nested starts (the commands EXEC runs) join the outer unit. */
    public void open() {
        depth++;
    }

    /** True while a command runs. */
    public boolean isOpen() {
        return depth > 0;
    }

    /**
     * A command ends; the outermost end hands the unit to the write log. {@code mayBracket} is
     * false for commands that reclaim arbitrary keys (SCAN, RANDOMKEY): Redis 7.0 hands their
     * deletions over one by one, like active expiry.
     */
    public void close(boolean mayBracket) {
        if (--depth > 0) {
            return;
        }
        int n = argvs.size();
        if (n == 0) {
            return;
        }
        if (replicasOnly != null) {
            closeWithReplicasOnly(mayBracket, n);
            return;
        }
        WriteLog log = server.writeLog();
        boolean bracket = mayBracket && n > 1;
        try {
            if (bracket) {
                log.beginTransaction();
            }
            for (int i = 0; i < n; i++) {
                log.append(dbs[i], argvs.get(i));
            }
            if (bracket) {
                log.endTransaction();
            }
        } finally {
            argvs.clear();
        }
    }

    /**
     * A unit with entries only replicas get: each active log gets what it may see, bracketed
     * when that is more than one entry (replicas thus see Redis's MULTI ... EXEC around the whole
     * unit; the append-only file sees only the data writes).
     */
    private void closeWithReplicasOnly(boolean mayBracket, int n) {
        try {
            for (WriteLog log : server.writeLogs()) {
                if (!log.active()) {
                    continue;
                }
                boolean all = log.feedsReplicas();
                int visible = all ? n : n - replicasOnly.cardinality();
                if (visible == 0) {
                    continue;
                }
                boolean bracket = mayBracket && visible > 1;
                if (bracket) {
                    log.beginTransaction();
                }
                for (int i = 0; i < n; i++) {
                    if (all || !replicasOnly.get(i)) {
                        log.append(dbs[i], argvs.get(i));
                    }
                }
                if (bracket) {
                    log.endTransaction();
                }
            }
        } finally {
            argvs.clear();
            replicasOnly = null;
        }
    }

    /**
     * A command Redis propagates to replicas but not to the append-only file (PUBLISH, its
     * forceCommandPropagation with PROPAGATE_REPL): part of the unit like any write.
     */
    public void appendToReplicas(int db, List<byte[]> argv) {
        if (!server.writeLog().active()) {
            return;
        }
        if (depth == 0) {
            for (WriteLog log : server.writeLogs()) {
                if (log.active() && log.feedsReplicas()) {
                    log.append(db, argv);
                }
            }
            return;
        }
        if (replicasOnly == null) {
            replicasOnly = new java.util.BitSet();
        }
        replicasOnly.set(argvs.size());
        append(db, argv);
    }

    /** One write as it must be replayed: held while a command runs, passed on otherwise. */
    public void append(int db, List<byte[]> argv) {
        WriteLog log = server.writeLog();
        if (!log.active()) {
            return;
        }
        if (depth == 0) {
            log.append(db, argv);
            return;
        }
        int i = argvs.size();
        if (i == dbs.length) {
            dbs = java.util.Arrays.copyOf(dbs, i * 2);
        }
        dbs[i] = db;
        argvs.add(argv);
    }
}
