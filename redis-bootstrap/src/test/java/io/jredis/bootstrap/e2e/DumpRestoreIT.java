package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every type and encoding built the same way in redis-server and jredis: DUMP gives the same
 * bytes where Redis's encoding is deterministic, and each side's payload RESTOREs in the other
 * to the same data (and the same OBJECT ENCODING).
 */
class DumpRestoreIT {

    private static SideBySide servers;
    private static Jedis redis;
    private static Jedis jredis;

    @BeforeAll
    static void start() {
        servers = SideBySide.start();
        redis = new Jedis("127.0.0.1", servers.port("redis"));
        jredis = new Jedis("127.0.0.1", servers.port("jredis"));
    }

    @AfterAll
    static void stop() {
        redis.close();
        jredis.close();
        servers.close();
    }

    /** Values built by these commands on key "k"; true when Redis's bytes are deterministic. */
    private static Map<List<String>, Boolean> cases() {
        Map<List<String>, Boolean> c = new LinkedHashMap<>();
        c.put(List.of("SET k 12345"), true);
        c.put(List.of("SET k 123456789012345"), true);
        c.put(List.of("SET k hello"), true);
        c.put(List.of("SET k " + "x".repeat(100)), true);
        c.put(List.of("SET k abcdefghijklmnopqrstuvwxyz0123456789"), true);
        c.put(List.of("RPUSH k a b 1 -2 300 70000 " + "y".repeat(70)), true);
        c.put(List.of("RPUSH k " + words("elem", 3000)), true);
        c.put(List.of("LPUSH k " + words("e", 2000)), false); // node boundaries follow head pushes
        c.put(List.of("HSET k f1 v1 f2 2 f3 " + "z".repeat(30)), true);
        c.put(List.of("HSET k " + words("f", 300)), false); // hashtable order
        c.put(List.of("SADD k 1 5 -3 100"), true);
        c.put(List.of("SADD k 1 7000000000"), true);
        c.put(List.of("SADD k 1 70000", "SREM k 70000"), true); // an intset never narrows
        c.put(List.of("SADD k a b c"), false);
        c.put(List.of("SADD k " + words("", 600).replace("_", "")), false);
        c.put(List.of("ZADD k 1 a 2.5 b -3 c 1e20 d inf e 0.1 f"), true);
        c.put(List.of("ZADD k " + scored(200)), true);
        c.put(List.of("XADD k 1-1 a 1 b 2", "XADD k 1-2 a 3 b 4", "XADD k 2-0 c x"), true);
        List<String> big = new ArrayList<>();
        for (int i = 1; i < 250; i++) {
            big.add("XADD k " + i + "-1 f v" + i);
        }
        c.put(big, true);
        c.put(List.of("XADD k 1-1 a 1", "XADD k 2-1 a 2", "XADD k 3-1 a 3", "XGROUP CREATE k g1 0",
                "XREADGROUP GROUP g1 alice COUNT 2 STREAMS k >", "XREADGROUP GROUP g1 bob STREAMS k >",
                "XDEL k 2-1", "XACK k g1 1-1", "XGROUP CREATE k g0 $"), false); // seen-times
        return c;
    }

