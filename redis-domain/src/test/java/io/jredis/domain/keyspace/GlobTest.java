package io.jredis.domain.keyspace;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    private static boolean m(String pattern, String s) {
        return Glob.matches(b(pattern), b(s));
    }

    private static boolean mi(String pattern, String s) {
        return Glob.matchesIgnoreCase(b(pattern), b(s));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void literalsAndWildcards() {
        assertTrue(m("hello", "hello"));
        assertFalse(m("hello", "hell"));
        assertFalse(m("hell", "hello"));
        assertTrue(m("h?llo", "hallo"));
        assertFalse(m("h?llo", "hllo"));
        assertTrue(m("h*llo", "hllo"));
        assertTrue(m("h*llo", "heeeello"));
        assertTrue(m("*x*", "x"));
        assertTrue(m("x**", "x"));
        assertTrue(m("a*b*c", "aXXbYYc"));
        assertFalse(m("a*b*c", "aXXbYY"));
        assertTrue(m("", ""));
        assertFalse(m("", "a"));
    }

    @Test
    void aLoneStarDoesNotMatchTheEmptyStringAsInRedis() {
        // Verified with KEYS "**" on Redis 7.0.15: the empty key is not returned (KEYS * is special-cased).
        assertFalse(m("*", ""));
        assertFalse(m("**", ""));
        assertTrue(m("*", "a"));
        assertTrue(Glob.isMatchAll(b("*"), 0, 1));
        assertFalse(Glob.isMatchAll(b("**"), 0, 2));
    }

    @Test
    void characterClasses() {
        assertTrue(m("h[ae]llo", "hello"));
        assertTrue(m("h[ae]llo", "hallo"));
        assertFalse(m("h[ae]llo", "hillo"));
        assertTrue(m("h[^e]llo", "hallo"));
        assertFalse(m("h[^e]llo", "hello"));
        assertTrue(m("h[a-b]llo", "hbllo"));
        assertFalse(m("h[a-b]llo", "hcllo"));
        assertTrue(m("[c-a]b", "ab"), "reversed range");
        assertTrue(m("[A-Z]", "B"));
        assertFalse(m("[A-Z]", "b"));
        assertFalse(m("[b]", ""));
    }

    @Test
    void unclosedClassesBehaveAsRedisDoes() {
        // All verified against Redis 7.0.15 with KEYS.
        assertTrue(m("[^", "x"));
        assertFalse(m("[^", ""));
        assertFalse(m("[", "x"));
        assertTrue(m("[x", "x"));
        assertTrue(m("[^a", "B"));
        assertFalse(m("[^a", "a"));
        assertFalse(m("[\\]", "x"));
        assertTrue(m("[\\]", "]"));
        assertFalse(m("[^]x", "x"));
    }

    @Test
    void escapes() {
        assertTrue(m("\\x", "x"));
        assertTrue(m("a\\*", "a*"));
        assertFalse(m("a\\*", "ab"));
        assertTrue(m("a\\", "a\\"), "a trailing backslash is literal");
        assertTrue(m("a\\\\", "a\\"));
        assertTrue(m("[\\-]", "-"));
        assertTrue(m("[a\\]]", "]"));
    }

    @Test
    void caseInsensitiveFoldsAsciiLettersOnly() {
        assertTrue(mi("HeLLo", "hello"));
        assertTrue(mi("[A-C]x", "bX"));
        assertTrue(mi("[abc]", "B"));
        assertFalse(m("[abc]", "B"));
        assertFalse(mi("\u00c9", "\u00e9"));
        // An escaped class member compares exactly, even without case.
        assertFalse(mi("[\\a]", "A"));
    }

    @Test
    void highBytesCompareAsSignedCharsInRanges() {
        // Redis's chars are signed on x86: 0x80..0xff sort below 'a' (verified with KEYS on 7.0.15).
        assertTrue(m("[\u0080-a]", "\u0090"));
        assertFalse(m("[\u0080-a]", "b"));
        assertFalse(m("[a-\u00ff]", "b"));
        assertFalse(m("[a-\u00ff]", "\u0090"));
    }

    @Test
    void slicesAreMatchedWithoutLookingOutside() {
        byte[] p = b("xx[ab");
        byte[] s = b("--a--");
        // The class is unclosed inside the slice even though later bytes exist.
        assertTrue(Glob.matches(p, 2, 3, s, 2, 1, false));
        assertTrue(Glob.matches(b("a*]"), 0, 2, b("a]"), 0, 1, false));
    }

    @Test
    void pathologicalPatternsFinishQuickly() {
        String s = "a".repeat(60);
        String p = "a*".repeat(30) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(m(p, s)));
        String star = "*a".repeat(2000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(m(star, "a".repeat(3000))));
    }

    @Test
    void nestingDeeperThanRedisLimitFails() {
        // 1001 separate stars: Redis gives up past 1000 levels even though the string would match.
        String p = "*a".repeat(1001);
        assertFalse(m(p, "a".repeat(1001)));
        String ok = "*a".repeat(999);
        assertTrue(m(ok, "a".repeat(999)));
    }
}
