package io.jredis.adapter.net;

import io.jredis.application.command.Arguments;
import io.jredis.domain.value.Numbers;
import org.agrona.ExpandableArrayBuffer;

/**
 * A resumable parser of client requests: RESP multibulk and inline commands. It keeps its place
 * between reads, so any split of the input across reads yields the same commands, and a large
 * bulk argument is waited for by its length, never rescanned. Arguments are views into the read
 * buffer. Errors carry Redis's exact protocol-error texts.
 */
public final class RespParser {

    /** Longest header or inline line Redis accepts before a newline (PROTO_INLINE_MAX_SIZE). */
    static final int INLINE_MAX = 64 * 1024;
    /** Limits for clients that have not authenticated yet, as Redis 7 applies them. */
    static final int UNAUTHENTICATED_MAX_ARGS = 10;
    static final int UNAUTHENTICATED_MAX_BULK = 16 * 1024;

    /** What a call to {@link #parse} found. */
    public enum Result { COMMAND, INCOMPLETE, ERROR }

    private int pos;
    private int commandStart;
    private int remainingArgs;
    private long bulkLength = -1;
    private String error;

    /**
     * Parses the next command from {@code buf[pos, limit)} into {@code args}.
     *
     * @param maxBulk proto-max-bulk-len
     * @param authenticated whether the client may send large requests yet
     */
    public Result parse(ExpandableArrayBuffer buf, int limit, Arguments args, long maxBulk,
                        boolean authenticated) {
        byte[] b = buf.byteArray();
        while (true) {
            if (remainingArgs == 0) {
                commandStart = pos;
                if (pos >= limit) {
                    return Result.INCOMPLETE;
                }
                args.reset(b);
                if (b[pos] != '*') {
                    Result r = parseInline(b, limit, args);
                    if (r == null) {
                        continue; // an empty line: nothing to run
                    }
                    return r;
                }
                int cr = findCr(b, pos + 1, limit);
                if (cr < 0) {
                    if (limit - pos > INLINE_MAX) {
                        return fail("Protocol error: too big mbulk count string");
                    }
                    return Result.INCOMPLETE;
                }
                if (cr + 2 > limit) {
                    return Result.INCOMPLETE;
                }
                int numLen = cr - pos - 1;
                if (!Numbers.isCanonicalLong(b, pos + 1, numLen)) {
                    return fail("Protocol error: invalid multibulk length");
                }
                long count = Numbers.parseLong(b, pos + 1, numLen);
                if (count > Integer.MAX_VALUE) {
                    return fail("Protocol error: invalid multibulk length");
                }
                if (!authenticated && count > UNAUTHENTICATED_MAX_ARGS) {
                    return fail("Protocol error: unauthenticated multibulk length");
                }
                pos = cr + 2;
                if (count <= 0) {
                    continue; // "*0" and "*-1" are empty commands
                }
                remainingArgs = (int) count;
                bulkLength = -1;
            }
            while (remainingArgs > 0) {
                if (bulkLength < 0) {
                    if (pos >= limit) {
                        return Result.INCOMPLETE;
                    }
                    int cr = findCr(b, pos, limit);
                    if (cr < 0) {
                        if (limit - pos > INLINE_MAX) {
                            return fail("Protocol error: too big bulk count string");
                        }
                        return Result.INCOMPLETE;
                    }
                    if (cr + 2 > limit) {
                        return Result.INCOMPLETE;
                    }
                    if (b[pos] != '$') {
                        return fail("Protocol error: expected '$', got '" + (char) (b[pos] & 0xFF) + "'");
                    }
                    int numLen = cr - pos - 1;
                    if (!Numbers.isCanonicalLong(b, pos + 1, numLen)) {
                        return fail("Protocol error: invalid bulk length");
                    }
                    long len = Numbers.parseLong(b, pos + 1, numLen);
                    if (len < 0 || len > maxBulk) {
                        return fail("Protocol error: invalid bulk length");
                    }
                    if (!authenticated && len > UNAUTHENTICATED_MAX_BULK) {
                        return fail("Protocol error: unauthenticated bulk length");
                    }
                    pos = cr + 2;
                    bulkLength = len;
                }
                if (limit - pos < bulkLength + 2) {
                    // The read buffer grows as bytes arrive, never ahead of them: a client that
                    // announces a huge bulk and sends nothing costs nothing.
                    return Result.INCOMPLETE;
                }
                args.add(pos, (int) bulkLength);
                // Like Redis, the two bytes after the data are skipped, not checked.
                pos += (int) bulkLength + 2;
                bulkLength = -1;
                remainingArgs--;
            }
            return Result.COMMAND;
        }
    }

    /** Returns null for an empty line, which is skipped. */
    private Result parseInline(byte[] b, int limit, Arguments args) {
        int nl = -1;
        for (int i = pos; i < limit; i++) {
            if (b[i] == '\n') {
                nl = i;
                break;
            }
            if (b[i] == 0) {
                break; // Redis looks for the newline with strchr, which stops at a NUL byte
            }
        }
        if (nl < 0) {
            if (limit - pos > INLINE_MAX) {
                return fail("Protocol error: too big inline request");
            }
            return Result.INCOMPLETE;
        }
        int end = nl;
        if (end > pos && b[end - 1] == '\r') {
            end--;
        }
        if (!InlineSplitter.split(b, pos, end, args)) {
            return fail("Protocol error: unbalanced quotes in request");
        }
        pos = nl + 1;
        if (args.count() == 0) {
            return null;
        }
        return Result.COMMAND;
    }

    /**
     * The first CR of a header line, or -1. Like Redis's strchr on the query buffer, the search
     * stops at a NUL byte: such a line never completes (until it is too big).
     */
    private static int findCr(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte c = b[i];
            if (c == '\r') {
                return i;
            }
            if (c == 0) {
                return -1;
            }
        }
        return -1;
    }

    private Result fail(String message) {
        error = message;
        return Result.ERROR;
    }

    /** The protocol error text after {@link Result#ERROR}. */
    public String error() {
        return error;
    }

    /** Start of the first byte not yet part of a complete command: what must be kept. */
    public int retainedFrom() {
        return remainingArgs == 0 ? pos : commandStart;
    }

    /** The buffer was compacted: everything moved {@code delta} bytes towards its start. */
    public void shift(int delta, Arguments pending) {
        pos -= delta;
        commandStart -= delta;
        if (remainingArgs > 0) {
            pending.shift(delta);
        }
    }

    /** The buffer array was replaced by a larger copy. */
    public void rebase(byte[] array, Arguments pending) {
        if (remainingArgs > 0) {
            pending.rebase(array);
        }
    }
}
