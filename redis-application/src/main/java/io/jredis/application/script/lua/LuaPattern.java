package io.jredis.application.script.lua;

/** Lua 5.1's pattern matcher (lstrlib's match), over strings of chars 0-255. */
final class LuaPattern {

    private static final int MAXCAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final char ESC = '%';

    final String src;
    final String p;
    int level;
    final int[] capStart = new int[MAXCAPTURES];
    final int[] capLen = new int[MAXCAPTURES];
    private int matchdepth;

    LuaPattern(String src, String p) {
        this.src = src;
        this.p = p;
    }

    void reset() {
        level = 0;
        matchdepth = 0;
    }

    private int classEnd(int pi) {
        if (pi >= p.length()) {
            throw LuaError.where("malformed pattern (ends with '%')");
        }
        char c = p.charAt(pi++);
        if (c == ESC) {
            if (pi >= p.length()) {
                throw LuaError.where("malformed pattern (ends with '%')");
            }
            return pi + 1;
        }
        if (c == '[') {
            if (pi < p.length() && p.charAt(pi) == '^') {
                pi++;
            }
            do {
                if (pi >= p.length()) {
                    throw LuaError.where("malformed pattern (missing ']')");
                }
                char cc = p.charAt(pi++);
                if (cc == ESC && pi < p.length()) {
                    pi++;
                }
            } while (pi >= p.length() || p.charAt(pi) != ']');
            return pi + 1;
        }
        return pi;
    }

    static boolean singleClass(int c, char cl) {
        boolean res;
        switch (Character.toLowerCase(cl)) {
            case 'a' -> res = isalpha(c);
            case 'c' -> res = c < 32 || c == 127;
            case 'd' -> res = c >= '0' && c <= '9';
            case 'l' -> res = c >= 'a' && c <= 'z';
            case 'p' -> res = ispunct(c);
            case 's' -> res = c == ' ' || (c >= 9 && c <= 13);
            case 'u' -> res = c >= 'A' && c <= 'Z';
            case 'w' -> res = isalpha(c) || (c >= '0' && c <= '9');
            case 'x' -> res = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> res = c == 0;
            default -> {
                return cl == c;
            }
        }
        return Character.isUpperCase(cl) ? !res : res;
    }

    private static boolean isalpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean ispunct(int c) {
        return c > 32 && c < 127 && !isalpha(c) && !(c >= '0' && c <= '9');
    }

    private boolean matchBracketClass(int c, int pi, int ec) {
        boolean sig = true;
        if (p.charAt(pi + 1) == '^') {
            sig = false;
            pi++;
        }
        while (++pi < ec) {
            char pc = p.charAt(pi);
            if (pc == ESC) {
                pi++;
                if (singleClass(c, p.charAt(pi))) {
                    return sig;
                }
            } else if (pi + 2 < ec && p.charAt(pi + 1) == '-') {
                if (pc <= c && c <= p.charAt(pi + 2)) {
                    return sig;
                }
                pi += 2;
            } else if (pc == c) {
                return sig;
            }
        }
        return !sig;
    }

    private boolean singleMatch(int si, int pi, int ep) {
        if (si >= src.length()) {
            return false;
        }
        int c = src.charAt(si);
        char pc = p.charAt(pi);
        return switch (pc) {
            case '.' -> true;
            case ESC -> singleClass(c, p.charAt(pi + 1));
            case '[' -> matchBracketClass(c, pi, ep - 1);
            default -> pc == c;
        };
    }

