package io.jredis.application.command.server;

/**
 * Redis's stringmatchlen, case-insensitive, for CONFIG GET patterns: {@code *}, {@code ?},
 * {@code [abc]}, {@code [^a-z]} and backslash escapes. Kept private to this package until the
 * domain's shared Glob lands; then CONFIG GET should use that one.
 */
final class ConfigGlob {

    private ConfigGlob() {
    }

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length() && si < s.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi + 1 < p.length() && p.charAt(pi + 1) == '*') {
                        pi++;
                    }
                    if (pi + 1 == p.length()) {
                        return true;
                    }
                    for (int k = si; k < s.length(); k++) {
                        if (match(p, pi + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> si++;
                case '[' -> {
                    pi++;
                    boolean not = pi < p.length() && p.charAt(pi) == '^';
                    if (not) {
                        pi++;
                    }
                    boolean found = false;
                    char sc = lower(s.charAt(si));
                    while (pi < p.length() && p.charAt(pi) != ']') {
                        char pc = p.charAt(pi);
                        if (pc == '\\' && pi + 1 < p.length()) {
                            pi++;
                            found |= lower(p.charAt(pi)) == sc;
                        } else if (pi + 2 < p.length() && p.charAt(pi + 1) == '-') {
                            char start = lower(pc);
                            char end = lower(p.charAt(pi + 2));
                            if (start > end) {
                                char t = start;
                                start = end;
                                end = t;
                            }
                            found |= sc >= start && sc <= end;
                            pi += 2;
                        } else {
                            found |= lower(pc) == sc;
                        }
                        pi++;
                    }
                    if (pi == p.length()) {
                        pi--; // an unterminated class ends at the pattern's end, as in Redis
                    }
                    if (found == not) {
                        return false;
                    }
                    si++;
                }
                case '\\' -> {
                    if (pi + 1 < p.length()) {
                        pi++;
                    }
                    if (lower(p.charAt(pi)) != lower(s.charAt(si))) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (lower(c) != lower(s.charAt(si))) {
                        return false;
                    }
                    si++;
                }
            }
            pi++;
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length() && si == s.length();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
