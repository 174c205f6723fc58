package io.jredis.application.command.zset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * A score as text where Redis 7.0 writes it into a string rather than replying a double
 * (ZSCAN): C's {@code %.17g} (d2string, ld2string), with {@code inf} and {@code -inf}; or, for
 * a listpack, the integer it stores whole numbers as.
 */
final class ScoreText {

    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

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
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d) < 0 ? "-0" : "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e17) {
            return Long.toString((long) d);
        }
        BigDecimal rounded = new BigDecimal(d).round(SEVENTEEN);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < 17) {
            return stripZeros(rounded.setScale(Math.max(0, 16 - exponent), RoundingMode.HALF_EVEN).toPlainString());
        }
        String m = stripZeros(rounded.movePointLeft(exponent).setScale(16, RoundingMode.HALF_EVEN).toPlainString());
        int abs = Math.abs(exponent);
        return m + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
