package io.jredis.application.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LATENCY's event samples, as Redis's latency monitor: per event the last 160 seconds that had a
 * spike at or above latency-monitor-threshold ms (the worst of each second), its latest and
 * all-time worst.
 */
public final class LatencyMonitor {

    static final int SAMPLES = 160;

    /** One event's samples: a ring of (unix seconds, ms). */
    public static final class Series {
        final long[] times = new long[SAMPLES];
        final long[] latencies = new long[SAMPLES];
        int next;
        int count;
        long max;

        public long max() {
            return max;
        }

        public int count() {
            return count;
        }

        /** The i-th sample, oldest first. */
        public long time(int i) {
            return times[(next - count + i + SAMPLES) % SAMPLES];
        }

        public long latency(int i) {
            return latencies[(next - count + i + SAMPLES) % SAMPLES];
        }

        public long latestTime() {
            return times[(next - 1 + SAMPLES) % SAMPLES];
        }

        public long latest() {
            return latencies[(next - 1 + SAMPLES) % SAMPLES];
        }
    }

    private final Map<String, Series> events = new LinkedHashMap<>();

    /** Records {@code ms} for {@code event} when it reaches the threshold (0 = monitor off). */
    public void sample(ServerConfig config, String event, long ms, long unixSeconds) {
        if (config.latencyMonitorThreshold == 0 || ms < config.latencyMonitorThreshold) {
            return;
        }
        Series s = events.computeIfAbsent(event, e -> new Series());
        int prev = (s.next - 1 + SAMPLES) % SAMPLES;
        if (s.count > 0 && s.times[prev] == unixSeconds) {
            s.latencies[prev] = Math.max(s.latencies[prev], ms);
        } else {
            s.times[s.next] = unixSeconds;
            s.latencies[s.next] = ms;
            s.next = (s.next + 1) % SAMPLES;
            s.count = Math.min(SAMPLES, s.count + 1);
        }
        s.max = Math.max(s.max, ms);
    }

    public Map<String, Series> events() {
        return events;
    }

    /** Forgets one event; true when it had samples. */
    public boolean reset(String event) {
        return events.remove(event) != null;
    }

    public int resetAll() {
        int n = events.size();
        events.clear();
        return n;
    }
}
