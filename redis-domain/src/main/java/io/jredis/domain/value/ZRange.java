package io.jredis.domain.value;

import java.util.Arrays;

/**
 * A range of a sorted set as the range commands give it: by score (ZRANGEBYSCORE, ZCOUNT) or by
 * member (ZRANGEBYLEX, ZLEXCOUNT). Its two tests are the ones Redis walks the set with, so that
 * lex ranges over members of different scores give the same (unspecified) answers as Redis.
 */
public sealed interface ZRange {

    /** True when no element can be in the range (min above max, or equal with an exclusive end). */
    boolean isEmpty();

    /** The element (member bytes b[off, off+len)) is at or above the range's minimum. */
    boolean aboveMin(double score, byte[] b, int off, int len);

    /** The element (member bytes b[off, off+len)) is at or below the range's maximum. */
    boolean belowMax(double score, byte[] b, int off, int len);

    default boolean aboveMin(double score, byte[] member) {
        return aboveMin(score, member, 0, member.length);
    }

    default boolean belowMax(double score, byte[] member) {
        return belowMax(score, member, 0, member.length);
    }

    /** A score range; an exclusive end is {@code (} in the command. */
    record Scores(double min, boolean minExclusive, double max, boolean maxExclusive) implements ZRange {
        @Override
        public boolean isEmpty() {
            return min > max || (min == max && (minExclusive || maxExclusive));
        }

        @Override
        public boolean aboveMin(double score, byte[] b, int off, int len) {
            return minExclusive ? score > min : score >= min;
        }

        @Override
        public boolean belowMax(double score, byte[] b, int off, int len) {
            return maxExclusive ? score < max : score <= max;
        }
    }

    /**
     * A member range. The bounds {@link #MIN} ({@code -}) and {@link #MAX} ({@code +}) sort
     * before and after every member at either end, as Redis's shared min and max strings do.
     */
    record Members(byte[] min, boolean minExclusive, byte[] max, boolean maxExclusive) implements ZRange {

        /** The "-" bound: below every member. */
        public static final byte[] MIN = new byte[0];
        /** The "+" bound: above every member. */
        public static final byte[] MAX = new byte[0];

        @Override
        public boolean isEmpty() {
            int cmp = compare(min, max);
            return cmp > 0 || (cmp == 0 && (minExclusive || maxExclusive));
        }

        @Override
        public boolean aboveMin(double score, byte[] b, int off, int len) {
            int cmp = -compareBound(min, b, off, len);
            return minExclusive ? cmp > 0 : cmp >= 0;
        }

        @Override
        public boolean belowMax(double score, byte[] b, int off, int len) {
            int cmp = -compareBound(max, b, off, len);
            return maxExclusive ? cmp < 0 : cmp <= 0;
        }

        /** A bound against a member's bytes, the sentinels at the ends. */
        private static int compareBound(byte[] bound, byte[] b, int off, int len) {
            if (bound == MIN) {
                return -1;
            }
            if (bound == MAX) {
                return 1;
            }
            return Arrays.compareUnsigned(bound, 0, bound.length, b, off, off + len);
        }

        /** Redis's sdscmplex: memcmp order, with the two sentinels at the ends. */
        static int compare(byte[] a, byte[] b) {
            if (a == b) {
                return 0;
            }
            if (a == MIN || b == MAX) {
                return -1;
            }
            if (a == MAX || b == MIN) {
                return 1;
            }
            return Arrays.compareUnsigned(a, b);
        }
    }
}
