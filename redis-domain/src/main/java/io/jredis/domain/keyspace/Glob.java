package io.jredis.domain.keyspace;

/**
 * Redis's glob-style matching (its stringmatchlen), byte for byte: {@code *}, {@code ?},
 * {@code [abc]}, {@code [^abc]}, ranges {@code [a-z]} (reversed ranges too), {@code \} escapes,
 * and a case-insensitive variant that folds only A-Z.
 *
 * <p>The quirks are Redis's, on purpose: an unclosed {@code [} still matches one character, a
 * lone {@code *} does not match the empty string (KEYS and SCAN treat the pattern "*" as "all"
 * before matching), bytes compare as signed chars in ranges. Work is bounded as in Redis 7: once
 * the rest of a pattern failed after a {@code *} at every position, earlier stars give up
 * instead of retrying longer matches, and nesting deeper than 1000 stars fails the match.
 */
public final class Glob {

    private static final int MAX_NESTING = 1000;
    private static final int NO_MATCH = 0;
    private static final int MATCH = 1;
    /** No match, and longer matches for earlier stars cannot help either. */
    private static final int GIVE_UP = -1;

    private Glob() {
    }

    public static boolean matches(byte[] pattern, byte[] string) {
        return matches(pattern, 0, pattern.length, string, 0, string.length, false);
    }

    public static boolean matchesIgnoreCase(byte[] pattern, byte[] string) {
        return matches(pattern, 0, pattern.length, string, 0, string.length, true);
    }

    /** Matches slices of larger arrays; allocates nothing. */
    public static boolean matches(byte[] pattern, int poff, int plen,
                                  byte[] string, int soff, int slen, boolean nocase) {
        return match(pattern, poff, poff + plen, string, soff, soff + slen, nocase, 0) == MATCH;
    }

    /** True when the pattern is exactly "*", which KEYS and SCAN take as "every key". */
    public static boolean isMatchAll(byte[] pattern, int off, int len) {
        return len == 1 && pattern[off] == '*';
    }

    private static int match(byte[] p, int pi, int pend, byte[] s, int si, int send,
                             boolean nocase, int nesting) {
        if (nesting > MAX_NESTING) {
            return NO_MATCH;
        }
        while (pi < pend && si < send) {
            switch (p[pi]) {
                case '*' -> {
                    while (pi + 1 < pend && p[pi + 1] == '*') {
                        pi++;
                    }
                    if (pend - pi == 1) {
                        return MATCH;
                    }
                    for (; si < send; si++) {
                        int r = match(p, pi + 1, pend, s, si, send, nocase, nesting + 1);
                        if (r != NO_MATCH) {
                            return r;
                        }
                    }
                    // The rest failed from every position: earlier stars cannot do better.
                    return GIVE_UP;
                }
                case '?' -> si++;
                case '[' -> {
                    pi++;
                    boolean not = at(p, pi, pend) == '^';
                    if (not) {
                        pi++;
                    }
                    boolean found = false;
                    byte c = s[si];
                    while (true) {
                        int pc = at(p, pi, pend);
                        if (pc == '\\' && pend - pi >= 2) {
                            pi++;
                            if (p[pi] == c) {
                                found = true;
                            }
                        } else if (pc == ']') {
                            break;
                        } else if (pi >= pend) {
                            // Unclosed: step back so the common advance below ends the pattern.
                            pi--;
                            break;
                        } else if (pend - pi >= 3 && p[pi + 1] == '-') {
                            int start = p[pi];
                            int end = p[pi + 2];
                            int ch = c;
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            if (nocase) {
                                start = lower(start);
                                end = lower(end);
                                ch = lower(ch);
                            }
                            pi += 2;
                            if (ch >= start && ch <= end) {
                                found = true;
                            }
                        } else if (nocase ? lower(p[pi]) == lower(c) : p[pi] == c) {
                            found = true;
                        }
                        pi++;
                    }
                    if (not) {
                        found = !found;
                    }
                    if (!found) {
                        return NO_MATCH;
                    }
                    si++;
                }
                default -> {
                    if (p[pi] == '\\' && pend - pi >= 2) {
                        pi++;
                    }
                    if (nocase ? lower(p[pi]) != lower(s[si]) : p[pi] != s[si]) {
                        return NO_MATCH;
                    }
                    si++;
                }
            }
            pi++;
            if (si == send) {
                while (at(p, pi, pend) == '*') {
                    pi++;
                }
                break;
            }
        }
        return pi == pend && si == send ? MATCH : NO_MATCH;
    }

    /** The pattern byte at i, or 0 past its end (Redis reads the string's terminator there). */
    private static int at(byte[] p, int i, int end) {
        return i < end ? p[i] : 0;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
