package io.jredis.application.command.generic;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DEL, UNLINK, EXISTS, TOUCH, TYPE, KEYS, RANDOMKEY, RENAME, RENAMENX, MOVE, COPY; checked against Redis 7.0.15. */
class KeyCommandsTest {

    private final CommandTester t = new CommandTester();
    private final PropagationLog log = new PropagationLog();

    @BeforeEach
    void setUp() {
        t.server.setWriteLog(log);
    }

    @Test
    void delAndUnlinkCountRemovedKeys() {
        t.run("SET", "a", "1");
        t.run("SET", "b", "1");
        t.run("SET", "c", "1");
        log.entries.clear();
        long dirty = t.server.stats().dirty;
        assertEquals("(integer) 2", t.run("DEL", "a", "b", "nokey", "a"));
        assertEquals("(integer) 1", t.run("UNLINK", "c", "nokey"));
        assertEquals("(integer) 0", t.run("DEL", "nokey"));
        assertEquals("(error) ERR wrong number of arguments for 'del' command", t.run("DEL"));
        assertEquals("(error) ERR wrong number of arguments for 'unlink' command", t.run("UNLINK"));
        assertEquals(List.of("0: DEL a b nokey a", "0: UNLINK c nokey"), log.entries);
        assertEquals(dirty + 3, t.server.stats().dirty);
    }

    @Test
    void delOfAnExpiredKeyCountsNothing() {
        t.run("SET", "a", "1", "PX", "10");
        t.clock.advance(10);
        log.entries.clear();
        assertEquals("(integer) 0", t.run("DEL", "a"));
        assertEquals(List.of("0: DEL a"), log.entries, "only the expiry's own DEL");
    }

    @Test
    void existsCountsRepeats() {
        t.run("SET", "a", "1");
        assertEquals("(integer) 2", t.run("EXISTS", "a", "a", "nokey"));
        assertEquals("(integer) 0", t.run("EXISTS", "nokey"));
        assertEquals("(error) ERR wrong number of arguments for 'exists' command", t.run("EXISTS"));
        assertEquals(2, t.server.stats().keyspaceHits);
        assertEquals(2, t.server.stats().keyspaceMisses);
    }

    @Test
    void touchUpdatesIdleTimeAndExistsDoesNot() {
        t.run("SET", "a", "1");
        t.clock.advance(5000);
        t.run("EXISTS", "a");
        t.run("TYPE", "a");
        assertEquals("(integer) 5", t.run("OBJECT", "IDLETIME", "a"));
        assertEquals("(integer) 1", t.run("TOUCH", "a", "nokey"));
        assertEquals("(integer) 0", t.run("OBJECT", "IDLETIME", "a"));
        assertEquals("(integer) 2", t.run("TOUCH", "a", "a"));
    }

    @Test
    void type() {
        t.run("SET", "s", "hello");
        assertEquals("string", t.run("TYPE", "s"));
        assertEquals("none", t.run("TYPE", "nokey"));
        assertEquals("(error) ERR wrong number of arguments for 'type' command", t.run("TYPE"));
    }

    @Test
    void keysMatchesGlobs() {
        for (String k : new String[] {"", "x", "a\\", "ab", "B"}) {
            t.run("SET", k, "1");
        }
        assertEquals(Set.of("", "x", "a\\", "ab", "B"), keys("*"));
        assertEquals(Set.of("x", "a\\", "ab", "B"), keys("**"), "** does not match the empty key, * does");
        assertEquals(Set.of("x", "B"), keys("?"));
        assertEquals(Set.of("x", "B"), keys("[^"));
        assertEquals(Set.of(), keys("["));
        assertEquals(Set.of("ab"), keys("[c-a]b"));
        assertEquals(Set.of("a\\"), keys("a\\"));
        assertEquals(Set.of("B"), keys("[A-Z]"));
        assertEquals("[]", t.run("KEYS", "zzz*"));
    }

