package io.jredis.application.command.server;

/** Redis's glob matching (stringmatchlen): *, ?, [a-z], [^x], and \ escapes. */
final class GlobPattern {

    private GlobPattern() {
    }

    static boolean matches(String pattern, String text, boolean nocase) {
        return match(pattern, 0, text, 0, nocase);
    }

    private static boolean match(String p, int pi, String s, int si, boolean nocase) {
        int plen = p.length();
        int slen = s.length();
        while (pi < plen) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi + 1 < plen && p.charAt(pi + 1) == '*') {
                        pi++;
                    }
                    if (pi + 1 == plen) {
                        return true;
                    }
                    for (int k = si; k <= slen; k++) {
                        if (match(p, pi + 1, s, k, nocase)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si >= slen) {
                        return false;
                    }
                    si++;
                }
                case '[' -> {
                    if (si >= slen) {
                        return false;
                    }
                    pi++;
                    boolean not = pi < plen && p.charAt(pi) == '^';
                    if (not) {
                        pi++;
                    }
                    boolean hit = false;
                    char sc = fold(s.charAt(si), nocase);
                    while (pi < plen && p.charAt(pi) != ']') {
                        if (p.charAt(pi) == '\\' && pi + 1 < plen) {
                            pi++;
                            hit |= fold(p.charAt(pi), nocase) == sc;
                        } else if (pi + 2 < plen && p.charAt(pi + 1) == '-') {
                            char a = fold(p.charAt(pi), nocase);
                            char b = fold(p.charAt(pi + 2), nocase);
                            if (a > b) {
                                char t = a;
                                a = b;
                                b = t;
                            }
                            hit |= sc >= a && sc <= b;
                            pi += 2;
                        } else {
                            hit |= fold(p.charAt(pi), nocase) == sc;
                        }
                        pi++;
                    }
                    if (pi >= plen) {
                        pi--; // unterminated class: Redis treats the end as its close
                    }
                    if (hit == not) {
                        return false;
                    }
                    si++;
                }
                case '\\' -> {
                    if (pi + 1 < plen) {
                        pi++;
                    }
                    if (si >= slen || fold(p.charAt(pi), nocase) != fold(s.charAt(si), nocase)) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (si >= slen || fold(c, nocase) != fold(s.charAt(si), nocase)) {
                        return false;
                    }
                    si++;
                }
            }
            pi++;
        }
        return si == slen;
    }

    private static char fold(char c, boolean nocase) {
        return nocase && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
