package io.jredis.domain.value;

import java.util.Arrays;

/**
 * A string value that is grown in place (APPEND, SETRANGE): capacity beyond its length, so that
 * repeated appends are amortised O(1). Redis reports such values with the "raw" encoding.
 */
public final class MutableString {

    private byte[] bytes;
    private int length;

    public MutableString(byte[] initial, int length) {
        this.bytes = initial;
        this.length = length;
    }

    public static MutableString copyOf(byte[] src) {
        return new MutableString(Arrays.copyOf(src, src.length), src.length);
    }

    public int length() {
        return length;
    }

    /** The backing array; only the first {@link #length()} bytes are the value. */
    public byte[] array() {
        return bytes;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    public void append(byte[] src, int off, int len) {
        ensureCapacity(length + len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
    }

    /** Writes at an offset, zero-padding any gap, as SETRANGE does. */
    public void write(int offset, byte[] src, int off, int len) {
        int end = offset + len;
        ensureCapacity(end);
        if (offset > length) {
            Arrays.fill(bytes, length, offset, (byte) 0);
        }
        System.arraycopy(src, off, bytes, offset, len);
        length = Math.max(length, end);
    }

    /** Extends the value with zero bytes up to {@code newLength} (sdsgrowzero); never shrinks. */
    public void growZero(int newLength) {
        if (newLength > length) {
            ensureCapacity(newLength);
            Arrays.fill(bytes, length, newLength, (byte) 0);
            length = newLength;
        }
    }

    /**
     * Sets the length after the caller wrote the bytes in place (sdsIncrLen); the capacity must
     * have been reserved with {@link #reserve}.
     */
    public void setLength(int newLength) {
        if (newLength > bytes.length) {
            throw new IllegalArgumentException("length " + newLength + " past capacity " + bytes.length);
        }
        length = newLength;
    }

    /** Makes room for {@code extra} bytes past the current length. */
    public void reserve(int extra) {
        ensureCapacity(length + extra);
    }

    /** Swaps in a whole new representation (an HLL turning dense). */
    public void replace(byte[] newBytes, int newLength) {
        bytes = newBytes;
        length = newLength;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            // Like sds: double while small, then grow by 1 MB steps.
            int cap = needed < 1 << 20 ? Math.max(needed * 2, 16) : needed + (1 << 20);
            bytes = Arrays.copyOf(bytes, cap);
        }
    }
}