    @Test
    void keysSkipsExpiredKeys() {
        t.run("SET", "a", "1", "PX", "10");
        t.run("SET", "b", "1");
        t.clock.advance(10);
        assertEquals("[\"b\"]", t.run("KEYS", "*"));
        assertEquals("(integer) 2", t.run("DBSIZE"), "KEYS does not reclaim, as in Redis");
    }

    private Set<String> keys(String pattern) {
        String r = t.run("KEYS", pattern);
        Set<String> out = new HashSet<>();
        if (r.equals("[]")) {
            return out;
        }
        for (String k : r.substring(1, r.length() - 1).split(", ", -1)) {
            out.add(k.substring(1, k.length() - 1));
        }
        return out;
    }

    @Test
    void randomKey() {
        assertEquals("(nil)", t.run("RANDOMKEY"));
        t.run("SET", "a", "1");
        t.run("SET", "b", "1");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(t.run("RANDOMKEY"));
        }
        assertEquals(Set.of("\"a\"", "\"b\""), seen);
        assertEquals("(error) ERR wrong number of arguments for 'randomkey' command", t.run("RANDOMKEY", "x"));
    }

    @Test
    void renameMovesValueAndTtl() {
        t.run("SET", "a", "1", "EX", "100");
        t.run("SET", "b", "old");
        log.entries.clear();
        assertEquals("OK", t.run("RENAME", "a", "b"));
        assertEquals("\"1\"", t.run("GET", "b"));
        assertEquals("(integer) 100", t.run("TTL", "b"));
        assertEquals("(integer) 0", t.run("EXISTS", "a"));
        assertEquals(List.of("0: RENAME a b"), log.entries);
        assertEquals("(error) ERR no such key", t.run("RENAME", "nokey", "x"));
        assertEquals("(error) ERR no such key", t.run("RENAME", "nokey", "nokey"));
        assertEquals("(error) ERR no such key", t.run("RENAMENX", "nokey", "x"));
    }

    @Test
    void renameToItselfChangesNothing() {
        t.run("SET", "b", "1");
        log.entries.clear();
        long dirty = t.server.stats().dirty;
        assertEquals("OK", t.run("RENAME", "b", "b"));
        assertEquals("(integer) 0", t.run("RENAMENX", "b", "b"));
        assertEquals(dirty, t.server.stats().dirty);
        assertEquals(List.of(), log.entries);
        assertEquals("\"1\"", t.run("GET", "b"));
    }

    @Test
    void renameBreaksWatchesOnBothKeys() {
        t.run("SET", "a", "1");
        var other = t.newClient();
        t.server.watchedKeys().watch(t.session(), 0, "a".getBytes());
        t.server.watchedKeys().watch(other, 0, "b".getBytes());
        t.run("RENAME", "a", "b");
        assertTrue(t.session().watchedKeyTouched());
        assertTrue(other.watchedKeyTouched());
    }

    @Test
    void renamenx() {
        t.run("SET", "a", "1");
        t.run("SET", "b", "2");
        assertEquals("(integer) 0", t.run("RENAMENX", "a", "b"));
        assertEquals("\"2\"", t.run("GET", "b"));
        assertEquals("(integer) 1", t.run("RENAMENX", "a", "c"));
        assertEquals("\"1\"", t.run("GET", "c"));
        t.run("SET", "d", "1", "PX", "5");
        t.clock.advance(5);
        assertEquals("(integer) 1", t.run("RENAMENX", "c", "d"), "an expired target does not exist");
    }

    @Test
    void move() {
        t.run("SET", "a", "1", "EX", "100");
        assertEquals("(error) ERR source and destination objects are the same", t.run("MOVE", "a", "0"));
        assertEquals("(error) ERR DB index is out of range", t.run("MOVE", "a", "16"));
        assertEquals("(error) ERR DB index is out of range", t.run("MOVE", "a", "-1"));
        assertEquals("(error) ERR DB index is out of range", t.run("MOVE", "a", "-2147483648"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("MOVE", "a", "abc"));
        assertEquals("(error) ERR value is out of range, value must between -2147483648 and 2147483647",
                t.run("MOVE", "a", "2147483648"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("MOVE", "a", "99999999999999999999"));
        assertEquals("(integer) 0", t.run("MOVE", "nokey", "1"));
        log.entries.clear();
        assertEquals("(integer) 1", t.run("MOVE", "a", "1"));
        assertEquals(List.of("0: MOVE a 1"), log.entries);
        assertEquals("(integer) 0", t.run("EXISTS", "a"));
        t.run("SELECT", "1");
        assertEquals("(integer) 100", t.run("TTL", "a"));
        t.run("SELECT", "0");
        t.run("SET", "a", "2");
        assertEquals("(integer) 0", t.run("MOVE", "a", "1"), "exists in the target");
        assertEquals("\"2\"", t.run("GET", "a"));
    }

    @Test
    void moveBreaksWatchesInBothDatabases() {
        t.run("SET", "a", "1");
        var other = t.newClient();
        t.server.watchedKeys().watch(t.session(), 0, "a".getBytes());
        t.server.watchedKeys().watch(other, 1, "a".getBytes());
        t.run("MOVE", "a", "1");
        assertTrue(t.session().watchedKeyTouched());
        assertTrue(other.watchedKeyTouched());
    }

    @Test
    void copyErrorsInRedisOrder() {
        assertEquals("(error) ERR source and destination objects are the same", t.run("COPY", "b", "b"));
        assertEquals("(integer) 0", t.run("COPY", "nokey", "x"));
        assertEquals("(error) ERR DB index is out of range", t.run("COPY", "b", "c", "DB", "16"));
        assertEquals("(error) ERR DB index is out of range", t.run("COPY", "b", "c", "db", "-1"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("COPY", "b", "c", "DB", "abc"));
        assertEquals("(error) ERR value is out of range, value must between -2147483648 and 2147483647",
                t.run("COPY", "b", "c", "DB", "2147483648"));
        assertEquals("(error) ERR syntax error", t.run("COPY", "b", "c", "REPLACE", "foo"));
        assertEquals("(error) ERR syntax error", t.run("COPY", "b", "c", "DB"));
        assertEquals("(error) ERR wrong number of arguments for 'copy' command", t.run("COPY", "b"));
        assertEquals("(error) ERR source and destination objects are the same", t.run("COPY", "b", "b", "DB", "0"));
    }

    @Test
    void copyDuplicatesValueAndTtl() {
        t.run("SET", "a", "hello", "EX", "100");
        t.run("SET", "b", "x");
        assertEquals("(integer) 0", t.run("COPY", "a", "b"));
        assertEquals("(integer) 1", t.run("COPY", "a", "b", "REPLACE"));
        assertEquals("\"hello\"", t.run("GET", "b"));
        assertEquals("(integer) 100", t.run("TTL", "b"));
        assertEquals("(integer) 1", t.run("COPY", "a", "a", "DB", "2"));
        t.run("SELECT", "2");
        assertEquals("\"hello\"", t.run("GET", "a"));
        assertEquals("(integer) 100", t.run("TTL", "a"));
        t.run("SELECT", "0");
        assertEquals("\"hello\"", t.run("GET", "a"), "the source stays");
        byte[] src = (byte[]) t.server.keyspace().db(0).get("a".getBytes(), t.clock.millis());
        byte[] dst = (byte[]) t.server.keyspace().db(0).get("b".getBytes(), t.clock.millis());
        assertFalse(src == dst, "the copy shares no array with the source");
        assertTrue(Arrays.equals(src, dst));
    }

    @Test
    void copyBreaksWatchOnTheDestinationOnly() {
        t.run("SET", "a", "1");
        var other = t.newClient();
        t.server.watchedKeys().watch(t.session(), 0, "a".getBytes());
        t.server.watchedKeys().watch(other, 3, "b".getBytes());
        log.entries.clear();
        t.run("COPY", "a", "b", "DB", "3");
        assertFalse(t.session().watchedKeyTouched());
        assertTrue(other.watchedKeyTouched());
        assertEquals(List.of("0: COPY a b DB 3"), log.entries);
    }
}
