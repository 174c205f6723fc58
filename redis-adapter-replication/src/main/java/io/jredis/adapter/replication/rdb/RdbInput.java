package io.jredis.adapter.replication.rdb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The RDB primitives over a stream: bytes, lengths, strings in every encoding, doubles and
 * times. Keeps the byte offset (for error messages) and the running CRC64 of what was read.
 */
final class RdbInput {

    static final int ENC_INT8 = 0;
    static final int ENC_INT16 = 1;
    static final int ENC_INT32 = 2;
    static final int ENC_LZF = 3;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long consumedBefore;
    private long crc;

    RdbInput(InputStream in) {
        this.in = in;
    }

    long offset() {
        return consumedBefore + pos;
    }

    long crc() {
        return crc;
    }

    private boolean fill() throws IOException {
        consumedBefore += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    int readByte() throws IOException {
        if (pos == limit && !fill()) {
            throw new EOFException();
        }
        int b = buf[pos++] & 0xff;
        crc = Crc64.update(crc, b);
        return b;
    }

    void readFully(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos == limit && !fill()) {
                throw new EOFException();
            }
            int n = Math.min(len - done, limit - pos);
            System.arraycopy(buf, pos, dst, off + done, n);
            crc = Crc64.update(crc, buf, pos, n);
            pos += n;
            done += n;
        }
    }

    byte[] readBytes(int len) throws IOException {
        byte[] b = new byte[len];
        readFully(b, 0, len);
        return b;
    }

    /** True at the end of the stream (nothing more to read). */
    boolean atEnd() throws IOException {
        return pos == limit && !fill();
    }

    long readLittleEndian(int bytes) throws IOException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= ((long) readByte()) << (8 * i);
        }
        return v;
    }

    long readBigEndian(int bytes) throws IOException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | readByte();
        }
        return v;
    }

    /** Set by {@link #readLengthOrEncoding}: the value read was a special string encoding's code. */
    private boolean encoded;

    /**
     * A length (an unsigned 64-bit value: stream fields store -1 as all ones), or for a special
     * string encoding its code, which {@link #encoded} then tells apart.
     */
    private long readLengthOrEncoding() throws IOException, RdbFormatException {
        long at = offset();
        int first = readByte();
        encoded = false;
        switch (first >>> 6) {
            case 0:
                return first & 0x3f;
            case 1:
                return ((first & 0x3f) << 8) | readByte();
            case 2:
                if (first == 0x80) {
                    return readBigEndian(4);
                }
                if (first == 0x81) {
                    return readBigEndian(8);
                }
                throw new RdbFormatException(at, "unknown length encoding 0x" + Integer.toHexString(first));
            default:
                encoded = true;
                return first & 0x3f;
        }
    }

    /** A length as Redis's rdbLoadLen: 64 bits, unsigned (may come back negative). */
    long readLength() throws IOException, RdbFormatException {
        long at = offset();
        long v = readLengthOrEncoding();
        if (encoded) {
            throw new RdbFormatException(at, "a string encoding where a length was expected");
        }
        return v;
    }

    /** A length that must fit an int (a count of elements or a string length). */
    int readIntLength() throws IOException, RdbFormatException {
        long at = offset();
        long v = readLength();
        if (v < 0 || v > Integer.MAX_VALUE - 16) {
            throw new RdbFormatException(at, "length " + Long.toUnsignedString(v) + " is too large");
        }
        return (int) v;
    }

    byte[] readString() throws IOException, RdbFormatException {
        long at = offset();
        long v = readLengthOrEncoding();
        if (!encoded) {
            if (v < 0 || v > Integer.MAX_VALUE - 16) {
                throw new RdbFormatException(at, "string length " + Long.toUnsignedString(v) + " is too large");
            }
            return readBytes((int) v);
        }
        int enc = (int) v;
        switch (enc) {
            case ENC_INT8:
                return ascii((byte) readByte());
            case ENC_INT16:
                return ascii((short) readLittleEndian(2));
            case ENC_INT32:
                return ascii((int) readLittleEndian(4));
            case ENC_LZF: {
                int clen = readIntLength();
                int len = readIntLength();
                byte[] compressed = readBytes(clen);
                try {
                    return Lzf.decompress(compressed, clen, len);
                } catch (IllegalArgumentException e) {
                    throw new RdbFormatException(at, e.getMessage());
                }
            }
            default:
                throw new RdbFormatException(at, "unknown string encoding " + enc);
        }
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A double as the old text form: a length byte (253 NaN, 254 +inf, 255 -inf) then ASCII. */
    double readStringDouble() throws IOException, RdbFormatException {
        long at = offset();
        int len = readByte();
        switch (len) {
            case 253:
                return Double.NaN;
            case 254:
                return Double.POSITIVE_INFINITY;
            case 255:
                return Double.NEGATIVE_INFINITY;
            default:
                String s = new String(readBytes(len), java.nio.charset.StandardCharsets.US_ASCII);
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new RdbFormatException(at, "invalid double '" + s + "'");
                }
        }
    }

    double readBinaryDouble() throws IOException {
        return Double.longBitsToDouble(readLittleEndian(8));
    }

    float readBinaryFloat() throws IOException {
        return Float.intBitsToFloat((int) readLittleEndian(4));
    }
}
