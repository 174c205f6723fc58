package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/** SET (options, conflicts, expiry errors, GET), SETNX, SETEX and PSETEX: every reply below was recorded from a real Redis 7.0.15 (see {@link RedisTranscript}). */
class SetFamilyTranscriptTest {

    private final CommandTester t = new CommandTester();

    @Test
    void repliesAsRedis7() {
        RedisTranscript.replay(t, """
            "flushall" => OK
            "set", "k", "v", "ex", "0" => (error) ERR invalid expire time in 'set' command
            "set", "k", "v", "ex", "-1" => (error) ERR invalid expire time in 'set' command
            "set", "k", "v", "ex", "9223372036854775807" => (error) ERR invalid expire time in 'set' command
            "set", "k", "v", "ex", "9223372036854775" => (error) ERR invalid expire time in 'set' command
            "set", "k", "v", "ex", "9223372036854776" => (error) ERR invalid expire time in 'set' command
            "set", "k", "v", "px", "9223372036854775807" => (error) ERR invalid expire time in 'set' command
            "set", "k", "v", "exat", "9223372036854775" => OK
            "set", "k", "v", "pxat", "9223372036854775807" => OK
            "set", "k", "v", "ex", "abc" => (error) ERR value is not an integer or out of range
            "set", "k", "v", "ex" => (error) ERR syntax error
            "set", "k", "v", "nx", "xx" => (error) ERR syntax error
            "set", "k", "v", "ex", "10", "px", "10" => (error) ERR syntax error
            "set", "k", "v", "ex", "10", "keepttl" => (error) ERR syntax error
            "set", "k", "v", "keepttl", "ex", "10" => (error) ERR syntax error
            "set", "k", "v", "px", "10", "px", "20" => OK
            "set", "k", "v", "exat", "10", "exat", "20" => OK
            "set", "k", "v", "nx", "nx" => OK
            "set", "k", "v", "get", "get" => "v"
            "set", "k", "v", "foo" => (error) ERR syntax error
            "set", "k", "v", "foo", "ex", "abc" => (error) ERR syntax error
            "set", "k", "v", "ex", "abc", "foo" => (error) ERR syntax error
            "lpush", "l", "a" => (integer) 1
            "set", "l", "v", "get" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "l", "v", "get", "ex", "abc" => (error) ERR value is not an integer or out of range
            "set", "l", "v", "get", "ex", "0" => (error) ERR invalid expire time in 'set' command
            "set", "l", "v", "nx", "get" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "l", "v", "xx", "get" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "l", "v" => OK
            "get", "l" => "v"
            "set", "n", "v", "nx", "get" => (nil)
            "set", "n", "v2", "nx", "get" => "v"
            "set", "n", "v3", "xx", "get" => "v"
            "set", "m", "v3", "xx", "get" => (nil)
            "set", "m", "v3", "xx" => (nil)
            "set", "m", "v3", "nx" => OK
            "exists", "m" => (integer) 1
            "setnx", "sn", "1" => (integer) 1
            "setnx", "sn", "2" => (integer) 0
            "get", "sn" => "1"
            "setex", "se", "0", "v" => (error) ERR invalid expire time in 'setex' command
            "setex", "se", "-5", "v" => (error) ERR invalid expire time in 'setex' command
            "setex", "se", "abc", "v" => (error) ERR value is not an integer or out of range
            "setex", "se", "9223372036854776", "v" => (error) ERR invalid expire time in 'setex' command
            "setex", "se", "10", "v" => OK
            "ttl", "se" => (integer) 10
            "psetex", "pse", "0", "v" => (error) ERR invalid expire time in 'psetex' command
            "psetex", "pse", "abc", "v" => (error) ERR value is not an integer or out of range
            "psetex", "pse", "9223372036854775807", "v" => (error) ERR invalid expire time in 'psetex' command
            "psetex", "pse", "10000", "v" => OK
            "pttl", "pse" => (integer) 10000
            "set", "k", "v", "EX", "100", "KEEPTTL" => (error) ERR syntax error
            "set", "k", "v", "PxAt", "99999999999999" => OK
            "get", "k" => "v"
            "set", "k", "v", "eX", "100" => OK
            "ttl", "k" => (integer) 100
            "set", "k", "v2", "keepttl" => OK
            "ttl", "k" => (integer) 100
            "set", "k", "v3" => OK
            "ttl", "k" => (integer) -1
            "set", "k", "v4", "px", "100", "pxat", "200" => (error) ERR syntax error
            "set", "k", "v4", "exat", "100", "ex", "200" => (error) ERR syntax error
            "set", "k", "v4", "xx", "nx" => (error) ERR syntax error
            "set", "k", "v4", "persist" => (error) ERR syntax error
            "set", "k", "v4", "keepttl", "keepttl" => OK
            "set", "k", "v5", "xx", "get", "keepttl" => "v4"
            "set", "k", "v5", "ex", "10", "get", "xx" => "v5"
            "ttl", "k" => (integer) 10
            "setnx", "k" => (error) ERR wrong number of arguments for 'setnx' command
            "setex", "k", "10" => (error) ERR wrong number of arguments for 'setex' command
            "psetex", "k", "10" => (error) ERR wrong number of arguments for 'psetex' command
            "set", "k" => (error) ERR wrong number of arguments for 'set' command
            """);
    }
}
