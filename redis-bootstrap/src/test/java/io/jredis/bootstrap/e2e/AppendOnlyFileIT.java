package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Append-only directories cross between jredis and a real redis-server 7.0 both ways with
 * identical contents (every type, expiries, several databases, MULTI/EXEC, a base written by a
 * rewrite plus commands after it), a cut-off last command is truncated at load, a corrupt one is
 * refused, and with appendfsync always a kill -9 loses no acknowledged write.
 */
class AppendOnlyFileIT {

    @TempDir
    Path dir;

    /** Data of every type; some goes into a rewrite's base, the rest into the incremental file. */
    private static void fillBase(RespConnection c) throws IOException {
        ok(c.call("SET", "str", "hello"));
        ok(c.call("SET", "int", "12345"));
        ok(c.call("SET", "bin\r\n\0key", "v\0\r\n\u00ff"));
        ok(c.call("SET", "ttl", "v", "PXAT", "4102444800123"));
        c.call("RPUSH", "list", "a", "b", "c", "1", "2");
        c.call("SADD", "intset", "1", "2", "3", "-7");
        c.call("SADD", "set", "x", "y", "z");
        c.call("ZADD", "zset", "1.5", "a", "-2", "b", "inf", "c", "0.1", "d");
        c.call("HSET", "hash", "f1", "v1", "f2", "v2");
        List<String> big = new ArrayList<>(List.of("HSET", "bighash"));
        for (int i = 0; i < 200; i++) {
            big.add("field" + i);
            big.add("value" + i);
        }
        c.call(big.toArray(String[]::new));
        List<String> bigList = new ArrayList<>(List.of("RPUSH", "biglist"));
        for (int i = 0; i < 300; i++) {
            bigList.add("element-" + i);
        }
        c.call(bigList.toArray(String[]::new));
        ok(c.call("SELECT", "3"));
        ok(c.call("SET", "db3", "three"));
        c.call("EXPIRE", "db3", "100000");
        ok(c.call("SELECT", "0"));
    }

    private static void fillIncr(RespConnection c) throws IOException {
        ok(c.call("SET", "after", "rewrite"));
        c.call("INCRBYFLOAT", "float", "1.25");
        c.call("APPEND", "str", " world");
        c.call("LPUSH", "list", "head");
        c.call("SREM", "set", "y");
        c.call("ZINCRBY", "zset", "10", "a");
        c.call("HDEL", "hash", "f1");
        c.call("DEL", "intset");
        c.call("EXPIRE", "list", "200000");
        c.call("SET", "gone", "soon", "PX", "1");
        ok(c.call("MULTI"));
        c.call("INCR", "counter");
        c.call("SELECT", "5");
        c.call("SADD", "db5set", "m1", "m2");
        c.call("SELECT", "0");
        c.call("HSET", "hash", "f3", "v3");
        c.call("EXEC");
        ok(c.call("SELECT", "7"));
        ok(c.call("SET", "db7", "seven"));
        c.call("PERSIST", "db7");
        ok(c.call("SELECT", "0"));
        c.call("SET", "volatile", "x", "EX", "50000");
    }

