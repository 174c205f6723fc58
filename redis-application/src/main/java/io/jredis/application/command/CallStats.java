package io.jredis.application.command;

/** Calls, time and failures of one command on one server, as INFO commandstats reports them. */
public final class CallStats {
    public long calls;
    public long micros;
    public long rejected;
    public long failed;
    /**
     * LATENCY HISTOGRAM: calls by duration, bucket i counting durations up to 2^i microseconds
     * (Redis keeps an HDR histogram; its report uses the same power-of-two steps).
     */
    public final long[] histogram = new long[40];

    /** Counts one call's duration in {@link #histogram}. */
    public void record(long nanos) {
        long micros = Math.max(1, (nanos + 999) / 1000);
        int bucket = 64 - Long.numberOfLeadingZeros(micros - 1);
        histogram[Math.min(bucket, histogram.length - 1)]++;
    }

    public void reset() {
        java.util.Arrays.fill(histogram, 0);
        calls = 0;
        micros = 0;
        rejected = 0;
        failed = 0;
    }
}
