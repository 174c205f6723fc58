package io.jredis.application.server;

import io.jredis.application.session.ClientSession;

import java.util.ArrayList;
import java.util.List;

/**
 * The periodic work of the command thread, run {@code hz} times a second as Redis's serverCron:
 * the active expiry cycle (bounded to a quarter of each period, so it never starves clients),
 * the ops-per-second samples, and closing clients idle past {@code timeout}.
 */
public final class ServerCron {

    /** Share of each period the expiry cycle may use, as Redis's ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC. */
    private static final int EXPIRE_TIME_PERCENT = 25;

    private final ServerState server;

    public ServerCron(ServerState server) {
        this.server = server;
    }

    /** Milliseconds between runs. */
    public long periodMillis() {
        return Math.max(1, 1000 / Math.max(1, server.config().hz));
    }

    public void run() {
        long now = server.clock().millis();
        long start = server.clock().nanos();
        long budget = periodMillis() * 1_000_000L * EXPIRE_TIME_PERCENT / 100;
        int removed;
        // DEBUG SET-ACTIVE-EXPIRE 0 stops it; a CLIENT PAUSE keeps the dataset static, as in Redis
        if (server.activeExpireEnabled() && server.clientPause().mode() == null) {
            do {
                removed = server.keyspace().activeExpireCycle(now, 400);
            } while (removed > 40 && server.clock().nanos() - start < budget);
        }
        if (server.eviction().pending()) {
            server.eviction().perform(); // a pass that ran out of time goes on, as Redis's evictionTimeProc
        }
        server.eviction().usedMemory(); // samples used_memory_peak, as serverCron does
        server.stats().sampleOps(server.clock().nanos());
        closeIdleClients(now);
        // a scheduled AOF rewrite goes before save points and a scheduled BGSAVE, as in serverCron
        server.appendOnlyFile().cron();
        server.rdbBackgroundSave().cron(now);
        server.replicaLinks().cron(now);
    }

    /** True when a background snapshot has a slice to run now: the loop must not sleep. */
    public boolean backgroundWorkReady() {
        return server.backgroundSnapshot().runnable();
    }

    /** Runs one bounded slice of the background snapshot, if any: each event-loop turn. */
    public void runBackgroundSlice() {
        server.backgroundSnapshot().slice(io.jredis.application.snapshot.BackgroundSnapshot.SLICE_NANOS);
    }

    private void closeIdleClients(long now) {
        int timeout = server.config().timeoutSeconds;
        if (timeout <= 0) {
            return;
        }
        List<ClientSession> idle = new ArrayList<>();
        for (ClientSession s : server.clients().all()) {
            // a blocked client waits under its own timeout, never the idle one (as Redis)
            if (!s.blocked() && now - s.lastInteractionMillis() > timeout * 1000L) {
                idle.add(s);
            }
        }
        for (ClientSession s : idle) {
            s.connection().close();
        }
    }
}
