package io.jredis.adapter.replication.aof;

import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Commands;
import io.jredis.application.port.AppendOnlyFile;
import io.jredis.application.port.Clock;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import io.jredis.application.snapshot.BackgroundSnapshot;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppendOnlyLogTest {

    @TempDir
    Path dir;

    private ServerState state;
    private AppendOnlyLog aof;
    private CommandExecutor executor;
    private ClientSession client;
    private final ReplayClient replies = new ReplayClient();
    /** What other threads hand to the command thread (the snapshot's writer finishing): run by {@link #drive}. */
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    /** Unix ms of the manual clock; its nanos tick 100 us per read, so a slice stops after a few steps. */
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong nanos = new AtomicLong();

    private void start(boolean appendonly) throws Exception {
        ServerConfig config = new ServerConfig();
        config.dir = dir.toString();
        config.appendonly = appendonly;
        state = new ServerState(config, new Clock() {
            @Override
            public long millis() {
                return millis.get();
            }

            @Override
            public long nanos() {
                return nanos.addAndGet(100_000);
            }
        });
        state.setCommandThread(tasks::add);
        RdbSnapshotStore rdb = new RdbSnapshotStore(config, "7.0.15");
        state.setSnapshots(rdb);
        aof = new AppendOnlyLog(state, rdb);
        state.addWriteLog(aof);
        state.setAppendOnlyFile(aof);
        executor = new CommandExecutor(state, Commands.registry());
        if (appendonly) {
            aof.load(executor);
        }
        client = executor.connect(replies);
    }

    @AfterEach
    void stop() {
        if (aof != null) {
            aof.close();
        }
    }

    private Object stored(String key) {
        byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
        return state.keyspace().db(0).get(k, 0, k.length, state.clock().millis());
    }

    private void run(String... args) {
        executor.execute(client, Arguments.of(args), replies);
        aof.beforeReplies();
    }

    /** One turn of the event loop: tasks from other threads, then a slice of the snapshot. */
    private void turn() throws InterruptedException {
        Runnable task = state.backgroundSnapshot().runnable() ? tasks.poll() : tasks.poll(10, TimeUnit.MILLISECONDS);
        while (task != null) {
            task.run();
            task = tasks.poll();
        }
        state.backgroundSnapshot().slice(BackgroundSnapshot.SLICE_NANOS);
    }

    /** Runs the event loop until the background snapshot (the rewrite) has ended. */
    private void drive() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (state.backgroundSnapshot().inProgress()) {
            assertTrue(System.nanoTime() < deadline, "the background rewrite did not end");
            turn();
        }
    }

    /** BGREWRITEAOF, run to its end. */
    private void rewrite() throws InterruptedException {
        assertEquals(AppendOnlyFile.RewriteStart.STARTED, aof.rewrite(false));
        drive();
    }

    private Map<String, Object> info() {
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        aof.describe(info::put);
        aof.describeSizes(info::put);
        return info;
    }

    private String incr(int seq) throws Exception {
        return Files.readString(dir.resolve("appendonlydir/appendonly.aof." + seq + ".incr.aof"),
                StandardCharsets.ISO_8859_1);
    }

    private String manifest() throws Exception {
        return Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"));
    }

    @Test
    void writesAreEncodedAsRedisWritesThemWithSelectAndMultiWhereNeeded() throws Exception {
        start(true);
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                manifest());
        run("set", "a", "1");
        run("GET", "a");
        run("SELECT", "2");
        run("SET", "b", "2");
        run("MULTI");
        run("INCR", "x");
        run("SELECT", "0");
        run("INCR", "y");
        run("EXEC");
        assertEquals("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n"
                + "*1\r\n$5\r\nMULTI\r\n*2\r\n$4\r\nINCR\r\n$1\r\nx\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*2\r\n$4\r\nINCR\r\n$1\r\ny\r\n*1\r\n$4\r\nEXEC\r\n", incr(1));
    }

    @Test
    void aTransactionStartingInAnotherDatabaseSelectsItBeforeMulti() throws Exception {
        start(true);
        run("SET", "a", "1");
        run("SELECT", "3");
        run("MULTI");
        run("SET", "k", "v");
        run("SET", "l", "w");
        run("EXEC");
        assertTrue(incr(1).endsWith("*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*1\r\n$5\r\nMULTI\r\n"
                + "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*3\r\n$3\r\nSET\r\n$1\r\nl\r\n$1\r\nw\r\n*1\r\n$4\r\nEXEC\r\n"),
                incr(1));
    }

    @Test
    void restartReplaysTheFilesAndAppendsToTheLastOne() throws Exception {
        start(true);
        run("SET", "a", "1");
        run("RPUSH", "l", "x", "y");
        run("SET", "t", "v", "EX", "1000");
        aof.close();
        start(true);
        Map<String, String> seen = new TreeMap<>();
        state.keyspace().db(0).forEach(millis.get(), (k, v, exp) ->
                seen.put(new String(k, StandardCharsets.ISO_8859_1), exp > 0 ? "ttl" : "persistent"));
        assertEquals(Map.of("a", "persistent", "l", "persistent", "t", "ttl"), seen);
        run("SET", "b", "2");
        // a new process starts with no database selected: its first write selects one again
        assertTrue(incr(1).endsWith("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n"));
    }

    @Test
    void rewriteStartsNewFilesAndDeletesTheOldOnes() throws Exception {
        start(true);
        run("SET", "a", "1");
        rewrite();
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                manifest());
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.base.rdb")));
        assertEquals("", incr(2));
        run("SET", "b", "2");
        aof.close();
        start(true);
        assertEquals(2, state.keyspace().db(0).size());
    }

    @Test
    void aofDisableAutoGcKeepsTheReplacedFilesAsHistory() throws Exception {
        start(true);
        state.config().aofDisableAutoGc = true;
        rewrite();
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type h\n"
                + "file appendonly.aof.1.base.rdb seq 1 type h\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", manifest());
        assertTrue(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
        state.config().aofDisableAutoGc = false;
        rewrite();
        assertEquals("file appendonly.aof.3.base.rdb seq 3 type b\nfile appendonly.aof.3.incr.aof seq 3 type i\n",
                manifest());
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
    }

    @Test
    void bgrewriteaofWithAppendonlyOffWritesOnlyABaseAndSwitchingOnContinuesTheSeries() throws Exception {
        start(false);
        run("SET", "a", "1");
        rewrite();
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\n", manifest());
        state.config().appendonly = true;
        assertNull(aof.reconfigure());
        drive();
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                manifest());
        run("SET", "b", "2");
        state.config().appendonly = false;
        assertNull(aof.reconfigure());
        run("SET", "c", "3");
        assertEquals("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n", incr(1));
    }

    @Test
    void theAutomaticRewriteStartsOnGrowth() throws Exception {
        start(true);
        state.config().autoAofRewriteMinSize = 1000;
        state.config().autoAofRewritePercentage = 100;
        for (int i = 0; i < 20; i++) {
            run("SET", "key" + i, "value" + i);
        }
        aof.cron();
        drive();
        assertTrue(manifest().startsWith("file appendonly.aof.1.base.rdb"), manifest()); // 89 + ~700 bytes
        for (int i = 0; i < 20; i++) {
            run("SET", "key" + i, "value" + i);
        }
        aof.cron();
        drive();
        assertTrue(manifest().startsWith("file appendonly.aof.2.base.rdb"), manifest());
    }

    @Test
    void aRespBaseRebuildsEveryType() throws Exception {
        start(true);
        state.config().aofUseRdbPreamble = false;
        run("SET", "s", "v");
        run("RPUSH", "l", "a", "b");
        run("SADD", "set", "m");
        run("ZADD", "z", "1.5", "x", "-inf", "y");
        run("HSET", "h", "f", "v");
        run("PEXPIRE", "s", "100000");
        rewrite();
        assertEquals("file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                manifest());
        String base = Files.readString(dir.resolve("appendonlydir/appendonly.aof.2.base.aof"),
                StandardCharsets.ISO_8859_1);
        assertTrue(base.startsWith("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"), base);
        assertTrue(base.contains("*4\r\n$4\r\nZADD\r\n$1\r\nz\r\n") || base.contains("*6\r\n$4\r\nZADD\r\n"), base);
        aof.close();
        start(true);
        assertEquals(5, state.keyspace().db(0).size());
    }

    @Test
    void aRespBaseRebuildsStreamsAsRedisRewritesThem() throws Exception {
        start(true);
        state.config().aofUseRdbPreamble = false;
        run("XADD", "s", "1-1", "a", "1");
        run("XADD", "s", "2-1", "b", "2");
        run("XADD", "s", "3-1", "c", "3");
        run("XDEL", "s", "2-1");
        run("XGROUP", "CREATE", "s", "g", "0");
        run("XREADGROUP", "GROUP", "g", "alice", "COUNT", "1", "STREAMS", "s", ">");
        run("XGROUP", "CREATECONSUMER", "s", "g", "bob");
        run("XADD", "e", "MAXLEN", "0", "5-5", "x", "y");
        rewrite();
        String base = Files.readString(dir.resolve("appendonlydir/appendonly.aof.2.base.aof"),
                StandardCharsets.ISO_8859_1).replace("\r\n", " ");
        assertTrue(base.contains("$4 XADD $1 s $3 1-1 $1 a $1 1 "), base);
        assertTrue(base.contains("$6 XSETID $1 s $3 3-1 $12 ENTRIESADDED $1 3 $12 MAXDELETEDID $3 2-1 "), base);
        // entries-read is unknown (-1) once a deletion left a tombstone behind the group: kept as is
        assertTrue(base.contains("$6 XGROUP $6 CREATE $1 s $1 g $3 1-1 $11 ENTRIESREAD $2 -1 "), base);
        assertTrue(base.contains("$6 XCLAIM $1 s $1 g $5 alice $1 0 $3 1-1 $4 TIME "), base);
        assertTrue(base.contains("$6 XGROUP $14 CREATECONSUMER $1 s $1 g $3 bob "), base);
        assertTrue(base.contains("$4 XADD $1 e $6 MAXLEN $1 0 $3 5-5 $1 x $1 y "), base);
        aof.close();
        start(true);
        var s = (io.jredis.domain.value.StreamValue) stored("s");
        assertEquals(2, s.length());
        assertEquals(new io.jredis.domain.value.StreamId(2, 1), s.maxDeletedId());
        var g = s.groups().values().iterator().next();
        assertEquals(1, g.pending().size());
        assertEquals(2, g.consumers().size(), "alice with her pending entry, bob without");
        var e = (io.jredis.domain.value.StreamValue) stored("e");
        assertEquals(0, e.length());
        assertEquals(new io.jredis.domain.value.StreamId(5, 5), e.lastId());
    }

    @Test
    void timestampAnnotationsPrecedeTheFirstWriteOfEachSecond() throws Exception {
        start(true);
        state.config().aofTimestampEnabled = true;
        run("SET", "a", "1");
        run("SET", "b", "2");
        String text = incr(1);
        assertTrue(text.matches("#TS:\\d+\r\n\\*2\r\n\\$6\r\nSELECT\r\n[\\s\\S]*"), text);
        assertTrue(text.indexOf("#TS:") == text.lastIndexOf("#TS:") || text.split("#TS:").length == 3, text);
        aof.close();
        start(true);
        assertEquals(2, state.keyspace().db(0).size());
    }

    // ------------------------------------------------------------------ background rewrite

    /** Every key of every database as text (collections in a canonical order) with its expiry. */
    private Map<String, String> dataset() {
        Map<String, String> all = new TreeMap<>();
        var ks = state.keyspace();
        for (int i = 0; i < ks.count(); i++) {
            int db = i;
            ks.db(i).forEach(millis.get(), (k, v, exp) -> all.put(db + ":" + new String(k, StandardCharsets.ISO_8859_1),
                    describe(v) + " @" + exp));
        }
        return all;
    }

    private static String describe(Object v) {
        if (v instanceof byte[] b) {
            return "string " + new String(b, StandardCharsets.ISO_8859_1);
        }
        if (v instanceof MutableString m) {
            return "string " + new String(m.array(), 0, m.length(), StandardCharsets.ISO_8859_1);
        }
        List<String> items = new java.util.ArrayList<>();
        if (v instanceof ListValue l) {
            l.forEach(0, true, (b, off, len) -> items.add(new String(b, off, len, StandardCharsets.ISO_8859_1)));
            return "list " + items;
        }
        if (v instanceof SetValue set) {
            for (int i = 0; i < set.size(); i++) {
                items.add(new String(set.memberAt(i), StandardCharsets.ISO_8859_1));
            }
        } else if (v instanceof SortedSet z) {
            z.visit(0, false, (m, score) -> items.add(new String(m, StandardCharsets.ISO_8859_1) + "=" + score));
        } else if (v instanceof HashValue h) {
            for (int p = h.first(); p >= 0; p = h.next(p)) {
                items.add(new String(h.fieldAt(p), StandardCharsets.ISO_8859_1) + "="
                        + new String(h.valueAt(p), StandardCharsets.ISO_8859_1));
            }
        } else {
            return "unknown " + v.getClass();
        }
        java.util.Collections.sort(items);
        return v.getClass().getSimpleName() + " " + items;
    }

    private void populate(int keys) {
        for (int i = 0; i < keys; i++) {
            run("SELECT", Integer.toString(i % 3));
            switch (i % 5) {
                case 0 -> run("SET", "k" + i, "v" + i);
                case 1 -> run("RPUSH", "k" + i, "a", "b", "c" + i);
                case 2 -> run("HSET", "k" + i, "f", "v" + i, "g", "w");
                case 3 -> run("SADD", "k" + i, "x", "y" + i);
                default -> run("ZADD", "k" + i, "1.5", "m", Integer.toString(i), "n");
            }
            if (i % 7 == 0) {
                run("PEXPIRE", "k" + i, Integer.toString(1_000_000 + i));
            }
        }
    }

    /** Writes of every kind on keys the walk has or has not reached, in every database. */
    private void someWrites(java.util.SplittableRandom rnd, int keys, List<String> log) {
        int i = rnd.nextInt(keys + keys / 10); // some keys new
        String key = "k" + i;
        String db = Integer.toString(rnd.nextInt(3));
        run("SELECT", db);
        String[] cmd = switch (rnd.nextInt(9)) {
            case 0 -> new String[] {"SET", key, "new" + rnd.nextInt(100)};
            case 1 -> new String[] {"DEL", key};
            case 2 -> new String[] {"RPUSH", "k" + (i - i % 5 + 1), "pushed"};
            case 3 -> new String[] {"HSET", "k" + (i - i % 5 + 2), "f", "changed"};
            case 4 -> new String[] {"SADD", "k" + (i - i % 5 + 3), "added"};
            case 5 -> new String[] {"ZINCRBY", "k" + (i - i % 5 + 4), "2", "m"};
            case 6 -> new String[] {"PEXPIRE", key, "5000000"};
            case 7 -> new String[] {"PERSIST", key};
            default -> new String[] {"RENAME", key, "renamed" + i};
        };
        run(cmd);
        log.add(db + " " + String.join(" ", cmd));
    }

    private void writesDuringTheRewriteLandInTheNewIncrAndReloadToTheLiveDataset(boolean rdbPreamble)
            throws Exception {
        start(true);
        state.config().aofUseRdbPreamble = rdbPreamble;
        int keys = 6000;
        populate(keys);
        assertEquals(AppendOnlyFile.RewriteStart.STARTED, aof.rewrite(false));
        // the new incremental file is in the manifest from the start, before the base exists
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", manifest());
        run("SET", "first-after-T", "1");
        assertTrue(incr(2).contains("first-after-T"));
        assertFalse(incr(1).contains("first-after-T"));
        assertEquals(1, info().get("aof_rewrite_in_progress"));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(rdbPreamble ? 1 : 2);
        List<String> log = new java.util.ArrayList<>();
        int turns = 0;
        while (state.backgroundSnapshot().inProgress()) {
            for (int w = 0; w < 20; w++) {
                someWrites(rnd, keys, log);
            }
            turn();
            turns++;
        }
        assertTrue(turns > 5, "the walk ran in " + turns + " turns: writes did not interleave");
        assertTrue((Long) info().get("aof_last_cow_size") > 0, "no key was copied before a write");
        String ext = rdbPreamble ? "rdb" : "aof";
        assertEquals("file appendonly.aof.2.base." + ext + " seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                manifest());
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.base.rdb")));
        assertEquals(0, info().get("aof_rewrite_in_progress"));
        assertEquals("ok", info().get("aof_last_bgrewrite_status"));
        for (int w = 0; w < 200; w++) {
            someWrites(rnd, keys, log);
        }
        Map<String, String> live = dataset();
        aof.close();
        start(true);
        assertEquals(live, dataset());
    }

    @Test
    void writesDuringAnRdbPreambleRewriteLandInTheNewIncrAndReloadToTheLiveDataset() throws Exception {
        writesDuringTheRewriteLandInTheNewIncrAndReloadToTheLiveDataset(true);
    }

    @Test
    void writesDuringARespBaseRewriteLandInTheNewIncrAndReloadToTheLiveDataset() throws Exception {
        writesDuringTheRewriteLandInTheNewIncrAndReloadToTheLiveDataset(false);
    }

    @Test
    void aRewriteAskedForDuringABgsaveIsScheduledAndStartsFromTheCronOnceItEnds() throws Exception {
        start(true);
        populate(3000);
        assertEquals(io.jredis.application.snapshot.RdbBackgroundSave.Start.STARTED, state.rdbBackgroundSave().start());
        assertEquals(AppendOnlyFile.RewriteStart.SCHEDULED, aof.rewrite(false));
        assertEquals(1, info().get("aof_rewrite_scheduled"));
        assertEquals(1, info().get("aof_pending_rewrite"));
        assertEquals(0, info().get("aof_rewrite_in_progress"));
        assertEquals(AppendOnlyFile.RewriteStart.SCHEDULED, aof.rewrite(false));
        drive(); // the BGSAVE
        assertTrue(manifest().startsWith("file appendonly.aof.1.base.rdb"), manifest());
        aof.cron();
        assertEquals(0, info().get("aof_rewrite_scheduled"));
        assertEquals(1, info().get("aof_rewrite_in_progress"));
        assertEquals("aof", state.backgroundSnapshot().purpose());
        // now a BGSAVE must wait (ERR Another child process is active), a second rewrite is refused
        assertEquals(io.jredis.application.snapshot.RdbBackgroundSave.Start.OTHER_IN_PROGRESS,
                state.rdbBackgroundSave().start());
        assertEquals(AppendOnlyFile.RewriteStart.IN_PROGRESS, aof.rewrite(false));
        drive();
        assertTrue(manifest().startsWith("file appendonly.aof.2.base.rdb"), manifest());
        assertEquals(1L, info().get("aof_rewrites"));
    }

    @Test
    void insideExecTheRewriteIsScheduled() throws Exception {
        start(true);
        assertEquals(AppendOnlyFile.RewriteStart.SCHEDULED, aof.rewrite(true));
        assertFalse(state.backgroundSnapshot().inProgress());
        aof.cron();
        drive();
        assertTrue(manifest().startsWith("file appendonly.aof.2.base.rdb"), manifest());
    }

    /** A value no base can hold (a stand-in for a stream): the rewrite fails when the walk reaches it. */
    private static final class Unwritable implements io.jredis.domain.value.TypedValue {
        @Override
        public io.jredis.domain.value.ValueType type() {
            return io.jredis.domain.value.ValueType.STREAM;
        }

        @Override
        public String encoding() {
            return "stream";
        }

        @Override
        public io.jredis.domain.value.TypedValue copy() {
            return this;
        }
    }

    @Test
    void aFailedRewriteKeepsTheOldFilesAndItsIncrAndRepeatedFailuresSlowTheCronDown() throws Exception {
        start(true);
        state.config().aofUseRdbPreamble = false;
        state.config().autoAofRewriteMinSize = 10;
        state.config().autoAofRewritePercentage = 1;
        populate(500);
        state.keyspace().db(0).put("bad".getBytes(StandardCharsets.US_ASCII), new Unwritable(), millis.get());
        rewrite();
        assertEquals("err", info().get("aof_last_bgrewrite_status"));
        assertEquals(1L, info().get("aof_rewrites_consecutive_failures"));
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", manifest());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("appendonlydir"), files.map(p -> p.getFileName().toString()).toList());
        }
        for (int i = 2; i <= AppendOnlyLog.LIMIT_FAILURES; i++) {
            run("SET", "grow" + i, "x".repeat(100));
            aof.cron(); // the automatic rewrite, failing again
            assertTrue(state.backgroundSnapshot().inProgress());
            drive();
            assertEquals((long) i, info().get("aof_rewrites_consecutive_failures"));
        }
        run("SET", "grow", "x".repeat(100));
        aof.cron();
        assertFalse(state.backgroundSnapshot().inProgress(), "limited after repeated failures");
        millis.addAndGet(61_000);
        aof.cron();
        assertTrue(state.backgroundSnapshot().inProgress(), "tried again after a minute");
        drive();
        // by hand it starts at once, and with the bad key gone it succeeds: every incr becomes history
        state.keyspace().db(0).remove("bad".getBytes(StandardCharsets.US_ASCII), millis.get());
        rewrite();
        assertEquals("ok", info().get("aof_last_bgrewrite_status"));
        assertEquals(0L, info().get("aof_rewrites_consecutive_failures"));
        assertEquals("file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.6.incr.aof seq 6 type i\n",
                manifest());
    }

    @Test
    void aKilledRewriteLeavesItsIncrInTheManifestAndNothingIsLost() throws Exception {
        start(true);
        populate(3000);
        assertEquals(AppendOnlyFile.RewriteStart.STARTED, aof.rewrite(false));
        run("SET", "after", "T");
        turn();
        state.backgroundSnapshot().kill(); // SHUTDOWN, as Redis's killAppendOnlyChild
        assertEquals(0, info().get("aof_rewrite_in_progress"));
        assertEquals("ok", info().get("aof_last_bgrewrite_status"));
        assertEquals(-1L, info().get("aof_last_rewrite_time_sec"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("appendonlydir"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", manifest());
        run("SET", "later", "x");
        Map<String, String> live = dataset();
        aof.close();
        start(true);
        assertEquals(live, dataset());
        // the next rewrite makes both incremental files history
        rewrite();
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.3.incr.aof seq 3 type i\n",
                manifest());
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.2.incr.aof")));
    }

    @Test
    void flushallDuringARewriteIsReplayedAfterTheBase() throws Exception {
        start(true);
        populate(3000);
        assertEquals(AppendOnlyFile.RewriteStart.STARTED, aof.rewrite(false));
        turn();
        run("FLUSHALL");
        run("SET", "only", "this");
        assertTrue(state.backgroundSnapshot().inProgress(), "FLUSHALL kills only an RDB child");
        drive();
        aof.close();
        start(true);
        assertEquals(Map.of("2:only", "string this @-1"), dataset()); // populate left db 2 selected
    }

    @Test
    void switchingOnDuringABgsaveWaitsForItAndWritesMeanwhileAreInTheFirstBase() throws Exception {
        start(false);
        populate(2000);
        state.rdbBackgroundSave().start();
        state.config().appendonly = true;
        assertNull(aof.reconfigure());
        assertEquals(1, info().get("aof_enabled"));
        assertEquals(1, info().get("aof_rewrite_scheduled"));
        assertFalse(aof.active(), "nothing to write to before the rewrite starts");
        run("SET", "before-start", "1");
        drive();
        aof.cron();
        assertTrue(aof.active());
        assertTrue(Files.exists(dir.resolve("appendonlydir/temp-appendonly.aof.incr")));
        run("SET", "during", "2");
        drive();
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                manifest());
        assertFalse(Files.exists(dir.resolve("appendonlydir/temp-appendonly.aof.incr")));
        assertTrue(incr(1).contains("during"));
        run("SET", "after", "3");
        Map<String, String> live = dataset();
        aof.close();
        start(true);
        assertEquals(live, dataset());
    }

    @Test
    void switchingOffDuringTheRewriteKillsItAndRemovesItsTemporaryFiles() throws Exception {
        start(false);
        populate(3000);
        state.config().appendonly = true;
        assertNull(aof.reconfigure());
        assertTrue(state.backgroundSnapshot().inProgress());
        turn();
        state.config().appendonly = false;
        assertNull(aof.reconfigure());
        assertFalse(state.backgroundSnapshot().inProgress());
        assertEquals(0, info().get("aof_rewrite_scheduled"));
        try (var files = Files.list(dir.resolve("appendonlydir"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("appendonlydir"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A Redis 6 file: dump.rdb bytes of redis-server 7.0.15 holding a=1, then a SET b 2 command. */
    @Test
    void anOldStyleFileMovesIntoTheDirectoryAndLoadsWithItsTail() throws Exception {
        byte[] legacy = AppendOnlyLogTest.class.getResourceAsStream("/aof/legacy.aof").readAllBytes();
        Files.write(dir.resolve("appendonly.aof"), legacy);
        start(true);
        assertEquals(2, state.keyspace().db(0).size());
        assertEquals("file appendonly.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n", manifest());
        assertFalse(Files.exists(dir.resolve("appendonly.aof")));
        assertTrue(Files.exists(dir.resolve("appendonlydir/appendonly.aof")));
        run("SET", "c", "3");
        aof.close();
        start(true);
        assertEquals(3, state.keyspace().db(0).size());
    }

    @Test
    void aDirectoryThatCannotBeCreatedRefusesTheSwitchAndTheRewrite() throws Exception {
        Files.writeString(dir.resolve("appendonlydir"), "a file, not a directory");
        start(false);
        state.config().appendonly = true;
        assertEquals("Unable to turn on AOF. Check server logs.", aof.reconfigure());
        state.config().appendonly = false;
        assertEquals(AppendOnlyFile.RewriteStart.FAILED, aof.rewrite(false));
        Map<String, Object> info = info();
        assertEquals("err", info.get("aof_last_bgrewrite_status"));
        assertEquals(0L, info.get("aof_rewrites_consecutive_failures"));
        assertFalse(aof.active());
    }

    @Test
    void aCutOffFileIsRefusedWithAofLoadTruncatedNoOrWhenItIsNotTheLast() throws Exception {
        start(true);
        run("SET", "a", "1");
        aof.close();
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        Files.writeString(incr, "*2\r\n$3\r\nGET", java.nio.file.StandardOpenOption.APPEND);
        long size = Files.size(incr);
        ServerConfig strict = new ServerConfig();
        start(false);
        state.config().appendonly = true;
        state.config().aofLoadTruncated = false;
        var failure = assertThrows(io.jredis.application.port.SnapshotStore.SnapshotFailure.class,
                () -> aof.load(executor));
        assertTrue(failure.getMessage().startsWith("Unexpected end of file reading the append only file "
                + "appendonly.aof.1.incr.aof."), failure.getMessage());
        assertEquals(size, Files.size(incr)); // untouched
        // the same cut in a file that is not the last one is refused even with aof-load-truncated yes
        Files.writeString(dir.resolve("appendonlydir/appendonly.aof.2.incr.aof"), "");
        Files.writeString(dir.resolve("appendonlydir/appendonly.aof.manifest"),
                "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"
                        + "file appendonly.aof.2.incr.aof seq 2 type i\n");
        aof.close();
        start(false);
        state.config().appendonly = true;
        assertTrue(state.config().aofLoadTruncated);
        assertThrows(io.jredis.application.port.SnapshotStore.SnapshotFailure.class, () -> aof.load(executor));
        assertEquals(size, Files.size(incr));
        assertTrue(strict.aofLoadTruncated); // the default is yes, as Redis
    }

    // ------------------------------------------------------------------ manifest and reader

    @Test
    void manifestReadsRedisFormatAndWritesItBack() throws Exception {
        String text = "file appendonly.aof.2.base.rdb seq 2 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type h\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n"
                + "file appendonly.aof.3.incr.aof seq 3 type i\n";
        AofManifest m = AofManifest.parse(text);
        assertEquals("appendonly.aof.2.base.rdb", m.base.name());
        assertEquals(2, m.incrs.size());
        assertEquals(3, m.incrSeq);
        assertEquals(text, m.format());
        AofManifest quoted = AofManifest.parse("file \"my file.aof.1.base.rdb\" seq 1 type b\n");
        assertEquals("my file.aof.1.base.rdb", quoted.base.name());
        assertEquals("file \"my file.aof.1.base.rdb\" seq 1 type b\n", quoted.format());
        assertThrows(AofManifest.InvalidManifest.class, () -> AofManifest.parse(""));
        assertThrows(AofManifest.InvalidManifest.class, () -> AofManifest.parse("file a seq x type b\n"));
        assertThrows(AofManifest.InvalidManifest.class,
                () -> AofManifest.parse("file a seq 1 type b\nfile b seq 2 type b\n"));
    }

    @Test
    void readerKnowsWhereTheLastCompleteCommandEnds() throws Exception {
        byte[] good = "*1\r\n$4\r\nPING\r\n#TS:123\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n".getBytes(StandardCharsets.US_ASCII);
        RespCommandReader r = new RespCommandReader(new ByteArrayInputStream(
                (new String(good, StandardCharsets.US_ASCII) + "*2\r\n$3\r\nGET\r\n$5\r\nab").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, r.next().size());
        List<byte[]> get = r.next();
        assertEquals("k", new String(get.get(1), StandardCharsets.US_ASCII));
        assertEquals(good.length, r.validUpTo());
        assertThrows(RespCommandReader.Truncated.class, r::next);
        RespCommandReader bad = new RespCommandReader(new ByteArrayInputStream(
                "*1\r\n$4\r\nPING\r\nxyz\r\n".getBytes(StandardCharsets.US_ASCII)));
        bad.next();
        RespCommandReader.BadFormat e = assertThrows(RespCommandReader.BadFormat.class, bad::next);
        assertEquals(14, e.offset);
        assertNull(new RespCommandReader(new ByteArrayInputStream(new byte[0])).next());
    }
}
