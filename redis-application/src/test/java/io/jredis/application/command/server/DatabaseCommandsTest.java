package io.jredis.application.command.server;

import io.jredis.application.command.generic.PropagationLog;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SELECT, SWAPDB, DBSIZE, FLUSHDB, FLUSHALL; replies checked against Redis 7.0.15. */
class DatabaseCommandsTest {

    private final CommandTester t = new CommandTester();
    private final PropagationLog log = new PropagationLog();

    @BeforeEach
    void setUp() {
        t.server.setWriteLog(log);
    }

    @Test
    void select() {
        assertEquals("(error) ERR DB index is out of range", t.run("SELECT", "16"));
        assertEquals("(error) ERR DB index is out of range", t.run("SELECT", "-1"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("SELECT", "abc"));
        assertEquals("(error) ERR value is out of range, value must between -2147483648 and 2147483647",
                t.run("SELECT", "-2147483649"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("SELECT", "99999999999999999999"));
        assertEquals("OK", t.run("SELECT", "15"));
        assertEquals(15, t.session().db());
        t.run("SET", "k", "v");
        t.run("SELECT", "0");
        assertEquals("(nil)", t.run("GET", "k"));
        assertEquals("(error) ERR wrong number of arguments for 'select' command", t.run("SELECT"));
    }

    @Test
    void swapdbErrors() {
        assertEquals("(error) ERR DB index is out of range", t.run("SWAPDB", "0", "16"));
        assertEquals("(error) ERR DB index is out of range", t.run("SWAPDB", "0", "-1"));
        assertEquals("(error) ERR invalid first DB index", t.run("SWAPDB", "a", "0"));
        assertEquals("(error) ERR invalid second DB index", t.run("SWAPDB", "0", "a"));
        assertEquals("(error) ERR invalid first DB index", t.run("SWAPDB", "a", "b"));
        assertEquals("(error) ERR invalid first DB index", t.run("SWAPDB", "2147483648", "0"));
        assertEquals("(error) ERR invalid second DB index", t.run("SWAPDB", "0", "-2147483649"));
        assertEquals(List.of(), log.entries);
    }

    @Test
    void swapdbExchangesContentsAndIsPropagatedEvenForTheSameIndex() {
        t.run("SET", "a", "0");
        t.run("SELECT", "1");
        t.run("SET", "b", "1");
        log.entries.clear();
        assertEquals("OK", t.run("SWAPDB", "0", "1"));
        assertEquals("\"0\"", t.run("GET", "a"), "the client stays on db 1, which now has db 0's keys");
        assertEquals("OK", t.run("SWAPDB", "1", "1"));
        assertEquals(List.of("1: SWAPDB 0 1", "1: SWAPDB 1 1"), log.entries);
    }

    @Test
    void dbsizeCountsUnreclaimedExpiredKeys() {
        assertEquals("(integer) 0", t.run("DBSIZE"));
        t.run("SET", "a", "1", "PX", "5");
        t.run("SET", "b", "1");
        t.clock.advance(5);
        assertEquals("(integer) 2", t.run("DBSIZE"));
        t.run("GET", "a");
        assertEquals("(integer) 1", t.run("DBSIZE"));
    }

    @Test
    void flushdbAndFlushallOptions() {
        assertEquals("(error) ERR syntax error", t.run("FLUSHDB", "foo"));
        assertEquals("(error) ERR syntax error", t.run("FLUSHALL", "foo"));
        assertEquals("(error) ERR syntax error", t.run("FLUSHALL", "ASYNC", "SYNC"));
        assertEquals("OK", t.run("FLUSHDB", "async"));
        assertEquals("OK", t.run("FLUSHDB", "SYNC"));
        assertEquals("OK", t.run("FLUSHALL", "Async"));
        assertEquals("OK", t.run("FLUSHALL"));
    }

    @Test
    void flushdbEmptiesOnlyTheSelectedDatabaseAndIsAlwaysPropagated() {
        t.run("SET", "a", "1");
        t.run("SELECT", "1");
        t.run("SET", "b", "1");
        log.entries.clear();
        assertEquals("OK", t.run("FLUSHDB"));
        assertEquals("(integer) 0", t.run("DBSIZE"));
        t.run("SELECT", "0");
        assertEquals("(integer) 1", t.run("DBSIZE"));
        t.run("SELECT", "2");
        assertEquals("OK", t.run("FLUSHDB"));
        assertEquals(List.of("1: FLUSHDB", "2: FLUSHDB"), log.entries);
    }

    @Test
    void flushallEmptiesEverything() {
        t.run("SET", "a", "1");
        t.run("SELECT", "5");
        t.run("SET", "b", "1");
        long dirty = t.server.stats().dirty;
        log.entries.clear();
        assertEquals("OK", t.run("FLUSHALL"));
        assertEquals(0, t.server.keyspace().totalKeys());
        assertEquals(dirty + 3, t.server.stats().dirty);
        assertEquals(List.of("5: FLUSHALL"), log.entries);
    }

    // ------------------------------------------------------------------ WATCH

    private void watch(ClientSession c, int db, String key) {
        t.server.watchedKeys().watch(c, db, key.getBytes(), t.clock.millis());
    }

    @Test
    void flushBreaksOnlyWatchesOfExistingKeys() {
        ClientSession other = t.newClient();
        t.run("SET", "a", "1");
        watch(t.session(), 0, "a");
        watch(other, 0, "missing");
        t.run("FLUSHDB");
        assertTrue(t.session().watchedKeyTouched());
        assertFalse(other.watchedKeyTouched(), "Redis 7 ignores watched keys that did not exist");
    }

    @Test
    void flushallBreaksWatchesInEveryDatabase() {
        ClientSession other = t.newClient();
        t.run("SELECT", "3");
        t.run("SET", "a", "1");
        watch(other, 3, "a");
        watch(t.session(), 4, "a");
        t.run("FLUSHALL");
        assertTrue(other.watchedKeyTouched());
        assertFalse(t.session().watchedKeyTouched());
    }

    @Test
    void flushOfAKeyThatExpiredAfterWatchBreaksTheWatch() {
        // Redis 7.0.15: watched while alive, expired since, then flushed: EXEC fails.
        t.run("SET", "a", "1", "PX", "5");
        watch(t.session(), 0, "a");
        t.clock.advance(5);
        t.run("FLUSHDB");
        assertTrue(t.session().watchedKeyTouched());
    }

    @Test
    void flushOfAKeyReclaimedBeforeWatchIsNoChange() {
        t.run("SET", "a", "1", "PX", "5");
        t.clock.advance(5);
        t.server.keyspace().db(0).contains("a".getBytes(), t.clock.millis());
        watch(t.session(), 0, "a");
        t.run("FLUSHDB");
        assertFalse(t.session().watchedKeyTouched());
    }

    @Test
    void flushOfAKeyAlreadyExpiredWhenWatchedIsNoChange() {
        // Redis 7.0.15 (active expiry off): WATCH leaves the expired key stored; FLUSHDB then
        // removes it, which is no change for a watch that began after its time.
        t.run("SET", "a", "1", "PX", "5");
        t.clock.advance(5);
        t.run("WATCH", "a");
        assertEquals(1, t.server.keyspace().db(0).size());
        t.run("FLUSHDB");
        assertFalse(t.session().watchedKeyTouched());
    }

    @Test
    void swapdbBreaksWatchesOfKeysOnEitherSide() {
        ClientSession w0 = t.newClient();
        ClientSession w1 = t.newClient();
        ClientSession none = t.newClient();
        t.run("SET", "x", "1");
        t.run("SELECT", "1");
        t.run("SET", "y", "1");
        watch(w0, 0, "y");     // missing in 0, arrives from 1
        watch(w1, 1, "x");     // missing in 1, arrives from 0
        watch(none, 0, "zzz"); // missing on both sides
        t.run("SWAPDB", "0", "1");
        assertTrue(w0.watchedKeyTouched());
        assertTrue(w1.watchedKeyTouched());
        assertFalse(none.watchedKeyTouched());
    }

    @Test
    void swapdbBringingOnlyAnExpiredKeyIsNoChange() {
        // Redis 7.0.15 (active expiry off): EXEC still succeeds; the expired key travels to db 0
        // unreclaimed (only SWAPDB is propagated), and is then watched as expired.
        ClientSession w = t.newClient();
        t.run("SELECT", "1");
        t.run("SET", "k", "1", "PX", "5");
        t.clock.advance(5);
        watch(w, 0, "k");
        log.entries.clear();
        t.run("SWAPDB", "0", "1");
        assertFalse(w.watchedKeyTouched());
        assertEquals(List.of("1: SWAPDB 0 1"), log.entries);
        assertEquals(1, t.server.keyspace().db(0).size());
        // Reclaiming it later is no change either.
        assertEquals("(integer) 0", t.runAs(w, "EXISTS", "k"));
        assertFalse(w.watchedKeyTouched());
        assertEquals(0, t.server.keyspace().db(0).size());
    }

    @Test
    void swapdbBringingAnExpiredKeyThenAWriteBreaksTheWatch() {
        ClientSession w = t.newClient();
        t.run("SELECT", "1");
        t.run("SET", "k", "1", "PX", "5");
        t.clock.advance(5);
        watch(w, 0, "k");
        t.run("SWAPDB", "0", "1");
        t.run("SELECT", "0");
        t.run("SET", "k", "2");
        assertTrue(w.watchedKeyTouched());
    }
}
