package io.jredis.application.command;

import io.jredis.domain.value.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of one command as views (offset, length) into a byte array, usually the
 * connection's read buffer: nothing is copied until a command stores an argument. Valid only
 * while the command runs; {@link #copy()} makes a standalone version (MULTI queues, replies that
 * outlive the buffer).
 */
public final class Arguments {

    private byte[] buf = new byte[0];
    private int[] offsets = new int[8];
    private int[] lengths = new int[8];
    private int count;

    public Arguments() {
    }

    /** Arguments over standalone byte arrays (tests, scripts, queued commands). */
    public static Arguments of(byte[]... args) {
        int total = 0;
        for (byte[] a : args) {
            total += a.length;
        }
        Arguments out = new Arguments();
        byte[] data = new byte[total];
        int pos = 0;
        out.reset(data);
        for (byte[] a : args) {
            System.arraycopy(a, 0, data, pos, a.length);
            out.add(pos, a.length);
            pos += a.length;
        }
        return out;
    }

    public static Arguments of(String... args) {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(bytes);
    }

    /** Starts a new command whose arguments lie in {@code buf}. */
    public void reset(byte[] buf) {
        this.buf = buf;
        this.count = 0;
    }

    /** Re-points the views at a new array holding the same bytes at the same offsets. */
    public void rebase(byte[] buf) {
        this.buf = buf;
    }

    /** Shifts every view by {@code delta} bytes (the read buffer was compacted). */
    public void shift(int delta) {
        for (int i = 0; i < count; i++) {
            offsets[i] -= delta;
        }
    }

    public void add(int off, int len) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = off;
        lengths[count] = len;
        count++;
    }

    public int count() {
        return count;
    }

    public byte[] array() {
        return buf;
    }

    public int offset(int i) {
        return offsets[i];
    }

    public int length(int i) {
        return lengths[i];
    }

    /** A copy of argument i, for storing. */
    public byte[] bytes(int i) {
        return Arrays.copyOfRange(buf, offsets[i], offsets[i] + lengths[i]);
    }

    /** Argument i decoded as UTF-8 (error texts, options). */
    public String string(int i) {
        return new String(buf, offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    /**
     * Argument i as it appears inside an error or status text: one char per byte (Latin-1, so
     * the reply carries the client's exact bytes) and cut at the first NUL, as Redis's C
     * formatting of the argument does.
     */
    public String text(int i) {
        int off = offsets[i];
        int len = lengths[i];
        for (int k = 0; k < len; k++) {
            if (buf[off + k] == 0) {
                len = k;
                break;
            }
        }
        return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }

    /** Case-insensitive comparison with an ASCII word; allocates nothing. */
    public boolean is(int i, String word) {
        int len = lengths[i];
        if (len != word.length()) {
            return false;
        }
        int off = offsets[i];
        for (int k = 0; k < len; k++) {
            if (Ascii.lower(buf[off + k]) != Ascii.lower(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** True when argument i is a canonical 64-bit integer (Redis's string2ll). */
    public boolean isLong(int i) {
        return Numbers.isCanonicalLong(buf, offsets[i], lengths[i]);
    }

    /** Argument i as a long; check {@link #isLong} first. */
    public long longValue(int i) {
        return Numbers.parseLong(buf, offsets[i], lengths[i]);
    }

    /** A standalone copy whose views do not depend on the read buffer. */
    public Arguments copy() {
        Arguments out = new Arguments();
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += lengths[i];
        }
        byte[] data = new byte[total];
        out.reset(data);
        int pos = 0;
        for (int i = 0; i < count; i++) {
            System.arraycopy(buf, offsets[i], data, pos, lengths[i]);
            out.add(pos, lengths[i]);
            pos += lengths[i];
        }
        return out;
    }

    /** Arguments {@code first..last} (inclusive) copied out: the keys a blocked client waits on. */
    public List<byte[]> copies(int first, int last) {
        List<byte[]> out = new ArrayList<>(last - first + 1);
        for (int i = first; i <= last; i++) {
            out.add(bytes(i));
        }
        return out;
    }

    /** Every argument copied out, as the write log wants them. */
    public List<byte[]> toList() {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(bytes(i));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(string(i));
        }
        return sb.append(']').toString();
    }
}
