package io.jredis.application.command.transaction;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WATCH and UNWATCH. Every case was run on Redis 7.0.15 (the expiry cases with
 * {@code DEBUG SET-ACTIVE-EXPIRE 0}, as the manual clock here never runs active expiry unless a
 * test asks): watcher on one connection, the change on another, then MULTI, PING, EXEC.
 */
class WatchTest {

    private static final String RAN = "[PONG]";
    private static final String FAILED = "(nil-array)";

    private final CommandTester t = new CommandTester();
    private final ClientSession other = t.newClient();

    /** MULTI, PING, EXEC as the watcher: "[PONG]" when it ran, "(nil-array)" when a watch broke. */
    private String exec() {
        t.run("MULTI");
        t.run("PING");
        return t.run("EXEC");
    }

    private String by(String... command) {
        return t.runAs(other, command);
    }

    private String afterChange(String key, String[][] setup, String... change) {
        t.run("FLUSHALL");
        for (String[] s : setup) {
            by(s);
        }
        by("SELECT", "0");
        t.run("WATCH", key);
        by(change);
        return exec();
    }

    private static String[][] setup(String... commands) {
        String[][] s = new String[commands.length][];
        for (int i = 0; i < commands.length; i++) {
            s[i] = commands[i].split(" ");
        }
        return s;
    }

    @Test
    void anyWriteToAWatchedKeyBreaksTheWatchEvenToTheSameValue() {
        String[][] kv = setup("SET k v");
        assertEquals(FAILED, afterChange("k", setup(), "SET", "k", "v"));
        assertEquals(FAILED, afterChange("k", kv, "SET", "k", "v"));
        assertEquals(FAILED, afterChange("k", kv, "APPEND", "k", ""));
        assertEquals(FAILED, afterChange("k", setup(), "APPEND", "k", ""));
        assertEquals(FAILED, afterChange("k", kv, "GETSET", "k", "v"));
        assertEquals(FAILED, afterChange("k", kv, "MSET", "k", "v"));
        assertEquals(FAILED, afterChange("k", kv, "SETEX", "k", "10", "v"));
        assertEquals(FAILED, afterChange("k", setup("SET k 1"), "INCRBY", "k", "0"));
        assertEquals(FAILED, afterChange("k", setup("SET k 1"), "INCRBYFLOAT", "k", "0"));
        assertEquals(FAILED, afterChange("k", kv, "SET", "k", "w", "XX"));
        assertEquals(FAILED, afterChange("k", kv, "GETEX", "k", "EX", "100"));
        assertEquals(FAILED, afterChange("k", kv, "EXPIRE", "k", "100"));
        assertEquals(FAILED, afterChange("k", setup("SET k v EX 100"), "PERSIST", "k"));
        assertEquals(FAILED, afterChange("k", setup("SET k v EX 100"), "EXPIRE", "k", "200", "GT"));
        assertEquals(FAILED, afterChange("k", setup("SET k v EX 100"), "PEXPIREAT", "k", "1"));
    }

    @Test
    void writesThatChangeNothingLeaveTheWatch() {
        String[][] kv = setup("SET k v");
        assertEquals(RAN, afterChange("k", kv, "GET", "k"));
        assertEquals(RAN, afterChange("k", kv, "TOUCH", "k"));
        assertEquals(RAN, afterChange("k", kv, "OBJECT", "FREQ", "k"));
        assertEquals(RAN, afterChange("k", kv, "SETRANGE", "k", "0", ""));
        assertEquals(RAN, afterChange("k", kv, "SET", "k", "w", "NX"));
        assertEquals(RAN, afterChange("k", kv, "SETNX", "k", "w"));
        assertEquals(RAN, afterChange("k", kv, "MSETNX", "k", "1", "z", "2"));
        assertEquals(RAN, afterChange("k", kv, "PERSIST", "k"));
        assertEquals(RAN, afterChange("k", kv, "GETEX", "k"));
        assertEquals(RAN, afterChange("k", kv, "GETEX", "k", "PERSIST"));
        assertEquals(RAN, afterChange("k", kv, "DECRBY", "k", "1"));
        assertEquals(RAN, afterChange("k", setup(), "DEL", "k"));
        assertEquals(RAN, afterChange("k", setup(), "EXPIRE", "k", "100"));
        assertEquals(RAN, afterChange("k", setup(), "SET", "k", "w", "XX"));
        assertEquals(RAN, afterChange("k", setup("SET k v EX 100"), "EXPIRE", "k", "100", "NX"));
        assertEquals(RAN, afterChange("k", kv, "SELECT", "1"));
    }