    /** Returns the end of the match starting at {@code si}, or -1. */
    int match(int si, int pi) {
        if (++matchdepth > 200) {
            throw LuaError.where("pattern too complex");
        }
        try {
            while (true) {
                if (pi >= p.length()) {
                    return si;
                }
                char pc = p.charAt(pi);
                switch (pc) {
                    case '(' -> {
                        if (pi + 1 < p.length() && p.charAt(pi + 1) == ')') {
                            return startCapture(si, pi + 2, CAP_POSITION);
                        }
                        return startCapture(si, pi + 1, CAP_UNFINISHED);
                    }
                    case ')' -> {
                        return endCapture(si, pi + 1);
                    }
                    case ESC -> {
                        if (pi + 1 < p.length()) {
                            char n = p.charAt(pi + 1);
                            if (n == 'b') {
                                si = matchBalance(si, pi + 2);
                                if (si == -1) {
                                    return -1;
                                }
                                pi += 4;
                                continue;
                            }
                            if (n == 'f') {
                                pi += 2;
                                if (pi >= p.length() || p.charAt(pi) != '[') {
                                    throw LuaError.where("missing '[' after '%f' in pattern");
                                }
                                int ep = classEnd(pi);
                                int prev = si == 0 ? 0 : src.charAt(si - 1);
                                int cur = si < src.length() ? src.charAt(si) : 0;
                                if (matchBracketClass(prev, pi, ep - 1) || !matchBracketClass(cur, pi, ep - 1)) {
                                    return -1;
                                }
                                pi = ep;
                                continue;
                            }
                            if (Character.isDigit(n)) {
                                si = matchCapture(si, n);
                                if (si == -1) {
                                    return -1;
                                }
                                pi += 2;
                                continue;
                            }
                        }
                    }
                    case '$' -> {
                        if (pi + 1 == p.length()) {
                            return si == src.length() ? si : -1;
                        }
                    }
                    default -> {
                    }
                }
                int ep = classEnd(pi);
                boolean m = singleMatch(si, pi, ep);
                char epc = ep < p.length() ? p.charAt(ep) : '\0';
                switch (epc) {
                    case '?' -> {
                        if (m) {
                            int r = match(si + 1, ep + 1);
                            if (r != -1) {
                                return r;
                            }
                        }
                        pi = ep + 1;
                        continue;
                    }
                    case '*' -> {
                        return maxExpand(si, pi, ep);
                    }
                    case '+' -> {
                        return m ? maxExpand(si + 1, pi, ep) : -1;
                    }
                    case '-' -> {
                        return minExpand(si, pi, ep);
                    }
                    default -> {
                        if (!m) {
                            return -1;
                        }
                        si++;
                        pi = ep;
                    }
                }
            }
        } finally {
            matchdepth--;
        }
    }

    private int maxExpand(int si, int pi, int ep) {
        int i = 0;
        while (singleMatch(si + i, pi, ep)) {
            i++;
        }
        while (i >= 0) {
            int r = match(si + i, ep + 1);
            if (r != -1) {
                return r;
            }
            i--;
        }
        return -1;
    }

    private int minExpand(int si, int pi, int ep) {
        while (true) {
            int r = match(si, ep + 1);
            if (r != -1) {
                return r;
            }
            if (singleMatch(si, pi, ep)) {
                si++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int si, int pi, int what) {
        if (level >= MAXCAPTURES) {
            throw LuaError.where("too many captures");
        }
        capStart[level] = si;
        capLen[level] = what;
        level++;
        int r = match(si, pi);
        if (r == -1) {
            level--;
        }
        return r;
    }

    private int endCapture(int si, int pi) {
        int l = captureToClose();
        capLen[l] = si - capStart[l];
        int r = match(si, pi);
        if (r == -1) {
            capLen[l] = CAP_UNFINISHED;
        }
        return r;
    }

    private int captureToClose() {
        int l = level;
        for (l--; l >= 0; l--) {
            if (capLen[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw LuaError.where("invalid pattern capture");
    }

    private int matchBalance(int si, int pi) {
        if (pi + 1 >= p.length()) {
            throw LuaError.where("unbalanced pattern");
        }
        if (si >= src.length() || src.charAt(si) != p.charAt(pi)) {
            return -1;
        }
        char b = p.charAt(pi);
        char e = p.charAt(pi + 1);
        int cont = 1;
        int s = si;
        while (++s < src.length()) {
            char c = src.charAt(s);
            if (c == e) {
                if (--cont == 0) {
                    return s + 1;
                }
            } else if (c == b) {
                cont++;
            }
        }
        return -1;
    }

    private int matchCapture(int si, char n) {
        int l = n - '1';
        if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) {
            throw LuaError.where("invalid capture index");
        }
        int len = capLen[l];
        if (src.length() - si >= len && src.regionMatches(capStart[l], src, si, len)) {
            return si + len;
        }
        return -1;
    }

    /** Capture {@code i} (or the whole match when there are none) as a Lua value. */
    Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i == 0) {
                return src.substring(s, e);
            }
            throw LuaError.where("invalid capture index");
        }
        int l = capLen[i];
        if (l == CAP_UNFINISHED) {
            throw LuaError.where("unfinished capture");
        }
        if (l == CAP_POSITION) {
            return (double) (capStart[i] + 1);
        }
        return src.substring(capStart[i], capStart[i] + l);
    }

    /** All captures (or the whole match), for find/match/gmatch. */
    Object[] captures(int s, int e, boolean wholeIfNone) {
        int n = level == 0 && wholeIfNone ? 1 : level;
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = capture(i, s, e);
        }
        return out;
    }
}
