package io.jredis.application.command.server;

import io.jredis.application.testing.Transcript;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * hash-max-listpack-*, zset-max-listpack-* and set-max-intset-entries: CONFIG SET changes the
 * encoding of later writes; replies recorded from a real redis-server 7.0.15 over RESP3.
 */
class EncodingLimitsConfigTest {

    private final CommandTester t = new CommandTester();

    @AfterEach
    void backToDefaults() {
        new CommandTester(); // a new server applies its (default) configuration's limits
    }

    @Test
    void limitsSetAtRuntimeDecideTheEncodingOfLaterWrites() {
        Transcript.replay(t, """
            "config", "set", "hash-max-listpack-value", "1kb" => OK
            "config", "set", "hash-max-listpack-entries", "1kb" => (error) ERR CONFIG SET failed (possibly related to argument 'hash-max-listpack-entries') - argument couldn't be parsed into an integer
            "config", "set", "hash-max-ziplist-entries", "2" => OK
            "config", "set", "zset-max-listpack-value", "2k" => OK
            "config", "set", "set-max-intset-entries", "-1" => (error) ERR CONFIG SET failed (possibly related to argument 'set-max-intset-entries') - argument must be between 0 and 9223372036854775807 inclusive
            "config", "get", "hash-max-listpack-entries" => {"hash-max-listpack-entries"="2"}
            "config", "get", "hash-max-listpack-value" => {"hash-max-listpack-value"="1024"}
            "config", "get", "zset-max-listpack-value" => {"zset-max-listpack-value"="2000"}
            "hset", "h", "a", "1", "b", "2" => (integer) 2
            "object", "encoding", "h" => "listpack"
            "hset", "h", "c", "3" => (integer) 1
            "object", "encoding", "h" => "hashtable"
            "config", "set", "zset-max-listpack-entries", "0" => OK
            "zadd", "z", "1", "a" => (integer) 1
            "object", "encoding", "z" => "skiplist"
            "config", "set", "zset-max-listpack-entries", "2", "zset-max-listpack-value", "3" => OK
            "zadd", "z2", "1", "a", "2", "b" => (integer) 2
            "object", "encoding", "z2" => "listpack"
            "zadd", "z3", "1", "abcd" => (integer) 1
            "object", "encoding", "z3" => "skiplist"
            "config", "set", "set-max-intset-entries", "2" => OK
            "sadd", "s", "1", "2" => (integer) 2
            "object", "encoding", "s" => "intset"
            "sadd", "s", "3" => (integer) 1
            "object", "encoding", "s" => "hashtable"
            "zadd", "z4", "1", "a", "2", "b", "3", "c" => (integer) 3
            "zrangestore", "z5", "z4", "0", "1" => (integer) 2
            "object", "encoding", "z5" => "listpack"
            "config", "set", "hash-max-listpack-value", "3" => OK
            "hset", "h2", "f", "abcd" => (integer) 1
            "object", "encoding", "h2" => "hashtable"
            """);
    }

    @Test
    void aNewServerStartsFromItsOwnConfiguration() {
        t.run("CONFIG", "SET", "hash-max-listpack-entries", "1");
        CommandTester fresh = new CommandTester();
        fresh.run("HSET", "h", "a", "1", "b", "2");
        assertEquals("\"listpack\"", fresh.run("OBJECT", "ENCODING", "h"));
    }
}