    @Test
    void deletionBreaksTheWatch() {
        String[][] kv = setup("SET k v");
        assertEquals(FAILED, afterChange("k", kv, "DEL", "k"));
        assertEquals(FAILED, afterChange("k", kv, "UNLINK", "k"));
        assertEquals(FAILED, afterChange("k", kv, "GETDEL", "k"));
        assertEquals(FAILED, afterChange("k", kv, "EXPIRE", "k", "0"));
    }

    @Test
    void renameMoveAndCopyBreakWatchesOfWhatTheyChange() {
        String[][] kv = setup("SET k v");
        assertEquals(FAILED, afterChange("k", kv, "RENAME", "k", "k2"));
        assertEquals(FAILED, afterChange("k2", kv, "RENAME", "k", "k2"));
        assertEquals(RAN, afterChange("k", kv, "RENAME", "k", "k"));
        assertEquals(RAN, afterChange("k", setup("SET k v", "SET k2 x"), "RENAMENX", "k", "k2"));
        assertEquals(FAILED, afterChange("k", kv, "MOVE", "k", "1"));
        assertEquals(RAN, afterChange("k", setup("SET k v", "SELECT 1", "SET k x"), "MOVE", "k", "1"));
        assertEquals(FAILED, afterChange("k2", kv, "COPY", "k", "k2"));
        assertEquals(RAN, afterChange("k", kv, "COPY", "k", "k2"));
        assertEquals(RAN, afterChange("k2", setup("SET k v", "SET k2 x"), "COPY", "k", "k2"));
        assertEquals(FAILED, afterChange("k2", setup("SET k v", "SET k2 x"), "COPY", "k", "k2", "REPLACE"));
        assertEquals(RAN, afterChange("k", kv, "COPY", "k", "k", "DB", "1"));
    }

    @Test
    void flushesAndSwapsBreakOnlyWatchesOfKeysThatExist() {
        assertEquals(FAILED, afterChange("k", setup("SET k v"), "FLUSHDB"));
        assertEquals(RAN, afterChange("k", setup(), "FLUSHDB"));
        assertEquals(RAN, afterChange("k", setup("SET other v"), "FLUSHDB"));
        assertEquals(FAILED, afterChange("k", setup("SET k v"), "FLUSHALL"));
        assertEquals(RAN, afterChange("k", setup("SET other v"), "FLUSHALL"));
        assertEquals(FAILED, afterChange("k", setup("SET k v"), "SWAPDB", "0", "1"));
        assertEquals(FAILED, afterChange("k", setup("SELECT 1", "SET k v"), "SWAPDB", "0", "1"));
        assertEquals(RAN, afterChange("k", setup("SELECT 1", "SET other v", "SELECT 0", "SET other2 v"), "SWAPDB", "0", "1"));
        assertEquals(RAN, afterChange("k", setup("SET k v"), "SWAPDB", "0", "0"));
        assertEquals(RAN, afterChange("k", setup("SET k v"), "SWAPDB", "1", "2"));
    }

    @Test
    void aChangeByAnotherTransactionBreaksTheWatch() {
        t.run("WATCH", "counter");
        by("MULTI");
        by("INCR", "counter");
        assertEquals(RAN, exec(), "queued, not run yet: nothing changed");
        t.run("WATCH", "counter");
        assertEquals("[(integer) 1]", by("EXEC"));
        assertEquals(FAILED, exec());
    }

    @Test
    void aTransactionDoesNotBreakItsOwnWatchButBreaksOthers() {
        ClientSession third = t.newClient();
        t.run("WATCH", "k");
        t.runAs(third, "WATCH", "k");
        t.run("MULTI");
        t.run("SET", "k", "1");
        t.run("SET", "k", "2");
        assertEquals("[OK, OK]", t.run("EXEC"));
        t.runAs(third, "MULTI");
        assertEquals(FAILED, t.runAs(third, "EXEC"));
    }

    @Test
    void watchingAMissingKeyWorks() {
        t.run("WATCH", "missing");
        assertEquals(RAN, exec());
        t.run("WATCH", "missing");
        by("SET", "missing", "1");
        assertEquals(FAILED, exec());
    }

    @Test
    void aWatchBelongsToTheDatabaseSelectedWhenWatching() {
        t.run("SELECT", "1");
        t.run("WATCH", "k");
        t.run("SELECT", "0");
        by("SET", "k", "in db 0");
        assertEquals(RAN, exec());

        t.run("SELECT", "1");
        t.run("WATCH", "k");
        t.run("SELECT", "0");
        by("SELECT", "1");
        by("SET", "k", "in db 1");
        assertEquals(FAILED, exec());
    }

