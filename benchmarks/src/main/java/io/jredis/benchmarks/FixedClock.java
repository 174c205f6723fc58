package io.jredis.benchmarks;

import io.jredis.application.port.Clock;

/** A clock that never moves: benchmarks measure commands, not time reads. */
final class FixedClock implements Clock {

    private final long millis;

    FixedClock(long millis) {
        this.millis = millis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public long nanos() {
        return millis * 1_000_000L;
    }
}