    @ParameterizedTest(name = "aof-use-rdb-preamble {0}")
    @ValueSource(strings = {"yes", "no"})
    void aDirectoryWrittenByRedisLoadsIntoJRedis(String preamble) throws Exception {
        Map<String, String> expected;
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes",
                "--aof-use-rdb-preamble", preamble);
             RespConnection c = RespConnection.to(redis)) {
            fillBase(c);
            assertEquals("+Background append only file rewriting started\r\n", c.call("BGREWRITEAOF"));
            awaitRewrite(c);
            fillIncr(c);
            awaitGone(c);
            expected = contents(c);
        }
        assertTrue(Files.exists(dir.resolve("appendonlydir/appendonly.aof.2.incr.aof")));
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            assertEquals(expected, contents(c));
        }
    }

    @ParameterizedTest(name = "aof-use-rdb-preamble {0}")
    @ValueSource(strings = {"yes", "no"})
    void aDirectoryWrittenByJRedisLoadsIntoRedis(String preamble) throws Exception {
        Map<String, String> expected;
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes",
                "--aof-use-rdb-preamble", preamble);
             RespConnection c = RespConnection.to(jredis)) {
            fillBase(c);
            assertEquals("+Background append only file rewriting started\r\n", c.call("BGREWRITEAOF"));
            fillIncr(c);
            awaitRewrite(c);
            awaitGone(c);
            expected = contents(c);
        }
        String manifest = Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"));
        String suffix = preamble.equals("yes") ? "rdb" : "aof";
        assertEquals("file appendonly.aof.2.base." + suffix + " seq 2 type b\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", manifest);
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(redis)) {
            assertEquals(expected, contents(c));
        }
        // and back: what redis-server appended to jredis's files still loads into jredis
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            assertEquals(expected, contents(c));
        }
    }

    @Test
    void aCutOffLastCommandIsTruncatedAndTheRestLoads() throws Exception {
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            ok(c.call("SET", "a", "1"));
            ok(c.call("SET", "b", "2"));
        }
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long valid = Files.size(incr);
        Files.writeString(incr, "*3\r\n$3\r\nSET\r\n$1\r\nc\r\n$1", StandardOpenOption.APPEND);
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            assertEquals(":2\r\n", c.call("DBSIZE"));
            assertEquals(valid, Files.size(incr));
            assertTrue(jredis.output().contains("AOF appendonly.aof.1.incr.aof loaded anyway because "
                    + "aof-load-truncated is enabled"), jredis.output());
            ok(c.call("SET", "c", "3"));
        }
        // a MULTI without its EXEC at the end is cut off as a whole
        Files.writeString(incr, "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nd\r\n$1\r\n4\r\n",
                StandardOpenOption.APPEND);
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            assertEquals(":3\r\n", c.call("DBSIZE"));
            assertEquals("$-1\r\n", c.call("GET", "d"));
        }
    }

    @Test
    void aCorruptCommandStopsTheStartNamingTheFileAndOffset() throws Exception {
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            ok(c.call("SET", "a", "1"));
        }
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long offset = Files.size(incr);
        Files.writeString(incr, "garbage\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n", StandardOpenOption.APPEND);
        ServerProcess.ExitedEarly failure = org.junit.jupiter.api.Assertions.assertThrows(
                ServerProcess.ExitedEarly.class,
                () -> JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes").close());
        assertTrue(failure.getMessage().contains("Bad file format reading the append only file "
                + "appendonly.aof.1.incr.aof at offset " + offset), failure.getMessage());
    }

    @Test
    void switchingAppendonlyOnAtRuntimeWritesTheDataFirst() throws Exception {
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString());
             RespConnection c = RespConnection.to(jredis)) {
            ok(c.call("SET", "before", "1"));
            ok(c.call("CONFIG", "SET", "appendonly", "yes"));
            ok(c.call("SET", "after", "2"));
            awaitRewrite(c);
            String info = c.call("INFO", "persistence");
            assertTrue(info.contains("aof_enabled:1\r\n"), info);
            assertTrue(info.contains("aof_last_bgrewrite_status:ok\r\n"), info);
        }
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest")));
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(redis)) {
            assertEquals("$1\r\n1\r\n", c.call("GET", "before"));
            assertEquals("$1\r\n2\r\n", c.call("GET", "after"));
        }
    }

    /**
     * With the AOF on, replies wait for the file once per loop turn: a blocked client served by
     * another's push, and a pipeline whose replies overflow the output buffer (the rest of its
     * commands run once the socket took them), still get every reply, in order.
     */
    @Test
    void heldRepliesReachBlockedClientsAndLongPipelines() throws Exception {
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes",
                "--appendfsync", "always");
             RespConnection blocked = RespConnection.to(jredis);
             RespConnection pusher = RespConnection.to(jredis)) {
            blocked.write(RespConnection.encode("BLPOP", "q", "0"));
            while (!pusher.call("CLIENT", "LIST").contains("cmd=blpop")) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            assertEquals(":1\r\n", pusher.call("LPUSH", "q", "job"));
            assertEquals("*2\r\n$1\r\nq\r\n$3\r\njob\r\n", blocked.readReplyText());

            ok(pusher.call("SET", "big", "x".repeat(1 << 20)));
            int n = 12;
            int rounds = 5;
            for (int round = 0; round < rounds; round++) {
                java.io.ByteArrayOutputStream pipeline = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < n; i++) {
                    pipeline.writeBytes(RespConnection.encode("GET", "big"));
                    pipeline.writeBytes(RespConnection.encode("INCR", "n"));
                }
                pusher.write(pipeline.toByteArray());
                for (int i = 0; i < n; i++) {
                    byte[] reply = pusher.readReply();
                    assertEquals((1 << 20) + 12, reply.length); // "$1048576\r\n" + value + "\r\n"
                    assertEquals(":" + (round * n + i + 1) + "\r\n", pusher.readReplyText());
                    if (i % 3 == 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // a slow reader
                    }
                }
            }
        }
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            assertEquals("$2\r\n60\r\n", c.call("GET", "n"));
            assertEquals("*0\r\n", c.call("LRANGE", "q", "0", "-1"));
        }
    }

    /**
     * appendfsync always: a writer sends SETs one at a time and notes each acknowledged one; the
     * server is killed with SIGKILL at a random moment; after a restart every acknowledged key is
     * there. everysec: keys acknowledged more than a second before the kill are there.
     */
    @ParameterizedTest(name = "appendfsync {0}")
    @ValueSource(strings = {"always", "everysec"})
    void killMinusNineLosesNoAcknowledgedWrite(String fsync) throws Exception {
        SplittableRandom random = new SplittableRandom();
        int rounds = fsync.equals("always") ? 4 : 2;
        long total = 0;
        for (int round = 0; round < rounds; round++) {
            AtomicLong acknowledged = new AtomicLong(-1);
            AtomicLong ackedBeforeLastSecond = new AtomicLong(-1);
            long killAt;
            try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes",
                    "--appendfsync", fsync)) {
                long start = acknowledgedSoFar(jredis);
                Thread writer = Thread.ofPlatform().start(() -> {
                    try (RespConnection c = RespConnection.to(jredis)) {
                        for (long i = start + 1; ; i++) {
                            if (!c.call("SET", "k" + i, "v" + i).equals("+OK\r\n")) {
                                return;
                            }
                            acknowledged.set(i);
                        }
                    } catch (IOException e) {
                        // the server died under us: expected
                    }
                });
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(700)));
                ackedBeforeLastSecond.set(acknowledged.get());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(fsync.equals("always") ? 0 : 1000));
                killAt = acknowledged.get();
                Runtime.getRuntime().exec(new String[] {"kill", "-9", Long.toString(jredis.pid())}).waitFor();
                writer.join(10_000);
                assertFalse(writer.isAlive());
            }
            long mustHave = fsync.equals("always") ? acknowledged.get() : ackedBeforeLastSecond.get();
            try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
                 RespConnection c = RespConnection.to(jredis)) {
                for (long i = Math.max(1, mustHave - 50); i <= mustHave; i++) {
                    assertEquals("$" + ("v" + i).length() + "\r\nv" + i + "\r\n", c.call("GET", "k" + i),
                            "round " + round + ": acknowledged write k" + i + " lost (last acknowledged "
                                    + acknowledged.get() + ", at kill " + killAt + ")");
                }
                long dbsize = Long.parseLong(c.call("DBSIZE").trim().substring(1));
                assertTrue(dbsize >= mustHave, "dbsize " + dbsize + " < acknowledged " + mustHave);
                total = dbsize;
            }
        }
        assertTrue(total > 0);
    }

    /**
     * BGREWRITEAOF of 200k keys while a client keeps writing (overwrites, deletes, a counter, a
     * list): the rewrite runs in the background (the writer is served meanwhile), the directory
     * then holds only the new base and incremental file, and both jredis and redis-server
     * restarted from it hold exactly the dataset as it was at shutdown.
     */
    @Test
    void aBackgroundRewriteUnderWritesRestartsToTheSameDataset() throws Exception {
        int keys = 200_000;
        List<String> expected;
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            for (int from = 0; from < keys; from += 10_000) {
                java.io.ByteArrayOutputStream pipeline = new java.io.ByteArrayOutputStream();
                for (int i = from; i < from + 10_000; i++) {
                    pipeline.writeBytes(RespConnection.encode("SET", "k" + i, "value-" + i));
                }
                c.write(pipeline.toByteArray());
                for (int i = from; i < from + 10_000; i++) {
                    assertEquals("+OK\r\n", c.readReplyText());
                }
            }
            AtomicLong writes = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                SplittableRandom rnd = new SplittableRandom(7);
                try (RespConnection w = RespConnection.to(jredis)) {
                    while (!stop.get()) {
                        int k = rnd.nextInt(keys + 1000);
                        String reply = switch (rnd.nextInt(4)) {
                            case 0 -> w.call("SET", "k" + k, "changed-" + writes.get());
                            case 1 -> w.call("DEL", "k" + k);
                            case 2 -> w.call("INCR", "counter");
                            default -> w.call("RPUSH", "log", "k" + k);
                        };
                        assertFalse(reply.startsWith("-"), reply);
                        writes.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            while (writes.get() < 100 && failure.get() == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            assertEquals(null, failure.get());
            assertEquals("+Background append only file rewriting started\r\n", c.call("BGREWRITEAOF"));
            long atStart = writes.get();
            assertEquals("-ERR Background append only file rewriting already in progress\r\n", c.call("BGREWRITEAOF"));
            assertEquals("-ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE "
                    + "in order to schedule a BGSAVE whenever possible.\r\n", c.call("BGSAVE"));
            awaitRewrite(c);
            long during = writes.get() - atStart;
            String info = c.call("INFO", "persistence");
            assertTrue(info.contains("aof_last_bgrewrite_status:ok\r\n"), info);
            assertTrue(info.contains("aof_rewrites:1\r\n"), info);
            long afterSwitch = writes.get();
            while (writes.get() < afterSwitch + 50 && failure.get() == null) { // some writes after the switch
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            stop.set(true);
            writer.join(10_000);
            assertEquals(null, failure.get());
            assertTrue(during > 0, "no write was served while the rewrite ran");
            expected = dataset(c, keys);
        }
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest")));
        try (var files = Files.list(dir.resolve("appendonlydir"))) {
            assertEquals(3, files.count());
        }
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(jredis)) {
            assertEquals(expected, dataset(c, keys));
        }
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--appendonly", "yes");
             RespConnection c = RespConnection.to(redis)) {
            assertEquals(expected, dataset(c, keys));
        }
    }

    /** DBSIZE, every k<i> (MGET in batches), the counter and the list. */
    private static List<String> dataset(RespConnection c, int keys) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(c.call("DBSIZE"));
        for (int from = 0; from < keys + 1000; from += 1000) {
            List<String> mget = new ArrayList<>(List.of("MGET"));
            for (int i = from; i < from + 1000; i++) {
                mget.add("k" + i);
            }
            all.add(c.call(mget.toArray(String[]::new)));
        }
        all.add(c.call("GET", "counter"));
        all.add(c.call("LRANGE", "log", "0", "-1"));
        return all;
    }

    /** The highest k<i> already stored (the key count: keys are written in order from k1). */
    private static long acknowledgedSoFar(JRedisProcess jredis) throws IOException {
        try (RespConnection c = RespConnection.to(jredis)) {
            return Long.parseLong(c.call("DBSIZE").trim().substring(1));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void ok(String reply) {
        assertEquals("+OK\r\n", reply);
    }

    private static void awaitRewrite(RespConnection c) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String info = c.call("INFO", "persistence");
            if (info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0")
                    && !info.contains("aof_rewrites:0")) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("the rewrite did not finish");
    }

    /** Waits until the 1 ms key has expired, so both sides agree on it. */
    private static void awaitGone(RespConnection c) throws IOException {
        while (!c.call("GET", "gone").equals("$-1\r\n")) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /** db:key → type, absolute expiry and value (collections in a canonical order). */
    static Map<String, String> contents(RespConnection c) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (int db = 0; db < 16; db++) {
            ok(c.call("SELECT", Integer.toString(db)));
            for (String key : RespConnection.bulkStrings(c.call("KEYS", "*"))) {
                String type = c.call("TYPE", key).trim();
                String value = switch (type) {
                    case "+string" -> c.call("GET", key);
                    case "+list" -> String.join(",", RespConnection.bulkStrings(c.call("LRANGE", key, "0", "-1")));
                    case "+set" -> String.join(",", new java.util.TreeSet<>(RespConnection.bulkStrings(c.call("SMEMBERS", key))));
                    case "+zset" -> String.join(",", RespConnection.bulkStrings(c.call("ZRANGE", key, "0", "-1", "WITHSCORES")));
                    case "+hash" -> {
                        List<String> flat = RespConnection.bulkStrings(c.call("HGETALL", key));
                        Map<String, String> m = new TreeMap<>();
                        for (int i = 0; i < flat.size(); i += 2) {
                            m.put(flat.get(i), flat.get(i + 1));
                        }
                        yield m.toString();
                    }
                    default -> "?" + type;
                };
                all.put(db + ":" + key, type + "|" + c.call("PEXPIRETIME", key).trim() + "|" + value);
            }
        }
        ok(c.call("SELECT", "0"));
        return all;
    }
}
