package io.jredis.application.server;

/** Counters INFO stats reports. Written by the command thread only. */
public final class Stats {

    public long commandsProcessed;
    public long keyspaceHits;
    public long keyspaceMisses;
    public long netInputBytes;
    public long netOutputBytes;
    public long errorReplies;
    /** Error replies by their code (the first word), for INFO errorstats; Redis keeps at most 128 codes. */
    private final java.util.Map<String, long[]> errorsByCode = new java.util.LinkedHashMap<>();

    /** Changes since the last save, as Redis's server.dirty. */
    public long dirty;
    /** Keys removed to stay under maxmemory (INFO evicted_keys). */
    public long evictedKeys;

    // instantaneous_ops_per_sec: a ring of samples taken by the cron, as Redis does
    private final long[] opsSamples = new long[16];
    private final long[] sampleNanos = new long[16];
    private int sampleIndex;
    private long lastOps;
    private long lastSampleNanos;

    /** An error reply was sent (by a command or for a protocol error). */
    public void errorReplied(String text) {
        errorReplies++;
        int space = text.indexOf(' ');
        String code = space < 0 ? text : text.substring(0, space);
        long[] n = errorsByCode.get(code);
        if (n == null) {
            if (errorsByCode.size() >= 128) {
                return;
            }
            n = new long[1];
            errorsByCode.put(code, n);
        }
        n[0]++;
    }

    /**
     * Takes back one count of an error reply already counted where it first happened (a script
     * failing with the error a command inside it replied: Redis's ERR_REPLY_FLAG_NO_STATS_UPDATE).
     */
    public void errorUncounted(String text) {
        errorReplies--;
        int space = text.indexOf(' ');
        long[] n = errorsByCode.get(space < 0 ? text : text.substring(0, space));
        if (n != null && n[0] > 0) {
            n[0]--;
        }
    }

    /** Visits each error code with its count, in first-seen order. */
    public void forEachErrorCode(java.util.function.ObjLongConsumer<String> visitor) {
        errorsByCode.forEach((code, n) -> visitor.accept(code, n[0]));
    }

    /** CONFIG RESETSTAT. */
    public void reset() {
        commandsProcessed = 0;
        keyspaceHits = 0;
        keyspaceMisses = 0;
        netInputBytes = 0;
        netOutputBytes = 0;
        errorReplies = 0;
        evictedKeys = 0;
        errorsByCode.clear();
    }

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
