package io.jredis.application.testing;

import io.jredis.application.port.Clock;

/** A clock that moves only when a test says so. */
public final class ManualClock implements Clock {

    private long millis;
    private long nanos;

    public ManualClock(long startMillis) {
        this.millis = startMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    public void advance(long ms) {
        millis += ms;
        nanos += ms * 1_000_000L;
    }
}
