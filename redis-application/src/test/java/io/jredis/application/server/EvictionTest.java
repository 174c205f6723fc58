package io.jredis.application.server;

import io.jredis.application.port.MasterLink;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvictionTest {

    private static final String OOM = "(error) OOM command not allowed when used memory > 'maxmemory'.";

    private final CommandTester t = new CommandTester();
    private final RecordingWriteLog log = new RecordingWriteLog();

    @BeforeEach
    void setUp() {
        t.server.eviction().setRandom(new SplittableRandom(42));
        t.server.addWriteLog(log);
    }

    private long used() {
        return t.server.eviction().usedMemory();
    }

    /** A limit that leaves about {@code bytes} for data. */
    private void limit(long bytes) {
        assertEquals("OK", t.run("CONFIG", "SET", "maxmemory", Long.toString(Eviction.STARTUP + bytes)));
    }

    private int present(String prefix, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (t.server.keyspace().db(0).stored((prefix + i).getBytes())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void usedMemoryFollowsTheDatasetBothWays() {
        long empty = used();
        assertEquals(Eviction.STARTUP + 16 * 16 * 8, empty, "startup plus sixteen empty 16-bucket tables");
        t.run("SET", "s100", "x".repeat(100));
        assertEquals(empty + 168, used(), "MEMORY USAGE's 8 (key) + 24 (dictEntry) + 16 + 112 (sds), the dictEntry as allocated (32)");
        assertEquals("(integer) 160", t.run("MEMORY", "USAGE", "s100"));
        for (int i = 0; i < 10; i++) {
            t.run("RPUSH", "l", "v" + i);
        }
        assertEquals("(integer) 176", t.run("MEMORY", "USAGE", "l"), "redis-server 7.0.15 says 176");
        assertEquals(empty + 168 + 184, used(), "in-place pushes are recharged");
        t.run("DEL", "s100", "l");
        assertEquals(empty, used());
        assertTrue(t.run("INFO", "memory").contains("used_memory:" + empty + "\r\n"));
    }

    @Test
    void noevictionRefusesWritesThatMayGrowButServesReadsAndDeletes() {
        t.run("SET", "a", "1");
        limit(0);
        assertEquals(OOM, t.run("SET", "b", "1"));
        assertEquals(OOM, t.run("RPUSH", "l", "x"));
        assertEquals("\"1\"", t.run("GET", "a"));
        assertEquals("(integer) 1", t.run("DEL", "a"), "DEL is not denyoom");
        assertTrue(t.run("INFO", "stats").contains("evicted_keys:0\r\n"));
        assertEquals("OK", t.run("CONFIG", "SET", "maxmemory", "0"));
        assertEquals("OK", t.run("SET", "b", "1"));
    }

    @Test
    void insideMultiEveryCommandButExecAndDiscardIsRefusedAndExecAborts() {
        limit(0);
        t.run("SET", "x", "y"); // refused: leaves memory over the limit
        assertEquals("OK", t.run("MULTI"));
        assertEquals(OOM, t.run("SET", "q", "1"));
        assertEquals(OOM, t.run("GET", "a"), "queuing takes memory");
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.run("EXEC"));
    }

    @Test
    void allkeysLruEvictsTheLeastRecentlyUsedFirst() {
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
        t.run("CONFIG", "SET", "maxmemory-samples", "10");
        limit(24 * 1024);
        for (int i = 0; i < 300; i++) {
            t.run("SET", "old" + i, "v");
        }
        t.clock.advance(100_000);
        for (int i = 0; i < 300; i++) {
            t.run("GET", "old" + i);
            t.clock.advance(10);
        }
        t.clock.advance(100_000);
        for (int i = 0; i < 600; i++) {
            t.run("SET", "new" + i, "v");
            t.clock.advance(1000);
        }
        // as in Redis, eviction runs before each command: the last write may overshoot until the next one
        t.run("PING");
        assertTrue(used() <= t.config.maxmemory, "stays under the limit");
        int oldLeft = present("old", 0, 300);
        int newLeft = present("new", 500, 600);
        assertEquals(100, newLeft, "the most recent keys all stay");
        assertTrue(oldLeft < 100, "the old keys went first: " + oldLeft + " left");
        String stats = t.run("INFO", "stats");
        assertFalse(stats.contains("evicted_keys:0\r\n"), stats);
    }

    @Test
    void evictedKeysAreAnnouncedAsKeyspaceEvents() {
        t.run("CONFIG", "SET", "notify-keyspace-events", "Ee");
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        ClientSession sub = t.newClient();
        t.send(sub, "SUBSCRIBE", "__keyevent@0__:evicted");
        t.replies(sub);
        t.run("SET", "victim", "v");
        limit(0);
        t.run("PING");
        assertFalse(t.server.keyspace().db(0).stored("victim".getBytes()));
        assertEquals(List.of(">\"message\", \"__keyevent@0__:evicted\", \"victim\"<"), t.replies(sub));
    }

    @Test
    void allkeysLfuKeepsTheFrequentlyUsed() {
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        t.run("CONFIG", "SET", "maxmemory-samples", "10");
        for (int i = 0; i < 20; i++) {
            t.run("SET", "hot" + i, "v");
            for (int j = 0; j < 50; j++) {
                t.run("GET", "hot" + i);
            }
        }
        String freq = t.run("OBJECT", "FREQ", "hot0");
        assertTrue(Integer.parseInt(freq.substring("(integer) ".length())) > 5, freq);
        limit(32 * 1024);
        for (int i = 0; i < 1000; i++) {
            t.run("SET", "cold" + i, "v");
        }
        t.run("PING");
        assertTrue(used() <= t.config.maxmemory);
        assertEquals(20, present("hot", 0, 20), "frequent keys outlive keys used once");
    }

    @Test
    void volatileTtlEvictsTheNearestExpiryAndNeverAKeyWithout() {
        t.run("CONFIG", "SET", "maxmemory-policy", "volatile-ttl");
        for (int i = 0; i < 50; i++) {
            t.run("SET", "p" + i, "v");
        }
        for (int i = 0; i < 50; i++) {
            t.run("SET", "t" + i, "v", "EX", Integer.toString(1000 + i));
        }
        // room for about 35 of the 50 volatile keys
        limit(t.server.keyspace().usedBytes() - 15 * Long.parseLong(t.run("MEMORY", "USAGE", "t0").substring(10)) - 32 * 15);
        assertEquals(50, present("p", 0, 50), "persistent keys are never candidates");
        int early = present("t", 0, 25);
        int late = present("t", 25, 50);
        assertTrue(early + late < 50);
        assertTrue(late >= 23 && early < late, "the nearest expiries go first: " + early + " early, " + late + " late");
        // only keys without a time to live left: nothing can go, writes are refused
        limit(0);
        assertEquals(0, present("t", 0, 50));
        assertEquals(50, present("p", 0, 50));
        assertEquals(OOM, t.run("SET", "more", "v"));
    }

    @Test
    void evictedKeysArePropagatedAsDelAndEndWatches() {
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        t.run("SET", "k", "v");
        ClientSession watcher = t.newClient();
        assertEquals("OK", t.runAs(watcher, "WATCH", "k"));
        log.entries.clear();
        limit(0);
        assertFalse(t.server.keyspace().db(0).stored("k".getBytes()));
        assertEquals("[0: DEL k]", log.entries.toString());
        assertEquals("OK", t.runAs(watcher, "MULTI"));
        assertEquals("(error) OOM command not allowed when used memory > 'maxmemory'.", t.runAs(watcher, "SET", "k", "w"));
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.runAs(watcher, "EXEC"));
        assertTrue(t.run("INFO", "stats").contains("evicted_keys:1\r\n"));
    }

    @Test
    void watchedKeyEvictedBeforeExecMakesItFail() {
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        t.run("SET", "k", "v");
        ClientSession watcher = t.newClient();
        t.runAs(watcher, "WATCH", "k");
        t.runAs(watcher, "MULTI");
        t.runAs(watcher, "GET", "k");
        limit(0);
        assertEquals("OK", t.run("CONFIG", "SET", "maxmemory", "0"));
        assertEquals("(nil-array)", t.runAs(watcher, "EXEC"));
    }

    @Test
    void aReplicaNeverEvicts() {
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        t.run("SET", "k", "v");
        t.server.setMasterLink(new MasterLink() {
            @Override public boolean replicating() { return true; }
            @Override public boolean linkUp() { return true; }
            @Override public String masterHost() { return "127.0.0.1"; }
            @Override public int masterPort() { return 1; }
            @Override public void follow(String host, int port) { }
            @Override public void promote() { }
        });
        limit(0);
        assertTrue(t.server.keyspace().db(0).stored("k".getBytes()));
        assertEquals("\"v\"", t.run("GET", "k"));
    }

    @Test
    void tenacityBoundsEachPassAndTheCronFinishesIt() {
        assertEquals(0, Eviction.timeLimitNanos(0));
        assertEquals(500_000, Eviction.timeLimitNanos(10));
        assertEquals(Long.MAX_VALUE, Eviction.timeLimitNanos(100));
    }
}
