package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/** MSET, MSETNX, MGET, GETSET and GETDEL: every reply below was recorded from a real Redis 7.0.15 (see {@link RedisTranscript}). */
class MultiKeyTranscriptTest {

    private final CommandTester t = new CommandTester();

    @Test
    void repliesAsRedis7() {
        RedisTranscript.replay(t, """
            "flushall" => OK
            "lpush", "lx", "a" => (integer) 1
            "setex", "lx", "10", "v" => OK
            "type", "lx" => string
            "setnx", "lx", "v" => (integer) 0
            "mset", "a" => (error) ERR wrong number of arguments for 'mset' command
            "mset", "a", "1", "b" => (error) ERR wrong number of arguments for 'mset' command
            "mset", "a", "1", "b", "2" => OK
            "msetnx", "a", "1", "b" => (error) ERR wrong number of arguments for 'msetnx' command
            "msetnx", "a", "3", "c", "4" => (integer) 0
            "msetnx", "c", "3", "d", "4" => (integer) 1
            "mget", "a", "b", "c", "d", "lx", "nope" => ["1", "2", "3", "4", "v", (nil)]
            "msetnx", "x", "1", "x", "2" => (integer) 1
            "get", "x" => "2"
            "mset", "y", "1", "y", "2" => OK
            "get", "y" => "2"
            "getset", "gs", "1" => (nil)
            "getset", "gs", "2" => "1"
            "getset", "lx", "2" => "v"
            "expire", "gs", "100" => (integer) 1
            "getset", "gs", "3" => "2"
            "ttl", "gs" => (integer) -1
            "getdel", "gs" => "3"
            "getdel", "gs" => (nil)
            "getdel", "lx" => "2"
            "lpush", "list", "a" => (integer) 1
            "mget", "list", "a", "list" => [(nil), "1", (nil)]
            "msetnx", "list", "1", "new", "2" => (integer) 0
            "exists", "new" => (integer) 0
            "mset", "list", "1" => OK
            "get", "list" => "1"
            "set", "t", "v", "ex", "100" => OK
            "mset", "t", "w" => OK
            "ttl", "t" => (integer) -1
            "set", "t", "v", "ex", "100" => OK
            "msetnx", "t", "w" => (integer) 0
            "ttl", "t" => (integer) 100
            "mget" => (error) ERR wrong number of arguments for 'mget' command
            "getset", "g" => (error) ERR wrong number of arguments for 'getset' command
            "getdel" => (error) ERR wrong number of arguments for 'getdel' command
            "getdel", "a", "b" => (error) ERR wrong number of arguments for 'getdel' command
            "getdel", "list2" => (nil)
            "lpush", "list2", "a" => (integer) 1
            "getdel", "list2" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "getset", "list2", "x" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "type", "list2" => list
            """);
    }
}
