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
        assertEquals("0", info("rdb_saves"));
    }

    @Test
    void loadCountersAppearInInfo() throws Exception {
        t.server.setSnapshots(new FakeStore());
        t.server.loadSnapshot();
        assertEquals("\"yes\"", t.run("GET", "loaded"));
        assertEquals("1", info("rdb_last_load_keys_loaded"));
        assertEquals("2", info("rdb_last_load_keys_expired"));
    }

    @Test
    void bgsaveChecksSyntaxThenSaysItIsNotSupported() {
        assertEquals("(error) ERR syntax error", t.run("BGSAVE", "foo"));
        assertEquals("(error) ERR syntax error", t.run("BGSAVE", "SCHEDULE", "x"));
        String e = t.run("BGSAVE");
        assertTrue(e.startsWith("(error) ERR BGSAVE is not supported"), e);
        assertEquals(e, t.run("BGSAVE", "schedule"));
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