    private static String words(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(prefix).append(prefix.isEmpty() ? "" : "_").append(i);
        }
        return sb.toString();
    }

    private static String scored(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(i * 1.5).append(" m").append(i);
        }
        return sb.toString();
    }

    private static void run(Jedis j, String command) {
        String[] parts = command.split(" ");
        String[] args = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        j.sendCommand(() -> parts[0].getBytes(StandardCharsets.US_ASCII), args);
    }

    @Test
    void dumpBytesAndRestoresAgreeBothWays() {
        for (Map.Entry<List<String>, Boolean> c : cases().entrySet()) {
            String name = c.getKey().get(0);
            name = name.substring(0, Math.min(40, name.length()));
            for (Jedis j : List.of(redis, jredis)) {
                j.flushAll();
                c.getKey().forEach(cmd -> run(j, cmd));
            }
            byte[] fromRedis = redis.dump("k");
            byte[] fromJRedis = jredis.dump("k");
            if (c.getValue()) {
                assertArrayEquals(fromRedis, fromJRedis, "DUMP after " + name);
            }
            assertEquals("OK", jredis.restore("r".getBytes(), 0, fromRedis), name);
            assertEquals("OK", redis.restore("r".getBytes(), 0, fromJRedis), name);
            assertEquals(contents(redis, "k"), contents(jredis, "r"), "redis payload restored in jredis: " + name);
            assertEquals(contents(jredis, "k"), contents(redis, "r"), "jredis payload restored in redis: " + name);
            assertEquals(redis.objectEncoding("k"), jredis.objectEncoding("r"), name);
            assertEquals(redis.objectEncoding("r"), jredis.objectEncoding("k"), name);
        }
    }

    /** The data of a key in a form that ignores hashtable order (and stream consumers' times). */
    private static String contents(Jedis j, String key) {
        String type = j.type(key);
        return type + ":" + switch (type) {
            case "string" -> j.get(key);
            case "list" -> j.lrange(key, 0, -1).toString();
            case "set" -> new java.util.TreeSet<>(j.smembers(key)).toString();
            case "hash" -> new TreeMap<>(j.hgetAll(key)).toString();
            case "zset" -> j.zrangeWithScores(key, 0, -1).toString();
            case "stream" -> textOf(j.sendCommand(Protocol.Command.XRANGE, key, "-", "+"))
                    + textOf(j.sendCommand(Protocol.Command.XINFO, "GROUPS", key))
                    + (j.xinfoGroups(key).isEmpty() ? "" : pending(j, key));
            default -> "?";
        };
    }

    /** The pending entries of group g1 without their idle times. */
    private static String pending(Jedis j, String key) {
        List<String> out = new ArrayList<>();
        for (Object entry : (List<?>) j.sendCommand(Protocol.Command.XPENDING, key, "g1", "-", "+", "10")) {
            List<?> e = (List<?>) entry;
            out.add(textOf(e.get(0)) + "/" + textOf(e.get(1)) + "/" + e.get(3));
        }
        return out.toString();
    }

    private static String textOf(Object reply) {
        if (reply instanceof byte[] b) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        if (reply instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                out.add(textOf(o));
            }
            return out.toString();
        }
        if (reply instanceof redis.clients.jedis.exceptions.JedisDataException e) {
            return e.getMessage();
        }
        return String.valueOf(reply);
    }

    @Test
    void refusedPayloadsAsRedisRefusesThem() {
        redis.set("s", "hello");
        byte[] good = redis.dump("s");
        byte[] corrupt = good.clone();
        corrupt[corrupt.length - 1] ^= 1;
        byte[] newer = good.clone();
        newer[newer.length - 10] = 11;
        for (byte[] p : List.of(corrupt, newer, "short".getBytes())) {
            assertEquals(error(redis, p), error(jredis, p));
        }
    }

    private static String error(Jedis j, byte[] payload) {
        try {
            return j.restore("e".getBytes(), 0, payload);
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return e.getMessage();
        }
    }

    @Test
    void migrateBetweenTheTwoServersBothWays() {
        int redisPort = servers.port("redis");
        int jredisPort = servers.port("jredis");
        for (boolean toRedis : new boolean[] {true, false}) {
            Jedis source = toRedis ? jredis : redis;
            Jedis target = toRedis ? redis : jredis;
            String port = String.valueOf(toRedis ? redisPort : jredisPort);
            source.flushAll();
            target.flushAll();
            run(source, "RPUSH l a b c");
            run(source, "HSET h f v");
            run(source, "ZADD z 1 m");
            run(source, "XADD x 1-1 f v");
            run(source, "SET s v");
            source.pexpire("s", 100_000);
            assertEquals("OK", migrate(source, "127.0.0.1", port, "", "2", "5000", "KEYS", "l", "h", "z", "x", "s", "nosuch"));
            assertEquals(0L, source.exists("l", "h", "z", "x", "s"));
            target.select(2);
            assertEquals("[a, b, c]", target.lrange("l", 0, -1).toString());
            assertEquals("v", target.hget("h", "f"));
            assertEquals(1.0, target.zscore("z", "m"));
            assertEquals(1L, target.xlen("x"));
            long ttl = target.pttl("s");
            org.junit.jupiter.api.Assertions.assertTrue(ttl > 90_000 && ttl <= 100_000, "ttl " + ttl);
            target.select(0);

            source.set("s", "again");
            assertEquals("ERR Target instance replied with error: BUSYKEY Target key name already exists.",
                    migrate(source, "127.0.0.1", port, "s", "2", "5000"));
            assertEquals("OK", migrate(source, "127.0.0.1", port, "s", "2", "5000", "COPY", "REPLACE"));
            assertEquals("again", source.get("s"));
            assertEquals("NOKEY", migrate(source, "127.0.0.1", port, "nosuch", "0", "5000"));
        }
        // a port nobody listens on: the same error from both
        int closed = FreePorts.ephemeral();
        jredis.set("k", "v");
        redis.set("k", "v");
        assertEquals(migrate(redis, "127.0.0.1", String.valueOf(closed), "k", "0", "500"),
                migrate(jredis, "127.0.0.1", String.valueOf(closed), "k", "0", "500"));
    }

    private static String migrate(Jedis j, String... args) {
        try {
            return textOf(j.sendCommand(() -> "MIGRATE".getBytes(StandardCharsets.US_ASCII), args));
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return e.getMessage();
        }
    }
}
