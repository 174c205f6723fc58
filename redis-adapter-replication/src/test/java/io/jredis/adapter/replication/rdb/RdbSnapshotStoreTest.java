package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.SnapshotStore;
import io.jredis.application.port.SnapshotStore.SnapshotFailure;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;
import io.jredis.domain.value.MutableString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RdbSnapshotStoreTest {

    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private RdbSnapshotStore store(boolean compression, boolean checksum) {
        ServerConfig c = new ServerConfig();
        c.dir = dir.toString();
        c.dbfilename = "dump.rdb";
        c.rdbcompression = compression;
        c.rdbchecksum = checksum;
        return new RdbSnapshotStore(c, "7.0.15");
    }

    private static Keyspace keyspace() {
        return new Keyspace(16, KeyspaceListener.NONE);
    }

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void savedKeyspaceLoadsBackIdentically() throws Exception {
        for (boolean compression : new boolean[] {true, false}) {
            for (boolean checksum : new boolean[] {true, false}) {
                Keyspace ks = keyspace();
                ks.db(0).put(b("plain"), b("value"), NOW);
                ks.db(0).put(b("num"), b("-12345"), NOW);
                ks.db(0).put(b("long"), b("x".repeat(1000)), NOW);
                MutableString m = MutableString.copyOf(b("grown"));
                m.append(b(" by append"), 0, 10);
                ks.db(0).put(b("mutable"), m, NOW);
                ks.db(0).put(b("ttl"), b("soon"), NOW + 60_000, NOW);
                ks.db(0).put(b("expired"), b("gone"), NOW - 1, NOW - 10);
                ks.db(9).put(b("\0bin\r\n"), new byte[] {0, (byte) 0xff, 10}, NOW);
                RdbSnapshotStore store = store(compression, checksum);
                store.save(ks, NOW);
                assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("temp-")));

                Keyspace loaded = keyspace();
                SnapshotStore.LoadResult r = store.load(loaded, NOW);
                assertEquals(6, r.keysLoaded());
                assertEquals(0, r.keysExpired()); // the expired key was not even written
                assertArrayEquals(b("value"), (byte[]) loaded.db(0).get(b("plain"), NOW));
                assertArrayEquals(b("-12345"), (byte[]) loaded.db(0).get(b("num"), NOW));
                assertArrayEquals(b("x".repeat(1000)), (byte[]) loaded.db(0).get(b("long"), NOW));
                assertArrayEquals(b("grown by append"), (byte[]) loaded.db(0).get(b("mutable"), NOW));
                assertEquals(NOW + 60_000, loaded.db(0).expireAt(b("ttl"), NOW));
                assertEquals(Database.NO_EXPIRY, loaded.db(0).expireAt(b("plain"), NOW));
                assertArrayEquals(new byte[] {0, (byte) 0xff, 10}, (byte[]) loaded.db(9).get(b("\0bin\r\n"), NOW));
                assertEquals(6, loaded.totalKeys());
            }
        }
    }

    @Test
    void keysExpiredBeforeTheLoadAreDropped() throws Exception {
        Keyspace ks = keyspace();
        ks.db(0).put(b("short"), b("v"), NOW + 1_000, NOW);
        ks.db(0).put(b("long"), b("v"), NOW + 100_000, NOW);
        RdbSnapshotStore store = store(true, true);
        store.save(ks, NOW);
        Keyspace loaded = keyspace();
        SnapshotStore.LoadResult r = store.load(loaded, NOW + 5_000);
        assertEquals(1, r.keysLoaded());
        assertEquals(1, r.keysExpired());
        assertEquals(1, loaded.db(0).size());
    }

    @Test
    void missingFileLoadsNothing() throws Exception {
        Keyspace ks = keyspace();
        assertEquals(SnapshotStore.LoadResult.NOTHING, store(true, true).load(ks, NOW));
        assertEquals(0, ks.totalKeys());
    }

    @Test
    void redisFileWithEveryTypeLoadsStreamsWithTheirGroups() throws Exception {
        Files.write(dir.resolve("dump.rdb"), RedisFixturesTest.resource("types.rdb"));
        Keyspace ks = keyspace();
        store(true, true).load(ks, NOW);
        io.jredis.domain.value.StreamValue s = (io.jredis.domain.value.StreamValue) ks.db(0).get(
                "s".getBytes(java.nio.charset.StandardCharsets.US_ASCII), NOW);
        assertEquals(3, s.length());
        assertEquals("3-0", s.lastId().toString());
        assertEquals("1-2", s.maxDeletedId().toString());
        assertEquals(4, s.entriesAdded());
        assertEquals(2, s.groups().size());
        io.jredis.domain.value.StreamGroup g1 = s.group("g1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(-1, g1.entriesRead());
        assertEquals("[1-1, 2-0]", g1.pending().keySet().toString());
        assertEquals("alice", new String(g1.pending().firstEntry().getValue().consumer().name(),
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void functionLibrariesAreRejected() throws Exception {
        Files.write(dir.resolve("dump.rdb"), RedisFixturesTest.resource("function.rdb"));
        Keyspace ks = keyspace();
        SnapshotFailure e = assertThrows(SnapshotFailure.class, () -> store(true, true).load(ks, NOW));
        assertTrue(e.getMessage().contains("jredis does not support functions yet"), e.getMessage());
        assertEquals(0, ks.totalKeys());
    }

    @Test
    void corruptFileLoadsNothingAndNamesTheOffset() throws Exception {
        byte[] f = RedisFixturesTest.resource("strings.rdb");
        byte[] truncated = Arrays.copyOf(f, f.length - 20);
        Files.write(dir.resolve("dump.rdb"), truncated);
        Keyspace ks = keyspace();
        SnapshotFailure e = assertThrows(SnapshotFailure.class, () -> store(true, true).load(ks, NOW));
        assertTrue(e.getMessage().endsWith("at byte offset " + truncated.length + ": unexpected end of file"),
                e.getMessage());
        assertEquals(0, ks.totalKeys());
        f[f.length - 1] ^= 0x55;
        Files.write(dir.resolve("dump.rdb"), f);
        e = assertThrows(SnapshotFailure.class, () -> store(true, true).load(ks, NOW));
        assertTrue(e.getMessage().contains("wrong RDB checksum"), e.getMessage());
        assertEquals(0, ks.totalKeys());
    }

    @Test
    void redisStringsFileLoadsWithItsExpiredKeysDropped() throws Exception {
        Files.write(dir.resolve("dump.rdb"), RedisFixturesTest.resource("strings.rdb"));
        Keyspace ks = keyspace();
        long now = System.currentTimeMillis(); // "gone" and "gone3" expired when the fixture was made
        SnapshotStore.LoadResult r = store(true, true).load(ks, now);
        assertEquals(17, r.keysLoaded());
        assertEquals(2, r.keysExpired());
        assertArrayEquals(b("a".repeat(50)), (byte[]) ks.db(0).get(b("lzf"), now));
        assertEquals(4102444800000L, ks.db(3).expireAt(b("db3ttl"), now));
        assertFalse(ks.db(0).stored(b("gone")));
    }

    @Test
    void failedSaveKeepsThePreviousFile() throws Exception {
        Keyspace ks = keyspace();
        ks.db(0).put(b("k"), b("v1"), NOW);
        RdbSnapshotStore store = store(true, true);
        store.save(ks, NOW);
        byte[] before = Files.readAllBytes(dir.resolve("dump.rdb"));
        ServerConfig c = new ServerConfig();
        c.dir = dir.resolve("missing").toString();
        assertThrows(SnapshotFailure.class, () -> new RdbSnapshotStore(c, "7.0.15").save(ks, NOW));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("dump.rdb")));
    }

    @Test
    void valueOfATypeTheWriterLacksFailsTheSaveAndKeepsThePreviousFile() throws Exception {
        Keyspace ks = keyspace();
        ks.db(0).put(b("k"), b("v1"), NOW);
        RdbSnapshotStore store = store(true, true);
        store.save(ks, NOW);
        byte[] before = Files.readAllBytes(dir.resolve("dump.rdb"));
        ks.db(1).put(b("list"), new io.jredis.domain.value.TypedValue() {
            @Override
            public io.jredis.domain.value.ValueType type() {
                return io.jredis.domain.value.ValueType.LIST;
            }

            @Override
            public String encoding() {
                return "quicklist";
            }

            @Override
            public io.jredis.domain.value.TypedValue copy() {
                return this;
            }
        }, NOW);
        SnapshotFailure e = assertThrows(SnapshotFailure.class, () -> store.save(ks, NOW));
        assertEquals("Write error saving DB on disk: jredis cannot write a value of type list to an RDB file yet",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("dump.rdb")));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("dump.rdb"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void fileWithMoreDatabasesThanConfiguredIsRefused() throws Exception {
        Files.write(dir.resolve("dump.rdb"), RedisFixturesTest.resource("strings.rdb")); // has db 15
        Keyspace ks = new Keyspace(4, KeyspaceListener.NONE);
        SnapshotFailure e = assertThrows(SnapshotFailure.class, () -> store(true, true).load(ks, NOW));
        assertTrue(e.getMessage().endsWith("Data file was created with a Redis server configured to handle more than 4"
                + " databases (it has keys in database 15)"), e.getMessage());
        assertEquals(0, ks.totalKeys());
    }
}
