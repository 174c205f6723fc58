package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * jredis as a replica of Debian's redis-server 7.0: the initial dataset of every type arrives by
 * full resync (diskless {@code $EOF:} and disk {@code $<len>} transfers), live writes follow
 * (transactions, several databases, expiries), both end equal key by key; a cut link resumes
 * with a partial resync; REPLICAOF NO ONE makes it a writable master.
 */
class ReplicaOfRedisIT {

    /** The master's working directory: a disk-based sync writes its RDB there. */
    @TempDir
    java.nio.file.Path dir;

    private static final String READONLY = "-READONLY You can't write against a read only replica.\r\n";

    /** Every type, several databases, keys with and without expiry. */
    private static void fill(RespConnection m) throws IOException {
        assertEquals("+OK\r\n", m.call("SET", "str", "hello"));
        assertEquals("+OK\r\n", m.call("SET", "num", "12345"));
        assertEquals("+OK\r\n", m.call("SET", "bin\r\n\0key", "v\0\r\n\u00ff"));
        assertEquals("+OK\r\n", m.call("SET", "big", "0123456789".repeat(3000)));
        assertEquals("+OK\r\n", m.call("SET", "ttl", "v", "PXAT", "4102444800123"));
        assertEquals(":3\r\n", m.call("RPUSH", "list", "a", "b", "c"));
        assertEquals(":2\r\n", m.call("HSET", "hash", "f1", "v1", "f2", "v2"));
        assertEquals(":3\r\n", m.call("SADD", "intset", "1", "2", "3"));
        assertEquals(":2\r\n", m.call("SADD", "set", "x", "y"));
        assertEquals(":2\r\n", m.call("ZADD", "zset", "1.5", "m1", "-2", "m2"));
        for (int i = 0; i < 200; i++) {
            m.call("RPUSH", "biglist", "element-" + i);
            m.call("HSET", "bighash", "field-" + i, "value-" + i);
            m.call("ZADD", "bigzset", Integer.toString(i), "member-" + i);
            m.call("SADD", "bigset", "member-" + i);
        }
        assertEquals(":1\r\n", m.call("PEXPIRE", "bighash", "3600000"));
        assertEquals("+OK\r\n", m.call("SELECT", "5"));
        assertEquals("+OK\r\n", m.call("SET", "db5", "five", "EX", "3600"));
        assertEquals("+OK\r\n", m.call("SELECT", "0"));
    }

    /** Live writes after the sync: plain, transactional, in another database, with expiries. */
    private static void writeLive(RespConnection m, String tag) throws IOException {
        assertEquals("+OK\r\n", m.call("SET", "live-" + tag, "1"));
        assertEquals(":2\r\n", m.call("INCR", "live-" + tag));
        m.call("LPUSH", "list", "pushed-" + tag);
        m.call("HINCRBYFLOAT", "hash", "float", "1.5");
        m.call("ZINCRBY", "zset", "3", "m2");
        m.call("SREM", "set", "x");
        m.call("EXPIRE", "str", "1000");
        assertEquals("+OK\r\n", m.call("MULTI"));
        assertEquals("+QUEUED\r\n", m.call("SET", "tx-" + tag, "a"));
        assertEquals("+QUEUED\r\n", m.call("APPEND", "tx-" + tag, "b"));
        assertEquals("+QUEUED\r\n", m.call("SADD", "txset-" + tag, "p", "q"));
        assertEquals("*3\r\n+OK\r\n:2\r\n:2\r\n", m.call("EXEC"));
        assertEquals("+OK\r\n", m.call("SELECT", "7"));
        assertEquals("+OK\r\n", m.call("SET", "db7-" + tag, "seven"));
        assertEquals("+OK\r\n", m.call("SELECT", "0"));
        m.call("DEL", "num", "live-" + tag);
    }

