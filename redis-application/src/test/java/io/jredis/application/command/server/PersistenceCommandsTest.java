package io.jredis.application.command.server;

import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.port.SnapshotStore;
import io.jredis.application.testing.CommandTester;
import io.jredis.domain.keyspace.Keyspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistenceCommandsTest {

    private final CommandTester t = new CommandTester();

    /** Records what it was asked to save; fails while {@code failing}. */
    private static final class FakeStore implements SnapshotStore {
        final List<String> saved = new ArrayList<>();
        boolean failing;

        @Override
        public void save(Keyspace keyspace, long now) throws SnapshotFailure {
            if (failing) {
                throw new SnapshotFailure("disk full");
            }
            saved.add(keyspace.totalKeys() + " keys at " + now);
        }

        @Override
        public LoadResult load(Keyspace keyspace, long now) {
            keyspace.db(0).put("loaded".getBytes(), "yes".getBytes(), now);
            return new LoadResult(1, 2);
        }
    }

    private String info(String field) {
        for (String line : t.run("INFO", "persistence").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        throw new AssertionError("no " + field);
    }

    @Test
    void saveWritesTheKeyspaceAndResetsTheDirtyCounter() {
        FakeStore store = new FakeStore();
        t.server.setSnapshots(store);
        long start = t.clock.millis() / 1000;
        assertEquals("(integer) " + start, t.run("LASTSAVE"));
        t.run("SET", "a", "1");
        t.run("SET", "b", "2");
        assertEquals("2", info("rdb_changes_since_last_save"));
        assertEquals("0", info("rdb_saves"));
        t.clock.advance(5_000);
        assertEquals("OK", t.run("SAVE"));
        assertEquals(List.of("2 keys at " + t.clock.millis()), store.saved);
        assertEquals("(integer) " + (start + 5), t.run("LASTSAVE"));
        assertEquals("0", info("rdb_changes_since_last_save"));
        assertEquals("1", info("rdb_saves"));
        assertEquals(Long.toString(start + 5), info("rdb_last_save_time"));
        assertEquals("ok", info("rdb_last_bgsave_status"));
    }

    @Test
    void failedSaveRepliesBareErrAndKeepsTheCounters() {
        FakeStore store = new FakeStore();
        store.failing = true;
        t.server.setSnapshots(store);
        t.run("SET", "a", "1");
        long start = t.clock.millis() / 1000;
        t.clock.advance(5_000);
        assertEquals("(error) ERR", t.run("SAVE"));
        assertEquals("(integer) " + start, t.run("LASTSAVE"));
        assertEquals("1", info("rdb_changes_since_last_save"));
        assertEquals("1", info("rdb_saves"), "a failed SAVE counts too, as in redis-server 7.0.15");
        assertEquals("ok", info("rdb_last_bgsave_status"));
    }

    @Test
    void loadCountersAppearInInfo() throws Exception {
        t.server.setSnapshots(new FakeStore());
        t.server.loadSnapshot();
        assertEquals("\"yes\"", t.run("GET", "loaded"));
        assertEquals("1", info("rdb_last_load_keys_loaded"));
        assertEquals("2", info("rdb_last_load_keys_expired"));
    }

    /** A background output that records the keys it is handed; completes (or fails) at once when finished. */
    private static final class FakeOutput implements io.jredis.application.port.SnapshotOutput {
        final List<String> keys = new ArrayList<>();
        String failure;
        boolean aborted;

        @Override
        public void begin(long at) {
        }

        @Override
        public void select(int db, long size, long expires) {
        }

        @Override
        public void entry(byte[] key, Object value, long expireAt, boolean early) {
            keys.add(new String(key));
        }

        @Override
        public boolean saturated() {
            return false;
        }

        @Override
        public String failure() {
            return null;
        }

        @Override
        public void finish(java.util.function.Consumer<String> done) {
            done.accept(failure);
        }

        @Override
        public void abort() {
            aborted = true;
        }

        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public long earlyBytes() {
            return 0;
        }
    }

    /** A store whose background outputs are {@link FakeOutput}s, failing while {@code failing}. */
    private static final class BackgroundStore implements SnapshotStore {
        final List<FakeOutput> outputs = new ArrayList<>();
        final List<String> saved = new ArrayList<>();
        boolean failing;

        @Override
        public void save(Keyspace keyspace, long now) {
            saved.add(keyspace.totalKeys() + " keys");
        }

        @Override
        public LoadResult load(Keyspace keyspace, long now) {
            return LoadResult.NOTHING;
        }

        @Override
        public io.jredis.application.port.SnapshotOutput backgroundOutput(
                io.jredis.application.port.CommandThread commandThread) {
            FakeOutput out = new FakeOutput();
            out.failure = failing ? "disk full" : null;
            outputs.add(out);
            return out;
        }
    }

    private void runSlices() {
        while (t.server.backgroundSnapshot().runnable()) {
            t.server.backgroundSnapshot().slice(Long.MAX_VALUE);
        }
    }

    @Test
    void bgsaveRunsInTheBackgroundAndRepliesAsRedis70() {
        BackgroundStore store = new BackgroundStore();
        t.server.setSnapshots(store);
        assertEquals("(error) ERR syntax error", t.run("BGSAVE", "foo"));
        assertEquals("(error) ERR syntax error", t.run("BGSAVE", "SCHEDULE", "x"));
        t.run("SET", "a", "1");
        t.run("SET", "b", "2");
        long start = t.clock.millis() / 1000;
        t.clock.advance(3_000);
        assertEquals("Background saving started", t.run("BGSAVE"));
        assertEquals("1", info("rdb_bgsave_in_progress"));
        assertEquals("2", info("current_save_keys_total"));
        assertEquals("(error) ERR Background save already in progress", t.run("BGSAVE"));
        assertEquals("(error) ERR Background save already in progress", t.run("BGSAVE", "SCHEDULE"));
        assertEquals("(error) ERR Background save already in progress", t.run("SAVE"));
        t.run("SET", "a", "changed"); // written out before it changes
        t.run("SET", "c", "new"); // created after the start: not in this snapshot
        t.clock.advance(2_000);
        assertEquals("2", info("rdb_current_bgsave_time_sec"));
        runSlices();
        assertEquals("0", info("rdb_bgsave_in_progress"));
        assertEquals(List.of("a", "b"), store.outputs.get(0).keys.stream().sorted().toList());
        assertEquals("ok", info("rdb_last_bgsave_status"));
        assertEquals("2", info("rdb_last_bgsave_time_sec"));
        assertEquals("-1", info("rdb_current_bgsave_time_sec"));
        assertEquals("1", info("rdb_saves"));
        // the changes made while it ran remain to be saved, as Redis's dirty - dirty_before_bgsave
        assertEquals("2", info("rdb_changes_since_last_save"));
        assertEquals("(integer) " + (start + 5), t.run("LASTSAVE"));
        assertEquals("Background saving started", t.run("BGSAVE", "SCHEDULE"));
        runSlices();
        assertEquals("2", info("rdb_saves"));
    }

    @Test
    void bgsaveInsideExecIsScheduledAndTheCronStartsIt() {
        BackgroundStore store = new BackgroundStore();
        t.server.setSnapshots(store);
        t.config.save = "";
        t.run("SET", "a", "1");
        t.run("MULTI");
        t.run("BGSAVE");
        assertEquals("[Background saving scheduled]", t.run("EXEC"));
        assertEquals(0, store.outputs.size());
        new io.jredis.application.server.ServerCron(t.server).run();
        assertEquals(1, store.outputs.size());
        assertEquals("1", info("rdb_bgsave_in_progress"));
    }

    @Test
    void savePointsStartABgsaveAndAFailureWaitsBeforeRetrying() {
        BackgroundStore store = new BackgroundStore();
        t.server.setSnapshots(store);
        t.config.save = "10 2";
        var cron = new io.jredis.application.server.ServerCron(t.server);
        t.run("SET", "a", "1");
        t.clock.advance(11_000);
        cron.run();
        assertEquals(0, store.outputs.size(), "one change is not enough");
        t.run("SET", "b", "1");
        t.clock.advance(1_000);
        store.failing = true;
        cron.run();
        assertEquals(1, store.outputs.size());
        runSlices();
        assertEquals("err", info("rdb_last_bgsave_status"));
        assertEquals("1", info("rdb_saves"), "a BGSAVE counts when it starts");
        // stop-writes-on-bgsave-error: writes (and PING) are refused until a save succeeds
        assertEquals("(error) " + io.jredis.application.command.Errors.MISCONF, t.run("SET", "c", "1"));
        assertEquals("(error) " + io.jredis.application.command.Errors.MISCONF, t.run("PING"));
        assertEquals("\"1\"", t.run("GET", "a"));
        t.run("MULTI");
        assertEquals("(error) " + io.jredis.application.command.Errors.MISCONF, t.run("SET", "c", "1"));
        assertEquals("(error) EXECABORT Transaction discarded because of previous errors.", t.run("EXEC"));
        t.run("CONFIG", "SET", "stop-writes-on-bgsave-error", "no");
        assertEquals("OK", t.run("SET", "c", "1"));
        t.run("CONFIG", "SET", "stop-writes-on-bgsave-error", "yes");
        store.failing = false;
        t.clock.advance(5_000);
        cron.run();
        assertEquals(1, store.outputs.size(), "no retry within 5 seconds of a failure");
        t.clock.advance(1_000);
        cron.run();
        assertEquals(2, store.outputs.size());
        runSlices();
        assertEquals("ok", info("rdb_last_bgsave_status"));
        assertEquals("OK", t.run("SET", "c", "2"));
        assertEquals("1", info("rdb_changes_since_last_save"));
        t.run("DEL", "c");
        cron.run();
        assertEquals(2, store.outputs.size(), "nothing changed since");
    }

    @Test
    void whileAnotherSnapshotRunsBgsaveAsksForScheduleAndSaveStillWorks() {
        BackgroundStore store = new BackgroundStore();
        t.server.setSnapshots(store);
        t.config.save = "";
        t.run("SET", "a", "1");
        FakeOutput aofBase = new FakeOutput();
        List<io.jredis.application.snapshot.BackgroundSnapshot.Outcome> outcomes = new ArrayList<>();
        t.server.backgroundSnapshot().start("aof", aofBase, outcomes::add);
        assertEquals("0", info("rdb_bgsave_in_progress"));
        assertEquals("(error) ERR Another child process is active (AOF?): can't BGSAVE right now. "
                + "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.", t.run("BGSAVE"));
        assertEquals("Background saving scheduled", t.run("BGSAVE", "SCHEDULE"));
        assertEquals("OK", t.run("SAVE"), "SAVE is refused only during an RDB child");
        var cron = new io.jredis.application.server.ServerCron(t.server);
        cron.run();
        assertEquals(0, store.outputs.size(), "waits for the other snapshot");
        runSlices();
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).ok());
        assertEquals(List.of("a"), aofBase.keys);
        cron.run();
        assertEquals(1, store.outputs.size(), "the scheduled BGSAVE starts once nothing else runs");
    }

    @Test
    void flushallKillsARunningBgsaveAndSavesAtOnceWithSavePoints() {
        BackgroundStore store = new BackgroundStore();
        t.server.setSnapshots(store);
        t.config.save = "3600 1";
        t.run("SET", "a", "1");
        assertEquals("Background saving started", t.run("BGSAVE"));
        assertEquals("OK", t.run("FLUSHALL"));
        assertTrue(store.outputs.get(0).aborted);
        assertEquals("0", info("rdb_bgsave_in_progress"));
        assertEquals("ok", info("rdb_last_bgsave_status"), "a killed BGSAVE is no failure");
        assertEquals(List.of("0 keys"), store.saved);
        assertEquals("0", info("rdb_changes_since_last_save"));
        assertEquals("1", info("rdb_saves"), "the save FLUSHALL makes is not counted");
    }

    @Test
    void shutdownKillsARunningBgsaveThenSaves() {
        BackgroundStore store = new BackgroundStore();
        t.server.setSnapshots(store);
        t.server.setLifecycle(new CountingLifecycle(new int[1]));
        t.config.save = "3600 1";
        t.run("SET", "a", "1");
        assertEquals("Background saving started", t.run("BGSAVE"));
        shutdown("SHUTDOWN");
        assertTrue(store.outputs.get(0).aborted);
        assertEquals(List.of("1 keys"), store.saved);
    }

    private void shutdown(String... args) {
        io.jredis.application.testing.RecordingReply reply = new io.jredis.application.testing.RecordingReply();
        t.executor.execute(t.session(), io.jredis.application.command.Arguments.of(args), reply);
        assertEquals(List.of(), reply.replies());
    }

    @Test
    void shutdownSavesWhenAskedOrWhenSavePointsAreSet() {
        FakeStore store = new FakeStore();
        t.server.setSnapshots(store);
        int[] shutdowns = {0};
        t.server.setLifecycle(new CountingLifecycle(shutdowns));
        t.config.save = "";
        shutdown("SHUTDOWN");
        assertEquals(List.of(), store.saved);
        shutdown("SHUTDOWN", "SAVE");
        assertEquals(1, store.saved.size());
        t.config.save = "3600 1";
        shutdown("SHUTDOWN", "NOSAVE");
        assertEquals(1, store.saved.size());
        shutdown("SHUTDOWN");
        assertEquals(2, store.saved.size());
        assertEquals(4, shutdowns[0]);
        store.failing = true;
        assertEquals("(error) ERR Errors trying to SHUTDOWN. Check logs.", t.run("SHUTDOWN"));
        assertEquals(4, shutdowns[0]);
    }

    /** An append-only file whose writes fail while {@code error} is set. */
    private static final class FailingAof implements io.jredis.application.port.AppendOnlyFile {
        String error;

        @Override
        public String writeError() {
            return error;
        }

        @Override
        public boolean holdsReplies() {
            return false;
        }

        @Override
        public void beforeReplies() {
        }

        @Override
        public RewriteStart rewrite(boolean inTransaction) {
            return RewriteStart.FAILED;
        }

        @Override
        public String reconfigure() {
            return null;
        }

        @Override
        public void cron() {
        }

        @Override
        public void describe(java.util.function.BiConsumer<String, Object> field) {
        }

        @Override
        public void describeSizes(java.util.function.BiConsumer<String, Object> field) {
        }
    }

    @Test
    void writesAreRefusedWhileTheAofCannotBeWrittenAndResumeAfter() {
        FailingAof aof = new FailingAof();
        t.server.setAppendOnlyFile(aof);
        aof.error = "No space left on device";
        assertEquals("(error) MISCONF Errors writing to the AOF file: No space left on device", t.run("SET", "a", "1"));
        assertEquals("(error) MISCONF Errors writing to the AOF file: No space left on device", t.run("PING"));
        assertEquals("(nil)", t.run("GET", "a"), "reads still work");
        assertEquals("OK", t.run("MULTI"));
        assertEquals("(error) MISCONF Errors writing to the AOF file: No space left on device", t.run("INCR", "a"));
        assertTrue(t.run("EXEC").startsWith("(error) EXECABORT"));
        aof.error = null;
        assertEquals("OK", t.run("SET", "a", "1"));
    }

    @Test
    void commandMetadataAsRedis70() {
        assertEquals("[[\"save\", (integer) 1, ~admin, noscript, no_async_loading, no_multi~, (integer) 0, (integer) 0,"
                + " (integer) 0, ~@admin, @slow, @dangerous~, ~~, ~~, ~~]]", t.run("COMMAND", "INFO", "save"));
    }

    private static final class CountingLifecycle implements ServerLifecycle {
        private final int[] count;

        CountingLifecycle(int[] count) {
            this.count = count;
        }

        @Override
        public void shutdown() {
            count[0]++;
        }

        @Override
        public boolean rebindListeners() {
            return true;
        }

        @Override
        public String directory(String current, String path) {
            return path;
        }

        @Override
        public String rewriteConfig() {
            return null;
        }
    }
}