    @Test
    void execDiscardUnwatchResetAndDisconnectEndWatches() {
        String[][] endings = {{"EXEC"}, {"DISCARD"}, {"UNWATCH"}, {"RESET"}};
        for (String[] ending : endings) {
            t.run("WATCH", "k");
            if (!ending[0].equals("UNWATCH") && !ending[0].equals("RESET")) {
                t.run("MULTI");
            }
            t.run(ending);
            assertTrue(t.session().watched().isEmpty(), ending[0]);
            by("SET", "k", "x");
            assertEquals(RAN, exec(), ending[0]);
        }
        ClientSession leaving = t.newClient();
        t.runAs(leaving, "WATCH", "a", "b");
        t.executor.disconnect(leaving);
        assertTrue(t.server.watchedKeys().isEmpty());
    }

    @Test
    void unwatchForgetsABrokenWatch() {
        t.run("WATCH", "k");
        by("SET", "k", "1");
        assertTrue(t.session().watchedKeyTouched());
        assertEquals("OK", t.run("UNWATCH"));
        assertFalse(t.session().watchedKeyTouched());
        assertEquals(RAN, exec());
    }

    @Test
    void aBrokenWatchDropsTheClientsWatchesAndWatchesNothingMore() {
        // Redis 7.0: once flagged, the client's watches are released; WATCH then adds none.
        t.run("WATCH", "a", "b");
        by("SET", "a", "1");
        assertTrue(t.session().watched().isEmpty());
        assertTrue(t.server.watchedKeys().isEmpty());
        assertEquals("OK", t.run("WATCH", "c"));
        assertTrue(t.session().watched().isEmpty());
        assertEquals(FAILED, exec());
        t.run("WATCH", "c");
        assertEquals(1, t.session().watched().size());
    }

    @Test
    void watchingTheSameKeyTwiceIsOneWatch() {
        t.run("WATCH", "k", "k");
        t.run("WATCH", "k");
        assertEquals(1, t.session().watched().size());
    }

    // ------------------------------------------------------------------ expiry

    private long dbsize() {
        return t.server.keyspace().db(0).size();
    }

    @Test
    void aKeyThatExpiresAfterWatchBreaksItWithoutBeingReclaimedByExec() {
        t.run("SET", "k", "v", "PX", "10");
        t.run("WATCH", "k");
        t.clock.advance(30);
        assertEquals(FAILED, exec());
        assertEquals(1, dbsize(), "EXEC only looks; the key is still stored");
    }

    @Test
    void aKeyThatExpiresAfterWatchBreaksItWhenReclaimedLazily() {
        t.run("SET", "k", "v", "PX", "10");
        t.run("WATCH", "k");
        t.clock.advance(30);
        assertEquals("(nil)", by("GET", "k"));
        assertEquals(0, dbsize());
        assertEquals(FAILED, exec());
    }

    @Test
    void aKeyThatExpiresAfterWatchBreaksItWhenReclaimedActively() {
        t.run("SET", "k", "v", "PX", "10");
        t.run("WATCH", "k");
        t.clock.advance(30);
        t.server.keyspace().activeExpireCycle(t.clock.millis(), 100);
        assertEquals(0, dbsize());
        assertEquals(FAILED, exec());
    }

    @Test
    void aKeyAlreadyExpiredWhenWatchedIsLeftStoredAndIsNoChange() {
        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        long expiredBefore = t.server.keyspace().totalExpired();
        t.run("WATCH", "k");
        assertEquals(1, dbsize(), "WATCH reclaims nothing");
        assertEquals(expiredBefore, t.server.keyspace().totalExpired());
        assertEquals(RAN, exec());
        assertEquals(1, dbsize());
    }

    @Test
    void aKeyAlreadyExpiredWhenWatchedIsNoChangeWhenReclaimed() {
        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("GET", "k");
        assertEquals(RAN, exec());

        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        t.run("WATCH", "k");
        t.run("GET", "k");
        assertEquals(RAN, exec(), "reclaimed by the watcher itself");

        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        t.run("WATCH", "k");
        t.server.keyspace().activeExpireCycle(t.clock.millis(), 100);
        assertEquals(RAN, exec(), "reclaimed by active expiry");
    }

    @Test
    void aKeyAlreadyExpiredWhenWatchedThenWrittenBreaksTheWatch() {
        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("SET", "k", "2");
        assertEquals(FAILED, exec());

        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("SET", "k", "2");
        by("DEL", "k");
        assertEquals(FAILED, exec());
    }