    /** db:key → type|value|pexpiretime, with plain commands, members sorted where unordered. */
    private static Map<String, String> contents(RespConnection c) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (int db = 0; db < 16; db++) {
            assertEquals("+OK\r\n", c.call("SELECT", Integer.toString(db)));
            for (String key : RespConnection.bulkStrings(c.call("KEYS", "*"))) {
                String type = c.call("TYPE", key);
                String value = switch (type) {
                    case "+string\r\n" -> c.call("GET", key);
                    case "+list\r\n" -> c.call("LRANGE", key, "0", "-1");
                    case "+hash\r\n" -> sorted(c.call("HGETALL", key));
                    case "+set\r\n" -> sorted(c.call("SMEMBERS", key));
                    case "+zset\r\n" -> c.call("ZRANGE", key, "0", "-1", "WITHSCORES");
                    default -> "unexpected type " + type;
                };
                all.put(db + ":" + key, type.trim() + "|" + value + "|" + c.call("PEXPIRETIME", key));
            }
        }
        assertEquals("+OK\r\n", c.call("SELECT", "0"));
        return all;
    }

    private static String sorted(String reply) throws IOException {
        List<String> items = RespConnection.bulkStrings(reply);
        Collections.sort(items);
        return items.toString();
    }

    private static String info(RespConnection c, String field) throws IOException {
        String text = c.call("INFO", "replication") + c.call("INFO", "stats");
        for (String l : text.split("\r\n")) {
            if (l.startsWith(field + ":")) {
                return l.substring(field.length() + 1);
            }
        }
        return null;
    }

    private static void await(String what, BooleanSupplier condition, ServerProcess... servers) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (ServerProcess s : servers) {
                    logs.append("\n---- ").append(s.port()).append('\n').append(s.output());
                }
                fail("timed out waiting for " + what + logs);
            }
            Thread.sleep(20);
        }
    }

    private static BooleanSupplier linkUp(RespConnection replica) {
        return () -> {
            try {
                return "up".equals(info(replica, "master_link_status"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The master waits until the replica acknowledged every write so far (GETACK, ACK). */
    private static void awaitAck(RespConnection master) throws IOException {
        assertEquals(":1\r\n", master.call("WAIT", "1", "10000"));
    }

    @Test
    void disklessFullResyncLiveStreamPartialResyncAndPromotion() throws Exception {
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--repl-diskless-sync", "yes",
                "--repl-diskless-sync-delay", "0", "--enable-debug-command", "yes");
             RespConnection master = RespConnection.to(redis)) {
            fill(master);
            try (JRedisProcess jredis = JRedisProcess.start("--replicaof", "127.0.0.1 " + redis.port());
                 RespConnection replica = RespConnection.to(jredis)) {
                await("the link to come up", linkUp(replica), jredis, redis);
                assertEquals(contents(master), contents(replica));
                assertTrue(jredis.output().contains("receiving streamed RDB from master with EOF"), jredis.output());

                writeLive(master, "a");
                awaitAck(master);
                assertEquals(contents(master), contents(replica));
                assertEquals(info(master, "master_repl_offset"), info(replica, "slave_repl_offset"));
                assertEquals(info(master, "master_replid"), info(replica, "master_replid"));

                // read-only: writes refused, also queued in MULTI; reads fine
                assertEquals(READONLY, replica.call("SET", "str", "x"));
                assertEquals(READONLY, replica.call("DEL", "str"));
                assertEquals("+OK\r\n", replica.call("MULTI"));
                assertEquals(READONLY, replica.call("INCR", "n"));
                assertEquals("+QUEUED\r\n", replica.call("GET", "str"));
                assertEquals("-EXECABORT Transaction discarded because of previous errors.\r\n", replica.call("EXEC"));
                String role = replica.call("ROLE");
                assertTrue(role.startsWith("*5\r\n$5\r\nslave\r\n$9\r\n127.0.0.1\r\n:" + redis.port()
                        + "\r\n$9\r\nconnected\r\n:"), role);

                // expiry: the replica hides a key past its time but keeps it until the master's DEL
                assertEquals("+OK\r\n", master.call("DEBUG", "SET-ACTIVE-EXPIRE", "0"));
                assertEquals("+OK\r\n", master.call("SET", "short", "v", "PX", "150"));
                awaitAck(master);
                assertEquals(":1\r\n", replica.call("EXISTS", "short"));
                await("the key's time to pass", () -> {
                    try {
                        return replica.call("GET", "short").equals("$-1\r\n");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, jredis, redis);
                // both still hold it (the master has not looked at it since)
                assertEquals(master.call("DBSIZE"), replica.call("DBSIZE"));
                assertEquals("$-1\r\n", master.call("GET", "short")); // the master expires it: DEL follows
                awaitAck(master);
                assertEquals(contents(master), contents(replica));
                assertEquals("+OK\r\n", master.call("DEBUG", "SET-ACTIVE-EXPIRE", "1"));

                // cut the link: it comes back with +CONTINUE, writes made meanwhile arrive
                long partialBefore = Long.parseLong(info(master, "sync_partial_ok"));
                long fullBefore = Long.parseLong(info(master, "sync_full"));
                assertEquals(":1\r\n", replica.call("CLIENT", "KILL", "TYPE", "master"));
                writeLive(master, "b");
                await("a partial resync", () -> {
                    try {
                        return Long.parseLong(info(master, "sync_partial_ok")) == partialBefore + 1;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, jredis, redis);
                await("the link to come up again", linkUp(replica), jredis, redis);
                awaitAck(master);
                assertEquals(contents(master), contents(replica));
                assertEquals(fullBefore, Long.parseLong(info(master, "sync_full")));
                assertTrue(jredis.output().contains("Successful partial resynchronization with master."));

                // promotion: writable, the old master's id becomes the secondary one
                String masterId = info(master, "master_replid");
                String offset = info(replica, "master_repl_offset");
                assertEquals("+OK\r\n", replica.call("REPLICAOF", "NO", "ONE"));
                assertEquals("master", info(replica, "role"));
                assertEquals(masterId, info(replica, "master_replid2"));
                assertEquals(Long.parseLong(offset) + 1, Long.parseLong(info(replica, "second_repl_offset")));
                assertEquals("+OK\r\n", replica.call("SET", "str", "written on the promoted replica"));
                assertEquals("$31\r\nwritten on the promoted replica\r\n", replica.call("GET", "str"));
                assertEquals("+OK\r\n", replica.call("REPLICAOF", "NO", "ONE"));
            }
        }
    }

    /** The field names of INFO replication, in order. */
    private static List<String> fieldNames(RespConnection c) throws IOException {
        List<String> names = new ArrayList<>();
        for (String l : c.call("INFO", "replication").split("\r\n")) {
            int colon = l.indexOf(':');
            if (colon > 0 && !l.startsWith("$")) {
                names.add(l.substring(0, colon));
            }
        }
        return names;
    }

    @Test
    void infoReplicationAndRoleHaveRedisFieldsNextToARealReplica() throws Exception {
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--repl-diskless-sync-delay", "0");
             RespConnection master = RespConnection.to(redis);
             RealRedisProcess realReplica = RealRedisProcess.start("--dir", dir.toString(),
                     "--replicaof", "127.0.0.1 " + redis.port());
             RespConnection real = RespConnection.to(realReplica);
             JRedisProcess jredis = JRedisProcess.start("--replicaof", "127.0.0.1 " + redis.port());
             RespConnection replica = RespConnection.to(jredis)) {
            await("both links to come up", () -> linkUp(real).getAsBoolean() && linkUp(replica).getAsBoolean(),
                    jredis, redis, realReplica);
            assertEquals(fieldNames(real), fieldNames(replica));
            String realRole = real.call("ROLE").replaceAll(":\\d+\r\n$", ":N\r\n");
            String ourRole = replica.call("ROLE").replaceAll(":\\d+\r\n$", ":N\r\n");
            assertEquals(realRole, ourRole);
            // the link down: both report it the same way
            assertEquals("+OK\r\n", real.call("REPLICAOF", "127.0.0.1", "1"));
            assertEquals("+OK\r\n", replica.call("REPLICAOF", "127.0.0.1", "1"));
            assertEquals(fieldNames(real), fieldNames(replica));
            assertEquals(info(real, "master_link_down_since_seconds"), info(replica, "master_link_down_since_seconds"));
            assertEquals("+OK\r\n", real.call("REPLICAOF", "NO", "ONE"));
            assertEquals("+OK\r\n", replica.call("REPLICAOF", "NO", "ONE"));
            assertEquals(fieldNames(real), fieldNames(replica));
        }
    }

    @Test
    void replicaRestartedFromItsOwnSnapshotResumesWithPartialResync(@TempDir java.nio.file.Path replicaDir)
            throws Exception {
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--repl-diskless-sync-delay", "0");
             RespConnection master = RespConnection.to(redis)) {
            fill(master);
            String[] args = {"--replicaof", "127.0.0.1 " + redis.port(), "--dir", replicaDir.toString(),
                "--save", "3600 1"};
            try (JRedisProcess jredis = JRedisProcess.start(args);
                 RespConnection replica = RespConnection.to(jredis)) {
                await("the link to come up", linkUp(replica), jredis, redis);
                writeLive(master, "a");
                awaitAck(master);
            } // SIGTERM: the replica saves its data with its position in the master's stream
            writeLive(master, "b"); // while the replica is down
            long partialBefore = Long.parseLong(info(master, "sync_partial_ok"));
            long fullBefore = Long.parseLong(info(master, "sync_full"));
            try (JRedisProcess jredis = JRedisProcess.start(args);
                 RespConnection replica = RespConnection.to(jredis)) {
                await("the link to come up again", linkUp(replica), jredis, redis);
                awaitAck(master);
                assertEquals(partialBefore + 1, Long.parseLong(info(master, "sync_partial_ok")));
                assertEquals(fullBefore, Long.parseLong(info(master, "sync_full")));
                assertEquals(contents(master), contents(replica));
            }
        }
    }

    @Test
    void diskFullResyncByReplicaofCommand() throws Exception {
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString(), "--repl-diskless-sync", "no");
             RespConnection master = RespConnection.to(redis);
             JRedisProcess jredis = JRedisProcess.start();
             RespConnection replica = RespConnection.to(jredis)) {
            fill(master);
            assertEquals("+OK\r\n", replica.call("SET", "old", "data that the full resync flushes"));
            assertEquals("-ERR Invalid master port\r\n", replica.call("REPLICAOF", "127.0.0.1", "70000"));
            assertEquals("-ERR Invalid master port\r\n", replica.call("REPLICAOF", "127.0.0.1", "0" + redis.port()));
            assertEquals("+OK\r\n", replica.call("REPLICAOF", "127.0.0.1", Integer.toString(redis.port())));
            assertEquals("+OK Already connected to specified master\r\n",
                    replica.call("SLAVEOF", "127.0.0.1", Integer.toString(redis.port())));
            await("the link to come up", linkUp(replica), jredis, redis);
            assertTrue(jredis.output().contains("bytes from master to memory"), jredis.output());
            assertEquals(contents(master), contents(replica));
            writeLive(master, "a");
            awaitAck(master);
            assertEquals(contents(master), contents(replica));
            assertEquals("*2\r\n$9\r\nreplicaof\r\n$" + (10 + Integer.toString(redis.port()).length()) + "\r\n127.0.0.1 "
                    + redis.port() + "\r\n", replica.call("CONFIG", "GET", "replicaof"));
            assertEquals("+OK\r\n", replica.call("CONFIG", "SET", "replica-read-only", "no"));
            assertEquals("+OK\r\n", replica.call("SET", "local", "allowed when replica-read-only is no"));
        }
    }
}
