package io.jredis.application.command.generic;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SCAN's parsing and errors as Redis 7.0.15 gives them, and its full-iteration guarantee. */
class ScanCommandTest {

    private final CommandTester t = new CommandTester();

    @Test
    void cursorParsingFollowsStrtoull() {
        t.run("SET", "a", "1");
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", "abc"));
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", "18446744073709551616"));
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", " 0"));
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", "0 "));
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", "+"));
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", "1.0"));
        assertEquals("[\"0\", [\"a\"]]", t.run("SCAN", ""));
        assertEquals("[\"0\", [\"a\"]]", t.run("SCAN", "+0"));
        assertEquals("[\"0\", [\"a\"]]", t.run("SCAN", "-0"));
        assertEquals("[\"0\", [\"a\"]]", t.run("SCAN", "0\u0000junk"));
        assertTrue(t.run("SCAN", "18446744073709551615").startsWith("[\"0\", "));
        assertTrue(t.run("SCAN", "-1").startsWith("[\"0\", "));
        assertTrue(t.run("SCAN", "007").startsWith("[\""));
    }

    @Test
    void optionErrors() {
        assertEquals("(error) ERR syntax error", t.run("SCAN", "0", "COUNT", "0"));
        assertEquals("(error) ERR syntax error", t.run("SCAN", "0", "COUNT", "-1"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("SCAN", "0", "COUNT", "abc"));
        assertEquals("(error) ERR syntax error", t.run("SCAN", "0", "MATCH"));
        assertEquals("(error) ERR syntax error", t.run("SCAN", "0", "foo", "bar"));
        assertEquals("(error) ERR invalid cursor", t.run("SCAN", "x", "foo", "bar"), "the cursor is checked first");
        assertEquals("(error) ERR wrong number of arguments for 'scan' command", t.run("SCAN"));
    }

    @Test
    void emptyDatabase() {
        assertEquals("[\"0\", []]", t.run("SCAN", "0"));
    }

    @Test
    void matchAndTypeFilter() {
        t.run("SET", "user:1", "a");
        t.run("SET", "user:2", "b");
        t.run("SET", "other", "c");
        assertEquals(Set.of("user:1", "user:2"), scanAll("MATCH", "user:*"));
        assertEquals(Set.of("user:1", "user:2", "other"), scanAll("MATCH", "*", "TYPE", "STRING"));
        assertEquals(Set.of(), scanAll("TYPE", "foo"), "Redis 7.0 filters everything for an unknown type");
        assertEquals(Set.of(), scanAll("TYPE", "list"));
        assertEquals(Set.of("other"), scanAll("MATCH", "o*", "COUNT", "1", "MATCH", "*r"));
    }

    @Test
    void fullIterationReturnsEveryKeyWithSmallCounts() {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            t.run("SET", "k" + i, "v");
            all.add("k" + i);
        }
        assertEquals(all, scanAll("COUNT", "3"));
    }

    @Test
    void expiredKeysAreNotReturned() {
        t.run("SET", "a", "1", "PX", "10");
        t.run("SET", "b", "1");
        t.clock.advance(10);
        assertEquals(Set.of("b"), scanAll());
    }

    private Set<String> scanAll(String... options) {
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String[] argv = new String[2 + options.length];
            argv[0] = "SCAN";
            argv[1] = cursor;
            System.arraycopy(options, 0, argv, 2, options.length);
            String r = t.run(argv);
            // ["<cursor>", [k, ...]]
            int comma = r.indexOf("\", [");
            cursor = r.substring(2, comma);
            String list = r.substring(comma + 4, r.length() - 2);
            if (!list.isEmpty()) {
                for (String k : list.split(", ")) {
                    seen.add(k.substring(1, k.length() - 1));
                }
            }
            assertTrue(++calls < 10_000);
        } while (!cursor.equals("0"));
        return seen;
    }
}
