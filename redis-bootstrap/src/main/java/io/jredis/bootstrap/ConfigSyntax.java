package io.jredis.bootstrap;

import java.util.ArrayList;
import java.util.List;

/**
 * redis.conf's lexical rules, as Redis's sdssplitargs and sdscatrepr define them. Text is handled
 * as ISO-8859-1 so that every byte stays one char (\xNN escapes produce bytes); callers decode
 * the words as UTF-8 afterwards.
 */
final class ConfigSyntax {

    private ConfigSyntax() {
    }

    /**
     * Splits a line into words: blanks separate words; "double quotes" allow \n \r \t \b \a \xNN
     * and backslash escapes; 'single quotes' allow only \'. A closing quote must be followed by
     * a blank or the end of the line.
     *
     * @return the words, or null when quotes are unbalanced
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int p = 0;
        int n = line.length();
        while (true) {
            while (p < n && isSpace(line.charAt(p))) {
                p++;
            }
            if (p == n) {
                return words;
            }
            boolean inDouble = false;
            boolean inSingle = false;
            StringBuilder word = new StringBuilder();
            while (true) {
                char c = p < n ? line.charAt(p) : 0;
                boolean end = p >= n;
                if (inDouble) {
                    if (end) {
                        return null;
                    }
                    if (c == '\\' && p + 3 < n && line.charAt(p + 1) == 'x'
                            && isHex(line.charAt(p + 2)) && isHex(line.charAt(p + 3))) {
                        word.append((char) Integer.parseInt(line.substring(p + 2, p + 4), 16));
                        p += 3;
                    } else if (c == '\\' && p + 1 < n) {
                        p++;
                        char e = line.charAt(p);
                        word.append(switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> (char) 7;
                            default -> e;
                        });
                    } else if (c == '"') {
                        if (p + 1 < n && !isSpace(line.charAt(p + 1))) {
                            return null;
                        }
                        p++;
                        break;
                    } else {
                        word.append(c);
                    }
                } else if (inSingle) {
                    if (end) {
                        return null;
                    }
                    if (c == '\\' && p + 1 < n && line.charAt(p + 1) == '\'') {
                        p++;
                        word.append('\'');
                    } else if (c == '\'') {
                        if (p + 1 < n && !isSpace(line.charAt(p + 1))) {
                            return null;
                        }
                        p++;
                        break;
                    } else {
                        word.append(c);
                    }
                } else {
                    if (end || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                        break;
                    } else if (c == '"') {
                        inDouble = true;
                    } else if (c == '\'') {
                        inSingle = true;
                    } else {
                        word.append(c);
                    }
                }
                p++;
            }
            words.add(word.toString());
        }
    }

    /** A word quoted as redis-server quotes command-line values: "..." with C-style escapes. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                default -> {
                    if (c >= 32 && c < 127) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\x%02x", (int) c & 0xff));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** C's isspace. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
