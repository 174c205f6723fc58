package io.jredis.domain.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * C's {@code long double} as Redis on x86-64 has it (80-bit x87 extended precision: 64-bit
 * significand, exponents down to 2^-16445 with subnormals, up to just under 2^16384), emulated
 * exactly so that INCRBYFLOAT and HINCRBYFLOAT give Redis's digits: parsing as glibc's strtold
 * (correctly rounded, round half to even), addition rounded the same way, and printing as
 * {@code %.17Lf} with trailing zeros trimmed. Finite values are held as their exact decimal
 * expansion, which every binary fraction has.
 */
public final class LongDouble {

    /** Redis's MAX_LONG_DOUBLE_CHARS: inputs this long or longer are refused. */
    public static final int MAX_CHARS = 5 * 1024;

    private static final int SIGNIFICAND_BITS = 64;
    /** Exponent of the least significant bit of the smallest subnormal. */
    private static final int MIN_LSB_EXPONENT = -16445;
    /** Largest exponent of the leading bit. */
    private static final int MAX_EXPONENT = 16383;

    public static final LongDouble ZERO = new LongDouble(BigDecimal.ZERO, 0);
    private static final LongDouble POSITIVE_INFINITY = new LongDouble(null, 1);
    private static final LongDouble NEGATIVE_INFINITY = new LongDouble(null, -1);
    private static final LongDouble NAN = new LongDouble(null, 0);

    /** The exact value when finite; null for infinities and NaN. */
    private final BigDecimal exact;
    /** For non-finite values: 1 or -1 for the infinities, 0 for NaN. */
    private final int special;

    private LongDouble(BigDecimal exact, int special) {
        this.exact = exact;
        this.special = special;
    }

    public boolean isFinite() {
        return exact != null;
    }

    /**
     * Parses as Redis's string2ld: the whole input must be a number strtold accepts (decimal or
     * hexadecimal, optional sign and exponent, "inf"/"infinity"), with no leading space, not NaN,
     * not overflowing and not so small it rounds to zero. Returns null when refused.
     */
    public static LongDouble parse(byte[] b, int off, int len) {
        if (len == 0 || len >= MAX_CHARS || isSpace(b[off])) {
            return null;
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        if (i == end) {
            return null;
        }
        if (matchesIgnoreCase(b, i, end, "inf") || matchesIgnoreCase(b, i, end, "infinity")) {
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        LongDouble v;
        if (end - i > 2 && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            v = parseHex(b, i + 2, end);
        } else {
            v = parseDecimal(b, i, end);
        }
        if (v == null || !v.isFinite()) {
            return null; // malformed, or out of range (strtold's ERANGE)
        }
        return negative ? v.negate() : v;
    }

    private static LongDouble parseDecimal(byte[] b, int i, int end) {
        StringBuilder digits = new StringBuilder();
        int fractionDigits = 0;
        boolean seenPoint = false;
        boolean anyDigit = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (digits.length() > 0 || c != '0') {
                    digits.append((char) c);
                }
                if (seenPoint) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return null;
        }
        long exponent = 0;
        if (i < end) {
            if (b[i] != 'e' && b[i] != 'E') {
                return null;
            }
            long[] parsed = parseExponent(b, i + 1, end);
            if (parsed == null) {
                return null;
            }
            exponent = parsed[0];
        }
        if (digits.length() == 0) {
            return ZERO;
        }
        long scale = exponent - fractionDigits; // value = digits * 10^scale
        long magnitude = digits.length() - 1 + scale; // decimal exponent of the leading digit
        if (magnitude > 4933) {
            return POSITIVE_INFINITY;
        }
        if (magnitude < -4952) {
            return null; // rounds to zero: strtold's underflow
        }
        BigInteger m = new BigInteger(digits.toString());
        BigInteger p;
        BigInteger q;
        if (scale >= 0) {
            p = m.multiply(BigInteger.TEN.pow((int) scale));
            q = BigInteger.ONE;
        } else {
            p = m;
            q = BigInteger.TEN.pow((int) -scale);
        }
        LongDouble v = round(p, q, 0);
        return v.isFinite() && v.exact.signum() == 0 ? null : v;
    }

    private static LongDouble parseHex(byte[] b, int i, int end) {
        BigInteger m = BigInteger.ZERO;
        long binaryExponent = 0;
        boolean seenPoint = false;
        boolean anyDigit = false;
        for (; i < end; i++) {
            int d = Character.digit(b[i], 16);
            if (d >= 0) {
                anyDigit = true;
                m = m.shiftLeft(4).or(BigInteger.valueOf(d));
                if (seenPoint) {
                    binaryExponent -= 4;
                }
            } else if (b[i] == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return null; // "0x" alone: strtold stops after the 0
        }
        if (i < end) {
            if (b[i] != 'p' && b[i] != 'P') {
                return null;
            }
            long[] parsed = parseExponent(b, i + 1, end);
            if (parsed == null) {
                return null;
            }
            binaryExponent += parsed[0];
        }
        if (m.signum() == 0) {
            return ZERO;
        }
        long leading = m.bitLength() - 1 + binaryExponent;
        if (leading > MAX_EXPONENT) {
            return POSITIVE_INFINITY;
        }
        if (leading < MIN_LSB_EXPONENT - 2) {
            return null;
        }
        LongDouble v = round(m, BigInteger.ONE, (int) binaryExponent);
        return v.isFinite() && v.exact.signum() == 0 ? null : v;
    }

    /** An exponent's optional sign and digits filling the rest; saturates far beyond any range. */
    private static long[] parseExponent(byte[] b, int i, int end) {
        boolean negative = false;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == end) {
            return null;
        }
        long e = 0;
        for (; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return null;
            }
            e = Math.min(e * 10 + (b[i] - '0'), 1_000_000_000L);
        }
        return new long[] {negative ? -e : e};
    }

