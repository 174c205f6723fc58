package io.jredis.bootstrap;

import io.jredis.application.port.Clock;

/**
 * The production clock: unix milliseconds read once at start, then advanced by the monotonic
 * timer, so that wall-clock jumps (NTP, a changed date) never expire or revive keys.
 */
final class SystemClock implements Clock {

    private final long baseMillis = System.currentTimeMillis();
    private final long baseNanos = System.nanoTime();

    @Override
    public long millis() {
        return baseMillis + (System.nanoTime() - baseNanos) / 1_000_000L;
    }

    @Override
    public void sleep(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left); // may return early
        }
    }

    @Override
    public long micros() {
        return baseMillis * 1000 + (System.nanoTime() - baseNanos) / 1000L;
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
