package io.jredis.application.port;

/**
 * Where time comes from. The server's clock is monotonic: it starts at the wall time and then
 * advances with the monotonic timer, so a wall-clock jump never expires or revives keys. Tests
 * use a manual clock.
 */
public interface Clock {

    /** Unix time in milliseconds, never going backwards. */
    long millis();

    /** A monotonic reading in nanoseconds for durations (not related to unix time). */
    long nanos();

    /** Stops the command thread for a while (DEBUG SLEEP); a manual clock just moves. */
    default void sleep(long nanos) {
    }

    /** Unix time in microseconds (MONITOR's timestamps); by default millisecond precision. */
    default long micros() {
        return millis() * 1000;
    }
}
