package io.jredis.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConfigSyntaxTest {

    @Test
    void splitsOnBlanks() {
        assertEquals(List.of("save", "900", "1"), ConfigSyntax.split("  save \t900   1 "));
        assertEquals(List.of(), ConfigSyntax.split("   "));
    }

    @Test
    void doubleQuotesTakeEscapes() {
        assertEquals(List.of("requirepass", "a b\n\"\\"), ConfigSyntax.split("requirepass \"a b\\n\\\"\\\\\""));
        assertEquals(List.of("x", "\u00ff", ""), ConfigSyntax.split("x \"\\xff\" \"\""));
        assertEquals(List.of("foobar"), ConfigSyntax.split("foo\"bar\""));
    }

    @Test
    void singleQuotesTakeOnlyEscapedQuotes() {
        assertEquals(List.of("a", "it's \\n"), ConfigSyntax.split("a 'it\\'s \\n'"));
    }

    @Test
    void unbalancedOrGluedQuotesAreRefused() {
        assertNull(ConfigSyntax.split("foo \"bar"));
        assertNull(ConfigSyntax.split("foo 'bar"));
        assertNull(ConfigSyntax.split("foo \"bar\"baz"));
    }

    @Test
    void quotesAsRedisReprDoes() {
        assertEquals("\"abc\"", ConfigSyntax.quote("abc"));
        assertEquals("\"a\\\"b\\\\c\\n\\x01\"", ConfigSyntax.quote("a\"b\\c\n\u0001"));
    }
}
