package io.jredis.application.command.zset;

import io.jredis.domain.value.DoubleText;

import java.nio.charset.StandardCharsets;

/**
 * A score as text where Redis 7.0 writes it into a string rather than replying a double
 * (ZSCAN): C's {@code %.17g} (d2string, ld2string), with {@code inf} and {@code -inf}; or, for
 * a listpack, the integer it stores whole numbers as.
 */
final class ScoreText {

    private ScoreText() {
    }

    /**
     * A score as a listpack holds it: a whole number within +-2^62 as an integer (Redis's
     * double2ll), anything else as d2string's text.
     */
    static byte[] listpackBytes(double d) {
        double limit = (double) (Long.MAX_VALUE / 2);
        if (d >= -limit && d <= limit && (long) d == d) {
            return Long.toString((long) d).getBytes(StandardCharsets.US_ASCII);
        }
        return bytes(d);
    }

    static byte[] bytes(double d) {
        return format(d).getBytes(StandardCharsets.US_ASCII);
    }

    static String format(double d) {
        return DoubleText.format(d);
    }
}
