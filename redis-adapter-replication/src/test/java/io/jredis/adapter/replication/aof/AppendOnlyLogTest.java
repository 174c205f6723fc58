package io.jredis.adapter.replication.aof;

import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Commands;
import io.jredis.application.port.Clock;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
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

    private void start(boolean appendonly) throws Exception {
        ServerConfig config = new ServerConfig();
        config.dir = dir.toString();
        config.appendonly = appendonly;
        state = new ServerState(config, new Clock() {
            @Override
            public long millis() {
                return System.currentTimeMillis();
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }
        });
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

    private void run(String... args) {
        executor.execute(client, Arguments.of(args), replies);
        aof.beforeReplies();
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
        state.keyspace().db(0).forEach(System.currentTimeMillis(), (k, v, exp) ->
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
        assertNull(aof.rewrite());
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
        assertNull(aof.rewrite());
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type h\n"
                + "file appendonly.aof.1.base.rdb seq 1 type h\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", manifest());
        assertTrue(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
        state.config().aofDisableAutoGc = false;
        assertNull(aof.rewrite());
        assertEquals("file appendonly.aof.3.base.rdb seq 3 type b\nfile appendonly.aof.3.incr.aof seq 3 type i\n",
                manifest());
        assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
    }

    @Test
    void bgrewriteaofWithAppendonlyOffWritesOnlyABaseAndSwitchingOnContinuesTheSeries() throws Exception {
        start(false);
        run("SET", "a", "1");
        assertNull(aof.rewrite());
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\n", manifest());
        state.config().appendonly = true;
        assertNull(aof.reconfigure());
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
        assertTrue(manifest().startsWith("file appendonly.aof.1.base.rdb"), manifest()); // 89 + ~700 bytes
        for (int i = 0; i < 20; i++) {
            run("SET", "key" + i, "value" + i);
        }
        aof.cron();
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
        assertNull(aof.rewrite());
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
        assertEquals("ERR Can't execute an AOF background rewriting. Please check the server logs for more "
                + "information.", aof.rewrite());
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        aof.describe(info::put);
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
