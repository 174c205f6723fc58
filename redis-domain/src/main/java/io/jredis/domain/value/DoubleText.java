package io.jredis.domain.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as Redis 7.0 prints them, in replies and in stored text alike: C's {@code %.17g} (17
 * significant digits, fixed or exponent form by C's rule, trailing zeros dropped), and
 * {@code inf}, {@code -inf}, {@code nan}.
 */
public final class DoubleText {

    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

    private DoubleText() {
    }

    public static String format(double d) {
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
            String fixed = rounded.setScale(Math.max(0, 16 - exponent), RoundingMode.HALF_EVEN).toPlainString();
            return stripZeros(fixed);
        }
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        String m = stripZeros(mantissa.setScale(16, RoundingMode.HALF_EVEN).toPlainString());
        String sign = exponent < 0 ? "-" : "+";
        int abs = Math.abs(exponent);
        return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
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
