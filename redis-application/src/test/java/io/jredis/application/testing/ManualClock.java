package io.jredis.application.testing;

import io.jredis.application.port.Clock;

/** A clock that moves only when a test says so. */
public final class ManualClock implements Clock {

    private long millis;
    private long nanos;
    private long stepPerRead;
    private long nanosStepPerRead;

    public ManualClock(long startMillis) {
        this.millis = startMillis;
    }

    @Override
    public long millis() {
        long now = millis;
        if (stepPerRead != 0) {
            advance(stepPerRead);
        }
        return now;
    }

    @Override
    public long nanos() {
        long now = nanos;
        nanos += nanosStepPerRead;
        return now;
    }

    /** From now on every read of {@link #nanos()} moves the monotonic reading by {@code ns} afterwards. */
    public void advanceNanosOnEveryRead(long ns) {
        this.nanosStepPerRead = ns;
    }

    /** From now on every read of {@link #millis()} moves the clock by {@code ms} afterwards. */
    public void advanceOnEveryRead(long ms) {
        this.stepPerRead = ms;
    }

    @Override
    public void sleep(long nanos) {
        millis += nanos / 1_000_000L;
        this.nanos += nanos;
    }

    public void advance(long ms) {
        millis += ms;
        nanos += ms * 1_000_000L;
    }
}
