package io.jredis.application.command.zset;

import io.jredis.domain.value.Numbers;

/**
 * Doubles read as C's {@code strtod} reads them (glibc, C locale): leading white space, a sign,
 * decimal or hexadecimal digits with an optional exponent, {@code inf}, {@code infinity} and
 * {@code nan} in any case. Redis checks the result two ways: {@link #strict} for scores
 * (its string2d) and {@link #rangeBound} for ZRANGEBYSCORE bounds (its zslParseRange).
 */
public final class Strtod {

    /** Returned for text Redis refuses: never a valid score, since scores are never NaN. */
    public static final double INVALID = Double.NaN;

    private Strtod() {
    }

    /**
     * A score as Redis's string2d accepts it: not empty, no leading space, the whole text
     * consumed, no overflow to infinity or underflow to zero (ERANGE), not NaN; else {@link #INVALID}.
     */
    public static double strict(byte[] b, int off, int len) {
        if (len == 0 || isSpace(b[off])) {
            return INVALID;
        }
        if (len < 16 && Numbers.isCanonicalLong(b, off, len)) {
            return Numbers.parseLong(b, off, len); // exact: fewer than 16 digits
        }
        Parse p = parse(b, off, len);
        if (p.end != off + len || p.rangeError) {
            return INVALID;
        }
        return p.value;
    }

    /**
     * A ZRANGEBYSCORE bound after its optional '(' as zslParseRange accepts it: strtod must stop
     * at the end of the text or at a NUL (C sees nothing after it), and the value must not be
     * NaN; white space before, empty text (0) and overflow (infinity) are accepted.
     */
    public static double rangeBound(byte[] b, int off, int len) {
        Parse p = parse(b, off, len);
        if (p.end != off + len && b[p.end] != 0) {
            return INVALID;
        }
        return p.value;
    }

    /**
     * A SORT weight as sortCommandGeneric checks strtod: white space before is fine, empty text
     * is 0, the text must be consumed up to its end or a NUL; any ERANGE (overflow, and an
     * underflow to zero or to a subnormal, as glibc reports it) or NaN makes it {@link #INVALID}.
     */
    public static double sortWeight(byte[] b, int off, int len) {
        Parse p = parse(b, off, len);
        if ((p.end != off + len && b[p.end] != 0) || p.rangeError
                || (p.value != 0 && Math.abs(p.value) < Double.MIN_NORMAL)) {
            return INVALID;
        }
        return p.value;
    }

    private record Parse(double value, int end, boolean rangeError) {
    }

    private static Parse parse(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        boolean negative = false;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        double sign = negative ? -1.0 : 1.0;
        if (matchesIgnoreCase(b, i, end, "infinity")) {
            return new Parse(sign * Double.POSITIVE_INFINITY, i + 8, false);
        }
        if (matchesIgnoreCase(b, i, end, "inf")) {
            return new Parse(sign * Double.POSITIVE_INFINITY, i + 3, false);
        }
        if (matchesIgnoreCase(b, i, end, "nan")) {
            int j = i + 3;
            if (j < end && b[j] == '(') {
                int k = j + 1;
                while (k < end && (isAlnum(b[k]) || b[k] == '_')) {
                    k++;
                }
                if (k < end && b[k] == ')') {
                    j = k + 1;
                }
            }
            return new Parse(Double.NaN, j, false);
        }
        if (i + 1 < end && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            Parse hex = parseHex(b, i + 2, end, negative);
            if (hex != null) {
                return hex;
            }
            return new Parse(negative ? -0.0 : 0.0, i + 1, false); // "0x" alone: strtod reads the 0
        }
        StringBuilder text = new StringBuilder(negative ? "-" : "");
        boolean digits = false;
        boolean nonZero = false;
        int j = i;
        while (j < end && isDigit(b[j])) {
            digits = true;
            nonZero |= b[j] != '0';
            text.append((char) b[j++]);
        }
        if (j < end && b[j] == '.') {
            int k = j + 1;
            StringBuilder frac = new StringBuilder();
            while (k < end && isDigit(b[k])) {
                nonZero |= b[k] != '0';
                frac.append((char) b[k++]);
            }
            if (digits || frac.length() > 0) {
                digits = true;
                text.append('.').append(frac).append(frac.length() == 0 ? "0" : "");
                j = k;
            }
        }
        if (!digits) {
            return new Parse(0.0, off, false); // no conversion: end pointer at the start
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            int k = j + 1;
            boolean expNegative = false;
            if (k < end && (b[k] == '+' || b[k] == '-')) {
                expNegative = b[k] == '-';
                k++;
            }
            if (k < end && isDigit(b[k])) {
                long exp = 0;
                while (k < end && isDigit(b[k])) {
                    exp = Math.min(exp * 10 + (b[k] - '0'), 100_000_000L);
                    k++;
                }
                text.append('e').append(expNegative ? -exp : exp);
                j = k;
            }
        }
        double v = Double.parseDouble(text.toString());
        boolean rangeError = Double.isInfinite(v) || (v == 0 && nonZero);
        return new Parse(v, j, rangeError);
    }

    private static Parse parseHex(byte[] b, int i, int end, boolean negative) {
        StringBuilder mant = new StringBuilder();
        boolean digits = false;
        boolean nonZero = false;
        int j = i;
        while (j < end && Character.digit(b[j], 16) >= 0) {
            digits = true;
            nonZero |= b[j] != '0';
            mant.append((char) b[j++]);
        }
        if (j < end && b[j] == '.') {
            int k = j + 1;
            StringBuilder frac = new StringBuilder();
            while (k < end && Character.digit(b[k], 16) >= 0) {
                nonZero |= b[k] != '0';
                frac.append((char) b[k++]);
            }
            if (digits || frac.length() > 0) {
                digits = true;
                mant.append('.').append(frac);
                j = k;
            }
        }
        if (!digits) {
            return null;
        }
        long exp = 0;
        if (j < end && (b[j] == 'p' || b[j] == 'P')) {
            int k = j + 1;
            boolean expNegative = false;
            if (k < end && (b[k] == '+' || b[k] == '-')) {
                expNegative = b[k] == '-';
                k++;
            }
            if (k < end && isDigit(b[k])) {
                while (k < end && isDigit(b[k])) {
                    exp = Math.min(exp * 10 + (b[k] - '0'), 100_000_000L);
                    k++;
                }
                exp = expNegative ? -exp : exp;
                j = k;
            }
        }
        String m = mant.toString();
        if (m.startsWith(".")) {
            m = "0" + m;
        }
        double v = Double.parseDouble((negative ? "-0x" : "0x") + m + "p" + exp);
        boolean rangeError = Double.isInfinite(v) || (v == 0 && nonZero);
        return new Parse(v, j, rangeError);
    }

    private static boolean matchesIgnoreCase(byte[] b, int i, int end, String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            int c = b[i + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
