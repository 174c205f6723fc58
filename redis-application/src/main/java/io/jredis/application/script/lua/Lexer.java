package io.jredis.application.script.lua;

import java.util.Set;

/**
 * Lua 5.1's lexer over a script's bytes (chars 0-255). Token kinds are strings: the keyword or
 * symbol itself, or {@code <name>}, {@code <string>}, {@code <number>}, {@code <eof>}.
 */
final class Lexer {

    static final String NAME = "<name>";
    static final String STRING = "<string>";
    static final String NUMBER = "<number>";
    static final String EOF = "<eof>";

    private static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false",
            "for", "function", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true",
            "until", "while");

    private final String src;
    private int pos;
    int line = 1;

    /** The current token. */
    String kind;
    /** Its text (name, string contents) or the number's value. */
    String text;
    double number;
    /** Its raw source text, for "near" in error messages. */
    String raw;
    int tokenLine;

    // One token of lookahead.
    private String aKind;
    private String aText;
    private double aNumber;
    private String aRaw;
    private int aLine;
    private boolean hasAhead;

    final String chunk;

    Lexer(String src, String chunk) {
        this.src = src;
        this.chunk = chunk;
    }

    void next() {
        if (hasAhead) {
            hasAhead = false;
            kind = aKind;
            text = aText;
            number = aNumber;
            raw = aRaw;
            tokenLine = aLine;
            return;
        }
        scan();
    }

    String peek() {
        if (!hasAhead) {
            String k = kind;
            String t = text;
            double n = number;
            String r = raw;
            int l = tokenLine;
            scan();
            aKind = kind;
            aText = text;
            aNumber = number;
            aRaw = raw;
            aLine = tokenLine;
            hasAhead = true;
            kind = k;
            text = t;
            number = n;
            raw = r;
            tokenLine = l;
        }
        return aKind;
    }

    LuaError error(String msg, String near) {
        return new LuaError(chunk + ":" + line + ": " + msg + (near == null ? "" : " near '" + near + "'"));
    }

    private char ch(int i) {
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private boolean eos(int i) {
        return i >= src.length();
    }

    private void scan() {
        while (true) {
            if (eos(pos)) {
                set(EOF, null, EOF);
                return;
            }
            char c = src.charAt(pos);
            switch (c) {
                case '\n', '\r' -> {
                    newline();
                    continue;
                }
                case ' ', '\t', '\f', 0x0B -> {
                    pos++;
                    continue;
                }
                case '-' -> {
                    if (ch(pos + 1) != '-') {
                        pos++;
                        set("-", null, "-");
                        return;
                    }
                    pos += 2;
                    if (ch(pos) == '[') {
                        int level = longBracketLevel(pos);
                        if (level >= 0) {
                            longString(level, true);
                            continue;
                        }
                    }
                    while (!eos(pos) && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                        pos++;
                    }
                    continue;
                }
                case '[' -> {
                    int level = longBracketLevel(pos);
                    if (level >= 0) {
                        int start = pos;
                        String s = longString(level, false);
                        set(STRING, s, src.substring(start, pos));
                        return;
                    }
                    if (level == -1) {
                        pos++;
                        set("[", null, "[");
                        return;
                    }
                    throw error("invalid long string delimiter", src.substring(pos, Math.min(src.length(), pos + 2)));
                }
                case '=' -> {
                    op2('=', "==", "=");
                    return;
                }
                case '<' -> {
                    op2('=', "<=", "<");
                    return;
                }
                case '>' -> {
                    op2('=', ">=", ">");
                    return;
                }
                case '~' -> {
                    op2('=', "~=", "~");
                    return;
                }
                case '"', '\'' -> {
                    readString(c);
                    return;
                }
                case '.' -> {
                    if (ch(pos + 1) == '.') {
                        if (ch(pos + 2) == '.') {
                            pos += 3;
                            set("...", null, "...");
                        } else {
                            pos += 2;
                            set("..", null, "..");
                        }
                        return;
                    }
                    if (Character.isDigit(ch(pos + 1))) {
                        readNumber();
                        return;
                    }
                    pos++;
                    set(".", null, ".");
                    return;
                }
                default -> {
                    if (c < 128 && Character.isDigit(c)) {
                        readNumber();
                        return;
                    }
                    if (c < 128 && (Character.isLetter(c) || c == '_')) {
                        int start = pos;
                        while (!eos(pos) && src.charAt(pos) < 128
                                && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                            pos++;
                        }
                        String word = src.substring(start, pos);
                        set(KEYWORDS.contains(word) ? word : NAME, word, word);
                        return;
                    }
                    pos++;
                    String s = String.valueOf(c);
                    set(s, null, s);
                    return;
                }
            }
        }
    }

    private void set(String k, String t, String r) {
        kind = k;
        text = t;
        raw = r;
        tokenLine = line;
    }

    private void op2(char second, String two, String one) {
        if (ch(pos + 1) == second) {
            pos += 2;
            set(two, null, two);
        } else {
            pos++;
            set(one, null, one);
        }
    }

    private void newline() {
        char c = src.charAt(pos++);
        if (!eos(pos) && (src.charAt(pos) == '\n' || src.charAt(pos) == '\r') && src.charAt(pos) != c) {
            pos++;
        }
        line++;
    }

    /** The level of a long bracket at {@code p} ([==[), -1 for a plain '[', -2 for a bad one ([=). */
    private int longBracketLevel(int p) {
        int q = p + 1;
        int level = 0;
        while (ch(q) == '=') {
            q++;
            level++;
        }
        if (ch(q) == '[') {
            return level;
        }
        return level == 0 ? -1 : -2;
    }

    private String longString(int level, boolean comment) {
        int startLine = line;
        pos += level + 2;
        if (ch(pos) == '\r' || ch(pos) == '\n') {
            newline();
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eos(pos)) {
                throw error(comment ? "unfinished long comment" : "unfinished long string", EOF);
            }
            char c = src.charAt(pos);
            if (c == ']') {
                int q = pos + 1;
                int l = 0;
                while (ch(q) == '=') {
                    q++;
                    l++;
                }
                if (l == level && ch(q) == ']') {
                    pos = q + 1;
                    return sb.toString();
                }
                sb.append(c);
                pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
                sb.append('\n');
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private void readString(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eos(pos)) {
                throw error("unfinished string", EOF);
            }
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                throw error("unfinished string", src.substring(start, pos));
            }
            if (c == '\\') {
                pos++;
                if (eos(pos)) {
                    continue; // reported as unfinished at the top of the loop
                }
                char e = src.charAt(pos);
                switch (e) {
                    case 'a' -> { sb.append('\007'); pos++; }
                    case 'b' -> { sb.append('\b'); pos++; }
                    case 'f' -> { sb.append('\f'); pos++; }
                    case 'n' -> { sb.append('\n'); pos++; }
                    case 'r' -> { sb.append('\r'); pos++; }
                    case 't' -> { sb.append('\t'); pos++; }
                    case 'v' -> { sb.append('\013'); pos++; }
                    case '\n', '\r' -> { sb.append('\n'); newline(); }
                    default -> {
                        if (Character.isDigit(e) && e < 128) {
                            int v = 0;
                            int i = 0;
                            while (i < 3 && ch(pos) < 128 && Character.isDigit(ch(pos))) {
                                v = v * 10 + (ch(pos) - '0');
                                pos++;
                                i++;
                            }
                            if (v > 255) {
                                throw error("escape sequence too large", src.substring(start, pos));
                            }
                            sb.append((char) v);
                        } else {
                            sb.append(e); // \\ \" \' and any other char stand for themselves
                            pos++;
                        }
                    }
                }
                continue;
            }
            sb.append(c);
            pos++;
        }
        set(STRING, sb.toString(), src.substring(start, pos));
    }

    private void readNumber() {
        int start = pos;
        while (true) {
            char c = ch(pos);
            if (c == 'e' || c == 'E') {
                pos++;
                if (ch(pos) == '+' || ch(pos) == '-') {
                    pos++;
                }
                continue;
            }
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_')) {
                pos++;
                continue;
            }
            break;
        }
        String t = src.substring(start, pos);
        Double v = Interp.parseNumber(t);
        if (v == null) {
            throw error("malformed number", t);
        }
        number = v;
        set(NUMBER, t, t);
    }
}