    @Test
    void anyWriteOverAKeyAlreadyExpiredWhenWatchedBreaksTheWatch() {
        String[][] writes = {
            {"SET", "k", "2"}, {"SETEX", "k", "100", "2"}, {"PSETEX", "k", "100000", "2"}, {"MSET", "k", "2"},
            {"MSETNX", "k", "2"}, {"SETNX", "k", "2"}, {"SET", "k", "2", "NX"}, {"GETSET", "k", "2"},
            {"APPEND", "k", "2"}, {"SETRANGE", "k", "0", "2"}, {"INCR", "k"}, {"DECRBY", "k", "2"},
            {"INCRBYFLOAT", "k", "2"}, {"RENAME", "src", "k"}, {"RENAMENX", "src", "k"}, {"COPY", "src", "k"},
            {"MOVE", "k", "0"},
        };
        for (String[] write : writes) {
            t.run("FLUSHALL");
            t.run("SET", "k", "1", "PX", "10");
            t.run("SELECT", "1");
            t.run("SET", "k", "1", "PX", "10");
            t.run("SELECT", "0");
            t.clock.advance(30);
            t.run("SET", "src", "v");
            if (write[0].equals("MOVE")) {
                t.run("SELECT", "1");
                t.run("WATCH", "k");
                t.run("SELECT", "0");
                t.run("SET", "k", "live");
                by("MOVE", "k", "1");
            } else {
                t.run("WATCH", "k");
                by(write);
            }
            assertEquals(FAILED, exec(), String.join(" ", write));
        }
    }

    @Test
    void flushingAKeyAlreadyExpiredWhenWatchedIsNoChange() {
        t.run("SET", "k", "v", "PX", "10");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("FLUSHDB");
        assertEquals(RAN, exec());
    }

    @Test
    void flushingAKeyThatExpiredAfterWatchBreaksIt() {
        t.run("SET", "k", "v", "PX", "10");
        t.run("WATCH", "k");
        t.clock.advance(30);
        by("FLUSHDB");
        assertEquals(FAILED, exec());
    }

    @Test
    void swapdbWithExpiredKeysAsRedis() {
        // F: watched expired in 0, nothing in 1: it leaves, no change.
        assertEquals(RAN, swapCase(true, false, false, false));
        // G: nothing in 0, expired in 1: it arrives expired, no change...
        assertEquals(RAN, swapCase(false, false, true, false));
        // H: watched expired in 0, live in 1: a live key arrives.
        assertEquals(FAILED, swapCase(true, false, false, true));
        // I: expired on both sides: still expired.
        assertEquals(RAN, swapCase(true, false, true, false));
        // J: live in 0, nothing in 1.
        assertEquals(FAILED, swapCase(false, true, false, false));
        // K: nothing in 0, live in 1.
        assertEquals(FAILED, swapCase(false, false, false, true));
    }

    /** FLUSHALL, k in db 0 and/or db 1 (expired or live), WATCH k in db 0, SWAPDB 0 1, EXEC. */
    private String swapCase(boolean expiredIn0, boolean liveIn0, boolean expiredIn1, boolean liveIn1) {
        t.run("FLUSHALL");
        if (expiredIn0 || liveIn0) {
            by(expiredIn0 ? new String[] {"SET", "k", "v", "PX", "10"} : new String[] {"SET", "k", "v"});
        }
        if (expiredIn1 || liveIn1) {
            by("SELECT", "1");
            by(expiredIn1 ? new String[] {"SET", "k", "v", "PX", "10"} : new String[] {"SET", "k", "live"});
            by("SELECT", "0");
        }
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("SWAPDB", "0", "1");
        return exec();
    }

    @Test
    void anExpiredKeyArrivingBySwapdbIsWatchedAsExpired() {
        // G2, G3, M on Redis 7.0.15.
        by("SELECT", "1");
        by("SET", "k", "v", "PX", "10");
        by("SELECT", "0");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("SWAPDB", "0", "1");
        by("SET", "k", "2");
        assertEquals(FAILED, exec(), "written after arriving");

        t.run("FLUSHALL");
        by("SELECT", "1");
        by("SET", "k", "v", "PX", "10");
        by("SELECT", "0");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("SWAPDB", "0", "1");
        by("GET", "k");
        assertEquals(RAN, exec(), "reclaimed after arriving");

        t.run("FLUSHALL");
        by("SELECT", "1");
        by("SET", "k", "v", "PX", "10");
        by("SELECT", "0");
        t.clock.advance(30);
        t.run("WATCH", "k");
        by("SWAPDB", "0", "1");
        by("SWAPDB", "0", "1");
        assertEquals(RAN, exec(), "swapped back out");
    }

    @Test
    void aLiveWatchedKeyThatExpiresAndIsSwappedOutBreaksTheWatch() {
        // L and R on Redis 7.0.15.
        t.run("SET", "k", "v", "PX", "10");
        t.run("WATCH", "k");
        t.clock.advance(30);
        by("SWAPDB", "0", "1");
        assertEquals(FAILED, exec());

        t.run("FLUSHALL");
        t.run("SET", "k", "v", "PX", "10");
        t.run("WATCH", "k");
        t.clock.advance(30);
        by("SWAPDB", "0", "1");
        by("SWAPDB", "0", "1");
        assertEquals(FAILED, exec());
    }
}
