package io.jredis.domain.violation;

/** A deliberate violation (test only): the domain reading the clock. */
public final class ClockReadInDomain {

    public long now() {
        return System.currentTimeMillis();
    }
}
