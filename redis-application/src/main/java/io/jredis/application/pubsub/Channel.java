package io.jredis.application.pubsub;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A channel or pattern name as a hash key. Stored names own their bytes; the one probe of
 * {@link PubSub} is repointed at a command's argument so that a lookup copies nothing.
 */
public final class Channel {

    private byte[] bytes;
    private int off;
    private int len;
    private int hash;

    private Channel(byte[] bytes, int off, int len) {
        point(bytes, off, len);
    }

    /** A stored name: a copy of the slice. */
    static Channel copyOf(byte[] buf, int off, int len) {
        return new Channel(Arrays.copyOfRange(buf, off, off + len), 0, len);
    }

    static Channel probe() {
        return new Channel(new byte[0], 0, 0);
    }

    /** Repoints a probe; never called on a stored name. */
    Channel point(byte[] buf, int offset, int length) {
        this.bytes = buf;
        this.off = offset;
        this.len = length;
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + buf[i];
        }
        this.hash = h;
        return this;
    }

    /** The name's bytes (stored names only: the array is exactly the name). */
    public byte[] bytes() {
        return bytes;
    }

    int length() {
        return len;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Channel c && c.hash == hash
                && Arrays.equals(bytes, off, off + len, c.bytes, c.off, c.off + c.len);
    }

    @Override
    public String toString() {
        return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }
}
