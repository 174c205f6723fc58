package io.jredis.application.snapshot;

import io.jredis.application.server.ServerState;

/**
 * BGSAVE of the RDB file and what triggers it, as Redis's rdbSaveBackground and serverCron:
 * the command, the save points ({@code save <seconds> <changes>}), a BGSAVE scheduled while
 * another snapshot ran, the retry delay after a failed one, and the INFO persistence counters.
 */
public final class RdbBackgroundSave {

    /** Seconds before save points or a scheduled BGSAVE try again after a failed BGSAVE (CONFIG_BGSAVE_RETRY_DELAY). */
    static final int RETRY_DELAY_SECONDS = 5;

    /** What became of a BGSAVE request. */
    public enum Start {
        STARTED,
        /** An RDB snapshot (a BGSAVE or a replica's sync) is running. */
        ALREADY_IN_PROGRESS,
        /** Another snapshot (the AOF rewrite) is running. */
        OTHER_IN_PROGRESS
    }

    /** Purposes of snapshots that count as Redis's RDB child (CHILD_TYPE_RDB). */
    public static final String RDB = "rdb";
    public static final String SYNC = "sync";

    private final ServerState server;
    private boolean scheduled;
    private long lastTrySeconds;
    private long dirtyBefore;
    private String parsedSave;
    private long[] savePoints = new long[0];

    public RdbBackgroundSave(ServerState server) {
        this.server = server;
    }

    private BackgroundSnapshot snapshot() {
        return server.backgroundSnapshot();
    }

    /** True while a snapshot Redis would count as an RDB child runs (BGSAVE or a replica's full sync). */
    public boolean rdbInProgress() {
        BackgroundSnapshot s = snapshot();
        return s.inProgress() && (RDB.equals(s.purpose()) || SYNC.equals(s.purpose()));
    }

    /** True while this BGSAVE (to the RDB file) runs. */
    public boolean bgsaveInProgress() {
        return snapshot().inProgress() && RDB.equals(snapshot().purpose());
    }

    /** BGSAVE: starts writing the RDB file in the background. */
    public Start start() {
        if (rdbInProgress()) {
            return Start.ALREADY_IN_PROGRESS;
        }
        if (snapshot().inProgress()) {
            return Start.OTHER_IN_PROGRESS;
        }
        begin();
        return Start.STARTED;
    }

    /** BGSAVE SCHEDULE (or BGSAVE inside EXEC): starts once nothing else runs, from the cron. */
    public void schedule() {
        scheduled = true;
    }

    public boolean scheduled() {
        return scheduled;
    }

    private void begin() {
        ServerState.Persistence p = server.persistence();
        p.saves++;
        dirtyBefore = server.stats().dirty;
        long now = server.clock().millis();
        lastTrySeconds = now / 1000;
        snapshot().start(RDB, server.snapshots().backgroundOutput(server.commandThread()), this::done);
    }

    private void done(BackgroundSnapshot.Outcome outcome) {
        ServerState.Persistence p = server.persistence();
        long now = server.clock().millis();
        switch (outcome.status()) {
            case OK -> {
                server.stats().dirty = Math.max(0, server.stats().dirty - dirtyBefore);
                p.lastSaveMillis = now;
                p.lastSaveOk = true;
            }
            case FAILED -> p.lastSaveOk = false;
            // killed on purpose (SHUTDOWN, FLUSHALL): not a failure, as Redis's SIGUSR1
            case KILLED -> { }
        }
        p.lastBgsaveSeconds = now / 1000 - (now - outcome.millis()) / 1000;
        p.lastCowBytes = outcome.earlyBytes();
    }

    /** Stops a running BGSAVE or replica sync snapshot (Redis's killRDBChild): SHUTDOWN, FLUSHALL. */
    public void killRdb() {
        if (rdbInProgress()) {
            snapshot().kill();
        }
    }

    /**
     * The cron's part: with no snapshot running, a save point reached (at least its number of
     * changes, more than its seconds since the last save) starts a BGSAVE, unless the last one
     * failed less than {@link #RETRY_DELAY_SECONDS} ago; then a scheduled BGSAVE starts.
     */
    public void cron(long now) {
        if (snapshot().inProgress()) {
            return;
        }
        ServerState.Persistence p = server.persistence();
        long nowSeconds = now / 1000;
        boolean mayTry = p.lastSaveOk || nowSeconds - lastTrySeconds > RETRY_DELAY_SECONDS;
        long[] points = savePoints();
        for (int i = 0; i + 1 < points.length; i += 2) {
            if (server.stats().dirty >= points[i + 1] && nowSeconds - p.lastSaveMillis / 1000 > points[i] && mayTry) {
                begin();
                return;
            }
        }
        if (scheduled && mayTry) {
            scheduled = false;
            begin();
        }
    }

    /** The configured save points as seconds, changes pairs (parsed again only when the setting changed). */
    private long[] savePoints() {
        String save = server.config().save;
        if (!save.equals(parsedSave)) {
            String[] words = save.isBlank() ? new String[0] : save.trim().split("\\s+");
            long[] points = new long[words.length - words.length % 2];
            for (int i = 0; i < points.length; i++) {
                points[i] = Long.parseLong(words[i]);
            }
            savePoints = points;
            parsedSave = save;
        }
        return savePoints;
    }
}
