package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redisson's lock, unlock, semaphore and map scripts (their shape: EXISTS, HINCRBY, PEXPIRE, PTTL,
 * PUBLISH left out as pub/sub is not part of this) sent through Jedis to jredis and real Redis
 * alike, plus EVALSHA's NOSCRIPT fallback as clients use it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptingIT {

    static final String LOCK = "if (redis.call('exists', KEYS[1]) == 0) then "
            + "redis.call('hincrby', KEYS[1], ARGV[2], 1); redis.call('pexpire', KEYS[1], ARGV[1]); return nil; end; "
            + "if (redis.call('hexists', KEYS[1], ARGV[2]) == 1) then "
            + "redis.call('hincrby', KEYS[1], ARGV[2], 1); redis.call('pexpire', KEYS[1], ARGV[1]); return nil; end; "
            + "return redis.call('pttl', KEYS[1]);";
    static final String UNLOCK = "if (redis.call('hexists', KEYS[1], ARGV[3]) == 0) then return nil;end; "
            + "local counter = redis.call('hincrby', KEYS[1], ARGV[3], -1); "
            + "if (counter > 0) then redis.call('pexpire', KEYS[1], ARGV[2]); return 0; "
            + "else redis.call('del', KEYS[1]); return 1; end; return nil;";
    static final String SEMAPHORE_ACQUIRE = "local value = redis.call('get', KEYS[1]); "
            + "assert(value ~= false, 'Semaphore is not initialized'); "
            + "if (value ~= false and tonumber(value) >= tonumber(ARGV[1])) then "
            + "local val = redis.call('decrby', KEYS[1], ARGV[1]); return 1; end; return 0;";
    static final String MAP_PUT_IF_ABSENT = "if redis.call('hsetnx', KEYS[1], ARGV[1], ARGV[2]) == 1 then "
            + "return nil else return redis.call('hget', KEYS[1], ARGV[1]) end";
    static final String JSON_BUCKET = "local v = redis.call('get', KEYS[1]); if v == false then return nil end; "
            + "local t = cjson.decode(v); t.count = (t.count or 0) + tonumber(ARGV[1]); "
            + "local out = cjson.encode(t); redis.call('set', KEYS[1], out); return t.count";

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void redissonLockShape(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            j.del("{lock}");
            assertNull(j.eval(LOCK, List.of("{lock}"), List.of("30000", "uuid:1")));
            assertNull(j.eval(LOCK, List.of("{lock}"), List.of("30000", "uuid:1")));
            Object ttl = j.eval(LOCK, List.of("{lock}"), List.of("30000", "uuid:2"));
            assertTrue(ttl instanceof Long l && l > 0 && l <= 30000, String.valueOf(ttl));
            assertEquals("2", j.hget("{lock}", "uuid:1"));
            assertEquals(0L, j.eval(UNLOCK, List.of("{lock}"), List.of("0", "30000", "uuid:1")));
            assertEquals(1L, j.eval(UNLOCK, List.of("{lock}"), List.of("0", "30000", "uuid:1")));
            assertNull(j.eval(UNLOCK, List.of("{lock}"), List.of("0", "30000", "uuid:1")));
            assertEquals(false, j.exists("{lock}"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void semaphoreMapAndJson(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            j.del("sem", "map", "json");
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.eval(SEMAPHORE_ACQUIRE, List.of("sem"), List.of("1")));
            assertTrue(e.getMessage().startsWith("ERR user_script:1: Semaphore is not initialized script: "),
                    e.getMessage());
            j.set("sem", "2");
            assertEquals(1L, j.eval(SEMAPHORE_ACQUIRE, List.of("sem"), List.of("2")));
            assertEquals(0L, j.eval(SEMAPHORE_ACQUIRE, List.of("sem"), List.of("1")));
            assertNull(j.eval(MAP_PUT_IF_ABSENT, List.of("map"), List.of("f", "v1")));
            assertEquals("v1", j.eval(MAP_PUT_IF_ABSENT, List.of("map"), List.of("f", "v2")));
            j.set("json", "{\"count\":1}");
            assertEquals(6L, j.eval(JSON_BUCKET, List.of("json"), List.of("5")));
            assertEquals("{\"count\":6}", j.get("json"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void evalshaFallbackAndReplies(String server) {
        try (Jedis j = new Jedis("127.0.0.1", servers.port(server))) {
            j.scriptFlush();
            String body = "return {KEYS[1], ARGV[1], 3.7, true, false, {ok='fine'}}";
            String sha = "0000000000000000000000000000000000000000";
            assertThrows(JedisNoScriptException.class, () -> j.evalsha(sha, 0));
            String loaded = j.scriptLoad(body);
            assertEquals(true, j.scriptExists(loaded));
            Object r = j.evalsha(loaded, List.of("k"), List.of("a"));
            assertEquals(Arrays.asList("k", "a", 3L, 1L, null, "fine"), r);
            assertEquals("ERR user_script:1: Script attempted to access nonexistent global variable 'x' script: "
                    + "03c387736bb5cc009ff35151572cee04677aa374, on @user_script:1.",
                    assertThrows(JedisDataException.class, () -> j.eval("return x", 0)).getMessage());
            j.set("s", "str");
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.eval("return redis.call('incr', KEYS[1])", List.of("s"), List.of()));
            assertTrue(e.getMessage().startsWith("ERR value is not an integer or out of range script: "),
                    e.getMessage());
        }
    }
}
