package io.jredis.adapter.replication.aof;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the commands of an append-only file ({@code *<n>\r\n} then {@code $<len>\r\n<bytes>\r\n}
 * per argument), knowing the offset where the last complete command ends, so that a file cut
 * in the middle of a command can be truncated there. Lines starting with '#' are Redis's
 * annotations and are skipped.
 */
final class RespCommandReader {

    /** The file ended inside a command. */
    static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }

    /** Bytes that are not a command; {@code offset} is where the bad command starts. */
    static final class BadFormat extends Exception {
        private static final long serialVersionUID = 1L;
        final long offset;

        BadFormat(long offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    private final InputStream in;
    private long position;
    private long completeUpTo;

    RespCommandReader(InputStream in) {
        this(in, 0);
    }

    /** {@code start}: the file offset {@code in} is at (after an RDB preamble). */
    RespCommandReader(InputStream in, long start) {
        this.in = in;
        this.position = start;
        this.completeUpTo = start;
    }

    /** The offset just past the last complete command (or annotation). */
    long validUpTo() {
        return completeUpTo;
    }

    /** The next command, or null at the clean end of the file. */
    List<byte[]> next() throws IOException, Truncated, BadFormat {
        while (true) {
            long start = position;
            int first = read();
            if (first < 0) {
                return null;
            }
            if (first == '#') {
                readLine(start);
                completeUpTo = position;
                continue;
            }
            if (first != '*') {
                throw new BadFormat(start);
            }
            long count = number(readLine(start), start);
            if (count < 1 || count > Integer.MAX_VALUE) {
                throw new BadFormat(start);
            }
            List<byte[]> argv = new ArrayList<>((int) Math.min(count, 1024));
            for (long i = 0; i < count; i++) {
                int b = read();
                if (b < 0) {
                    throw new Truncated();
                }
                if (b != '$') {
                    throw new BadFormat(start);
                }
                long len = number(readLine(start), start);
                if (len < 0 || len > Integer.MAX_VALUE - 8) {
                    throw new BadFormat(start);
                }
                byte[] arg = in.readNBytes((int) len);
                position += arg.length;
                if (arg.length < len) {
                    throw new Truncated();
                }
                int cr = read();
                int lf = cr < 0 ? -1 : read();
                if (cr < 0 || lf < 0) {
                    throw new Truncated();
                }
                if (cr != '\r' || lf != '\n') {
                    throw new BadFormat(start);
                }
                argv.add(arg);
            }
            completeUpTo = position;
            return argv;
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    /** The rest of a line without its CRLF. */
    private String readLine(long start) throws IOException, Truncated, BadFormat {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = read();
            if (b < 0) {
                throw new Truncated();
            }
            if (b == '\r') {
                int lf = read();
                if (lf < 0) {
                    throw new Truncated();
                }
                if (lf != '\n') {
                    throw new BadFormat(start);
                }
                return sb.toString();
            }
            if (sb.length() > 64 * 1024) {
                throw new BadFormat(start);
            }
            sb.append((char) b);
        }
    }

    private static long number(String s, long start) throws BadFormat {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadFormat(start);
        }
    }
}
