package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/** GETEX: every reply below was recorded from a real Redis 7.0.15 (see {@link RedisTranscript}). */
class GetexTranscriptTest {

    private final CommandTester t = new CommandTester();

    @Test
    void repliesAsRedis7() {
        RedisTranscript.replay(t, """
            "flushall" => OK
            "lpush", "l", "a" => (integer) 1
            "getex", "nope", "ex", "abc" => (nil)
            "getex", "nope", "foo" => (error) ERR syntax error
            "getex", "nope" => (nil)
            "getex", "l", "ex", "abc" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "getex", "l" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "getex", "l", "persist" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "k", "v" => OK
            "getex", "k" => "v"
            "ttl", "k" => (integer) -1
            "getex", "k", "ex", "abc" => (error) ERR value is not an integer or out of range
            "getex", "k", "ex", "0" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "ex", "-1" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "px", "0" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "exat", "0" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "pxat", "0" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "ex", "9223372036854776" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "px", "9223372036854775807" => (error) ERR invalid expire time in 'getex' command
            "getex", "k", "ex" => (error) ERR syntax error
            "getex", "k", "ex", "10", "px", "10" => (error) ERR syntax error
            "getex", "k", "ex", "10", "ex", "20" => "v"
            "ttl", "k" => (integer) 20
            "getex", "k", "px", "5000" => "v"
            "pttl", "k" => (integer) 5000
            "getex", "k", "exat", "99999999999" => "v"
            "getex", "k", "pxat", "99999999999999" => "v"
            "exists", "k" => (integer) 1
            "getex", "k", "persist", "ex", "10" => (error) ERR syntax error
            "getex", "k", "ex", "10", "persist" => (error) ERR syntax error
            "getex", "k", "persist", "persist" => "v"
            "ttl", "k" => (integer) -1
            "getex", "k", "keepttl" => (error) ERR syntax error
            "getex", "k", "get" => (error) ERR syntax error
            "getex", "k", "nx" => (error) ERR syntax error
            "getex", "k", "xx" => (error) ERR syntax error
            "getex", "k", "persist" => "v"
            "getex", "k", "ex", "100" => "v"
            "getex", "k", "PERSIST" => "v"
            "ttl", "k" => (integer) -1
            "getex", "k", "pxat", "1" => "v"
            "exists", "k" => (integer) 0
            "set", "k", "v" => OK
            "getex", "k", "exat", "1" => "v"
            "exists", "k" => (integer) 0
            "getex" => (error) ERR wrong number of arguments for 'getex' command
            """);
    }
}
