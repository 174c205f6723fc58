package io.jredis.application.server;

/** Counters INFO stats reports. Written by the command thread only. */
public final class Stats {

    public long commandsProcessed;
    public long keyspaceHits;
    public long keyspaceMisses;
    public long netInputBytes;
    public long netOutputBytes;
    public long errorReplies;
    /** Changes since the last save, as Redis's server.dirty. */
    public long dirty;

    // instantaneous_ops_per_sec: a ring of samples taken by the cron, as Redis does
    private final long[] opsSamples = new long[16];
    private final long[] sampleNanos = new long[16];
    private int sampleIndex;
    private long lastOps;
    private long lastSampleNanos;

    public void sampleOps(long nowNanos) {
        if (lastSampleNanos != 0) {
            long dt = nowNanos - lastSampleNanos;
            opsSamples[sampleIndex] = commandsProcessed - lastOps;
            sampleNanos[sampleIndex] = dt;
            sampleIndex = (sampleIndex + 1) % opsSamples.length;
        }
        lastOps = commandsProcessed;
        lastSampleNanos = nowNanos;
    }

    public long instantaneousOpsPerSec() {
        long ops = 0;
        long nanos = 0;
        for (int i = 0; i < opsSamples.length; i++) {
            ops += opsSamples[i];
            nanos += sampleNanos[i];
        }
        return nanos == 0 ? 0 : ops * 1_000_000_000L / nanos;
    }
}
