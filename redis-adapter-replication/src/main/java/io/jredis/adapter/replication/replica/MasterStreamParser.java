package io.jredis.adapter.replication.replica;

import io.jredis.application.command.Arguments;

/**
 * Finds whole commands in the bytes a master sent: RESP multibulk, plus the bare newlines a
 * master may send as keepalives (they count toward the offset but run nothing). Stateless
 * between calls: an incomplete command is parsed again once more bytes arrived, so any split
 * of the stream gives the same commands.
 */
final class MasterStreamParser {

    /** The master sent something that is not a command: the link must be dropped. */
    static final class ProtocolError extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolError(String message) {
            super(message, null, false, false);
        }
    }

    private MasterStreamParser() {
    }

    /**
     * Parses one command starting at {@code pos}: its arguments go to {@code args} as views
     * into {@code buf} (none for a bare newline). Returns the index just past the command, or
     * -1 when the bytes up to {@code end} do not hold all of it yet.
     */
    static int parse(byte[] buf, int pos, int end, Arguments args) throws ProtocolError {
        args.reset(buf);
        if (pos >= end) {
            return -1;
        }
        byte first = buf[pos];
        if (first == '\n') {
            return pos + 1;
        }
        if (first == '\r') {
            if (pos + 1 >= end) {
                return -1;
            }
            if (buf[pos + 1] == '\n') {
                return pos + 2;
            }
            throw new ProtocolError("unexpected byte after CR in the master's stream");
        }
        if (first != '*') {
            throw new ProtocolError("inline command in the master's stream (expected '*', got '"
                    + (char) (first & 0xff) + "')");
        }
        long[] n = new long[1];
        int p = readNumber(buf, pos + 1, end, n);
        if (p < 0) {
            return -1;
        }
        long count = n[0];
        if (count < 0 || count > 1024 * 1024) {
            throw new ProtocolError("invalid multibulk length " + count);
        }
        for (long i = 0; i < count; i++) {
            if (p >= end) {
                return -1;
            }
            if (buf[p] != '$') {
                throw new ProtocolError("expected '$', got '" + (char) (buf[p] & 0xff) + "'");
            }
            p = readNumber(buf, p + 1, end, n);
            if (p < 0) {
                return -1;
            }
            long len = n[0];
            if (len < 0 || len > Integer.MAX_VALUE - 2) {
                throw new ProtocolError("invalid bulk length " + len);
            }
            if (end - p < len + 2) {
                return -1;
            }
            args.add(p, (int) len);
            p += (int) len;
            if (buf[p] != '\r' || buf[p + 1] != '\n') {
                throw new ProtocolError("bulk not followed by CRLF");
            }
            p += 2;
        }
        return p;
    }

    /** Reads digits up to CRLF; returns the index after the CRLF, or -1 when incomplete. */
    private static int readNumber(byte[] buf, int p, int end, long[] out) throws ProtocolError {
        long v = 0;
        boolean negative = false;
        int start = p;
        while (p < end) {
            byte b = buf[p];
            if (b == '\r') {
                if (p + 1 >= end) {
                    return -1;
                }
                if (buf[p + 1] != '\n' || p == start) {
                    throw new ProtocolError("malformed length line");
                }
                out[0] = negative ? -v : v;
                return p + 2;
            }
            if (b == '-' && p == start) {
                negative = true;
            } else if (b >= '0' && b <= '9' && p - start < 19) {
                v = v * 10 + (b - '0');
            } else {
                throw new ProtocolError("malformed length line");
            }
            p++;
        }
        return -1;
    }
}