    /** The sum, rounded to the nearest long double (ties to even), or an infinity or NaN. */
    public LongDouble add(LongDouble other) {
        if (!isFinite() || !other.isFinite()) {
            if (isFinite()) {
                return other;
            }
            if (other.isFinite() || special == other.special) {
                return this;
            }
            return NAN;
        }
        BigDecimal sum = exact.add(other.exact);
        // An exact binary fraction: unscaled / 10^scale = (unscaled / 5^scale) * 2^-scale.
        int scale = sum.scale();
        if (scale <= 0) {
            return round(sum.toBigIntegerExact(), BigInteger.ONE, 0);
        }
        BigInteger[] qr = sum.unscaledValue().divideAndRemainder(BigInteger.valueOf(5).pow(scale));
        if (qr[1].signum() == 0) {
            return round(qr[0], BigInteger.ONE, -scale);
        }
        return round(sum.unscaledValue(), BigInteger.TEN.pow(scale), 0);
    }

    private LongDouble negate() {
        return new LongDouble(exact.negate(), 0);
    }

    /** (p / q) * 2^shift, p signed, q positive, rounded to a 64-bit significand, ties to even. */
    private static LongDouble round(BigInteger p, BigInteger q, int shift) {
        int sign = p.signum();
        if (sign == 0) {
            return ZERO;
        }
        BigInteger num = p.abs();
        // Find e so that num / q / 2^e has exactly 64 integer bits, not below the subnormal floor.
        long e = (long) num.bitLength() - q.bitLength() - SIGNIFICAND_BITS + shift;
        BigInteger[] qr;
        while (true) {
            if (e < MIN_LSB_EXPONENT) {
                e = MIN_LSB_EXPONENT;
            }
            qr = divide(num, q, e - shift);
            int bits = qr[0].bitLength();
            if (bits > SIGNIFICAND_BITS) {
                e++;
            } else if (bits < SIGNIFICAND_BITS && e > MIN_LSB_EXPONENT) {
                e--;
            } else {
                break;
            }
        }
        BigInteger significand = qr[0];
        BigInteger remainder = qr[1];
        BigInteger divisor = qr[2];
        int cmp = remainder.shiftLeft(1).compareTo(divisor);
        if (cmp > 0 || (cmp == 0 && significand.testBit(0))) {
            significand = significand.add(BigInteger.ONE);
            if (significand.bitLength() > SIGNIFICAND_BITS) {
                significand = significand.shiftRight(1);
                e++;
            }
        }
        if (significand.signum() == 0) {
            return ZERO;
        }
        if (e + significand.bitLength() - 1 > MAX_EXPONENT) {
            return sign > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        BigDecimal value = e >= 0
                ? new BigDecimal(significand.shiftLeft((int) e))
                : new BigDecimal(significand.multiply(BigInteger.valueOf(5).pow((int) -e)), (int) -e);
        return new LongDouble(sign > 0 ? value : value.negate(), 0);
    }

    /** floor(num / (q * 2^k)) for k possibly negative, with the remainder and the divisor used. */
    private static BigInteger[] divide(BigInteger num, BigInteger q, long k) {
        BigInteger n = k < 0 ? num.shiftLeft((int) -k) : num;
        BigInteger d = k > 0 ? q.shiftLeft((int) k) : q;
        BigInteger[] qr = n.divideAndRemainder(d);
        return new BigInteger[] {qr[0], qr[1], d};
    }

    /**
     * The value as Redis's ld2string in human mode prints it: {@code %.17Lf} (exact digits,
     * rounded half to even), trailing zeros and a bare point removed, "-0" made "0".
     */
    public byte[] toHumanBytes() {
        if (!isFinite()) {
            throw new IllegalStateException("not finite");
        }
        String s = exact.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int l = s.length();
        while (s.charAt(l - 1) == '0') {
            l--;
        }
        if (s.charAt(l - 1) == '.') {
            l--;
        }
        s = s.substring(0, l);
        if (s.equals("-0")) {
            s = "0";
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return isFinite() ? new String(toHumanBytes(), StandardCharsets.US_ASCII)
                : special == 0 ? "nan" : special > 0 ? "inf" : "-inf";
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean matchesIgnoreCase(byte[] b, int i, int end, String word) {
        if (end - i != word.length()) {
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
}
