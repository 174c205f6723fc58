package io.jredis.adapter.net;

import io.jredis.application.command.Arguments;

/**
 * Splits an inline command line into arguments with the quoting rules of Redis's sdssplitargs:
 * double quotes with C-like escapes (\n, \r, \t, \b, \a, \xHH), single quotes with only \',
 * and a closing quote that must be followed by a space or the end of the line.
 *
 * <p>Unescaping only ever shortens, so the arguments are rewritten in place in the line itself
 * and handed out as views: nothing is allocated.
 */
final class InlineSplitter {

    private InlineSplitter() {
    }

    /** Returns false on unbalanced quotes. */
    static boolean split(byte[] b, int from, int to, Arguments args) {
        int p = from;
        while (true) {
            while (p < to && isSpace(b[p])) {
                p++;
            }
            if (p >= to) {
                return true;
            }
            int start = p;
            int w = p;
            boolean inDouble = false;
            boolean inSingle = false;
            while (true) {
                if (inDouble) {
                    if (p >= to) {
                        return false;
                    }
                    byte c = b[p];
                    if (c == '\\' && p + 3 < to && b[p + 1] == 'x' && isHex(b[p + 2]) && isHex(b[p + 3])) {
                        b[w++] = (byte) (hex(b[p + 2]) * 16 + hex(b[p + 3]));
                        p += 4;
                    } else if (c == '\\' && p + 1 < to) {
                        byte e = b[p + 1];
                        b[w++] = switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> e;
                        };
                        p += 2;
                    } else if (c == '"') {
                        if (p + 1 < to && !isSpace(b[p + 1])) {
                            return false;
                        }
                        p++;
                        break;
                    } else {
                        b[w++] = c;
                        p++;
                    }
                } else if (inSingle) {
                    if (p >= to) {
                        return false;
                    }
                    byte c = b[p];
                    if (c == '\\' && p + 1 < to && b[p + 1] == '\'') {
                        b[w++] = '\'';
                        p += 2;
                    } else if (c == '\'') {
                        if (p + 1 < to && !isSpace(b[p + 1])) {
                            return false;
                        }
                        p++;
                        break;
                    } else {
                        b[w++] = c;
                        p++;
                    }
                } else {
                    // Inside a word only these end it; \v and \f are skipped between words but
                    // belong to a word (sdssplitargs).
                    if (p >= to || isWordEnd(b[p])) {
                        break;
                    }
                    byte c = b[p];
                    if (c == '"') {
                        inDouble = true;
                    } else if (c == '\'') {
                        inSingle = true;
                    } else {
                        b[w++] = c;
                    }
                    p++;
                }
            }
            args.add(start, w - start);
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static boolean isWordEnd(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(byte c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
