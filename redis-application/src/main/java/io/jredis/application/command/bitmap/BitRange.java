package io.jredis.application.command.bitmap;

/**
 * The bytes BITCOUNT and BITPOS read: start and end normalised as Redis does (negative from the
 * end, clamped to the value), and for a BIT range the bits of the edge bytes outside it. One per
 * command, reused: only the command thread runs commands.
 */
final class BitRange {

    long start;
    long end;
    /** Bits of the first byte before the range (BIT ranges only), else 0. */
    int firstMask;
    /** Bits of the last byte after the range (BIT ranges only), else 0. */
    int lastMask;

    /** A range given by the client over a value of {@code strlen} bytes, in bits when {@code isBit}. */
    void set(long start, long end, long strlen, boolean isBit) {
        long totlen = isBit ? strlen << 3 : strlen;
        if (start < 0) {
            start = totlen + start;
        }
        if (end < 0) {
            end = totlen + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= totlen) {
            end = totlen - 1;
        }
        firstMask = 0;
        lastMask = 0;
        if (isBit && start <= end) {
            firstMask = ~((1 << (8 - (int) (start & 7))) - 1) & 0xff;
            lastMask = (1 << (7 - (int) (end & 7))) - 1;
            start >>= 3;
            end >>= 3;
        }
        this.start = start;
        this.end = end;
    }

    /** The whole value of {@code strlen} bytes. */
    void whole(long strlen) {
        start = 0;
        end = strlen - 1;
        firstMask = 0;
        lastMask = 0;
    }
}
