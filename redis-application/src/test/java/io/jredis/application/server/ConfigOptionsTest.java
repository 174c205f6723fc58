package io.jredis.application.server;

import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.server.ConfigOptions.ConfigException;
import io.jredis.application.server.ConfigOptions.Option;
import io.jredis.application.server.ConfigOptions.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigOptionsTest {

    private final ServerConfig config = new ServerConfig();
    private final Source runtime = Source.runtime(ServerLifecycle.NONE);

    private String get(String name) {
        return ConfigOptions.lookup(name).get(config);
    }

    private void set(String name, String value) throws ConfigException {
        ConfigOptions.lookup(name).set(config, value, runtime);
    }

    private String refused(String name, String value) {
        return assertThrows(ConfigException.class, () -> set(name, value)).getMessage();
    }

    @Test
    void defaultsPrintAsRedis7() {
        assertEquals("0", get("maxmemory"));
        assertEquals("3600 1 300 100 60 10000", get("save"));
        assertEquals("normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60",
                get("client-output-buffer-limit"));
        assertEquals("536870912", get("proto-max-bulk-len"));
        assertEquals("1073741824", get("client-query-buffer-limit"));
        assertEquals("yes", get("protected-mode"));
        assertEquals("no", get("appendonly"));
        assertEquals("noeviction", get("maxmemory-policy"));
        assertEquals("1048576", get("repl-backlog-size"));
        assertEquals("", get("replicaof"));
    }

    @Test
    void namesAndAliasesAreCaseInsensitive() {
        assertSame(ConfigOptions.lookup("replicaof"), ConfigOptions.lookup("SLAVEOF"));
        assertSame(ConfigOptions.lookup("replica-read-only"), ConfigOptions.lookup("slave-read-only"));
        assertSame(ConfigOptions.lookup("repl-ping-replica-period"), ConfigOptions.lookup("repl-ping-slave-period"));
        assertSame(ConfigOptions.lookup("replica-priority"), ConfigOptions.lookup("Slave-Priority"));
        assertNotNull(ConfigOptions.lookup("MaxMemory"));
        assertNull(ConfigOptions.lookup("nosuch"));
    }

    @Test
    void integersAreStrictAndRanged() throws ConfigException {
        assertEquals("argument couldn't be parsed into an integer", refused("maxclients", "abc"));
        assertEquals("argument couldn't be parsed into an integer", refused("timeout", "01"));
        assertEquals("argument couldn't be parsed into an integer", refused("timeout", "+1"));
        assertEquals("argument couldn't be parsed into an integer", refused("maxclients", "1k"));
        assertEquals("argument must be between 0 and 65535 inclusive", refused("port", "70000"));
        assertEquals("argument must be between 1 and 4294967295 inclusive", refused("maxclients", "0"));
        assertEquals("argument must be between 1 and 2147483647 inclusive", refused("repl-timeout", "0"));
        set("timeout", "30");
        assertEquals(30, config.timeoutSeconds);
    }

    @Test
    void hzIsClampedAsRedisDoes() throws ConfigException {
        set("hz", "1000");
        assertEquals("500", get("hz"));
        set("hz", "0");
        assertEquals("1", get("hz"));
        assertEquals("argument must be between 0 and 2147483647 inclusive", refused("hz", "-1"));
    }

    @Test
    void memoryUnitsAreDecimalOrBinaryInAnyCase() throws ConfigException {
        set("maxmemory", "100k");
        assertEquals("100000", get("maxmemory"));
        set("maxmemory", "1KB");
        assertEquals("1024", get("maxmemory"));
        set("maxmemory", "2mb");
        assertEquals(2L * 1024 * 1024, config.maxmemory);
        set("maxmemory", "1g");
        assertEquals("1000000000", get("maxmemory"));
        set("maxmemory", "1Gb");
        assertEquals(1024L * 1024 * 1024, config.maxmemory);
        set("maxmemory", "01");
        assertEquals("1", get("maxmemory"));
        assertEquals("argument must be a memory value", refused("maxmemory", "1.5gb"));
        assertEquals("argument must be a memory value", refused("maxmemory", "-1"));
        assertEquals("argument must be a memory value", refused("maxmemory", " 1"));
        assertEquals("argument must be between 1048576 and 9223372036854775807 inclusive",
                refused("proto-max-bulk-len", "1"));
    }

    @Test
    void backlogHasRedisMinimum() throws ConfigException {
        set("repl-backlog-size", "1");
        assertEquals("16384", get("repl-backlog-size"));
    }

    @Test
    void booleansAndEnums() throws ConfigException {
        assertEquals("argument must be 'yes' or 'no'", refused("protected-mode", "maybe"));
        set("appendonly", "YES");
        assertTrue(config.appendonly);
        set("maxmemory-policy", "ALLKEYS-LRU");
        assertEquals("allkeys-lru", get("maxmemory-policy"));
        assertEquals("argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, "
                + "volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction", refused("maxmemory-policy", "x"));
        assertEquals("argument(s) must be one of the following: everysec, always, no", refused("appendfsync", "x"));
        assertEquals("argument(s) must be one of the following: debug, verbose, notice, warning",
                refused("loglevel", "nothing"));
    }

    @Test
    void saveParsesPairsAndNormalizesNumbers() throws ConfigException {
        set("save", "0100 1");
        assertEquals("100 1", get("save"));
        set("save", "");
        assertEquals("", get("save"));
        assertEquals("Invalid save parameters", refused("save", "100 1 50"));
        assertEquals("Invalid save parameters", refused("save", "abc 1"));
        assertEquals("Invalid save parameters", refused("save", "0 1"));
        assertEquals("Invalid save parameters", refused("save", " "));
        set("save", "100 0");
        assertEquals("100 0", get("save"));
    }

    @Test
    void saveLinesOfAConfigFileAddUp() throws ConfigException {
        Source file = Source.file(ServerLifecycle.NONE);
        Option save = ConfigOptions.lookup("save");
        save.set(config, List.of("900", "1"), file);
        save.set(config, List.of("300", "10"), file);
        assertEquals("900 1 300 10", config.save);
        save.set(config, List.of(""), file);
        assertEquals("", config.save);
    }

    @Test
    void outputLimitsPerClass() throws ConfigException {
        set("client-output-buffer-limit", "normal 1mb 2MB 10");
        assertEquals("normal 1048576 2097152 10 slave 268435456 67108864 60 pubsub 33554432 8388608 60",
                get("client-output-buffer-limit"));
        set("client-output-buffer-limit", "replica 1 2 3");
        assertEquals("normal 1048576 2097152 10 slave 1 2 3 pubsub 33554432 8388608 60",
                get("client-output-buffer-limit"));
        assertEquals("Wrong number of arguments in buffer limit configuration.",
                refused("client-output-buffer-limit", "normal 1 2"));
        assertEquals("Invalid client class specified in buffer limit configuration.",
                refused("client-output-buffer-limit", "master 1 2 3"));
        assertEquals("Error in hard, soft or soft_seconds setting in buffer limit configuration.",
                refused("client-output-buffer-limit", "pubsub -1 2 3"));
        assertEquals("Error in hard, soft or soft_seconds setting in buffer limit configuration.",
                refused("client-output-buffer-limit", "normal 1 2 x"));
    }

    @Test
    void bindAndFileNames() throws ConfigException {
        set("bind", "127.0.0.1 -::1");
        assertEquals(List.of("127.0.0.1", "-::1"), config.bind);
        assertEquals("127.0.0.1 -::1", get("bind"));
        assertEquals("Too many bind addresses specified.", refused("bind", "a b c d e f g h i j k l m n o p q"));
        assertEquals("dbfilename can't be a path, just a filename", refused("dbfilename", "a/b"));
        assertEquals("appendfilename can't be a path, just a filename", refused("appendfilename", "a/b"));
    }

    @Test
    void replicaofTakesHostAndPortOrNoOne() throws ConfigException {
        set("replicaof", "127.0.0.1 6380");
        assertEquals("127.0.0.1 6380", get("replicaof"));
        set("slaveof", "no one");
        assertEquals("", get("replicaof"));
        assertEquals("Invalid master port", refused("replicaof", "1.2.3.4 x"));
        assertEquals("wrong number of arguments", refused("replicaof", "1.2.3.4"));
    }

    @Test
    void mutabilityFollowsRedis() {
        for (String immutable : List.of("daemonize", "databases", "logfile", "pidfile", "tcp-backlog",
                "appendfilename", "appenddirname", "rdbchecksum", "replicaof")) {
            assertFalse(ConfigOptions.lookup(immutable).mutable(), immutable);
        }
        assertTrue(ConfigOptions.lookup("dir").protectedConfig());
        assertTrue(ConfigOptions.lookup("dbfilename").protectedConfig());
        assertTrue(ConfigOptions.lookup("maxmemory").mutable());
        assertFalse(ConfigOptions.lookup("maxmemory").protectedConfig());
    }

    @Test
    void everyMutableValueReadsBack() throws ConfigException {
        // CONFIG SET restores old values by setting what CONFIG GET printed
        for (Option o : ConfigOptions.all()) {
            if (!o.mutable()) {
                continue;
            }
            String before = o.get(config);
            o.set(config, before, runtime);
            assertEquals(before, o.get(config), o.name());
        }
    }
}
