package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/** INCR, DECR, INCRBY and DECRBY: every reply below was recorded from a real Redis 7.0.15 (see {@link RedisTranscript}). */
class IncrTranscriptTest {

    private final CommandTester t = new CommandTester();

    @Test
    void repliesAsRedis7() {
        RedisTranscript.replay(t, """
            "flushall" => OK
            "lpush", "l", "a" => (integer) 1
            "incr", "nope" => (integer) 1
            "incr", "l" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "c", "10" => OK
            "incr", "c" => (integer) 11
            "decr", "c" => (integer) 10
            "incrby", "c", "5" => (integer) 15
            "decrby", "c", "5" => (integer) 10
            "incrby", "c", "abc" => (error) ERR value is not an integer or out of range
            "incrby", "c", "+1" => (error) ERR value is not an integer or out of range
            "incrby", "c", " 1" => (error) ERR value is not an integer or out of range
            "incrby", "c", "01" => (error) ERR value is not an integer or out of range
            "incrby", "c", "-0" => (error) ERR value is not an integer or out of range
            "incrby", "c", "1.0" => (error) ERR value is not an integer or out of range
            "incrby", "c", "9223372036854775808" => (error) ERR value is not an integer or out of range
            "decrby", "c", "-9223372036854775808" => (error) ERR decrement would overflow
            "decrby", "nope", "-9223372036854775808" => (error) ERR decrement would overflow
            "incrby", "l", "abc" => (error) ERR value is not an integer or out of range
            "set", "c", "9223372036854775807" => OK
            "incr", "c" => (error) ERR increment or decrement would overflow
            "set", "c", "-9223372036854775808" => OK
            "decr", "c" => (error) ERR increment or decrement would overflow
            "incrby", "c", "-1" => (error) ERR increment or decrement would overflow
            "set", "c", "-9223372036854775807" => OK
            "decrby", "c", "1" => (integer) -9223372036854775808
            "decrby", "c", "1" => (error) ERR increment or decrement would overflow
            "set", "c", "abc" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", " 1" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "+1" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "01" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "1 " => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "-0" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "9223372036854775808" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            "set", "c", "10" => OK
            "expire", "c", "100" => (integer) 1
            "incr", "c" => (integer) 11
            "ttl", "c" => (integer) 100
            "append", "c", "0" => (integer) 3
            "object", "encoding", "c" => "raw"
            "incr", "c" => (integer) 111
            "object", "encoding", "c" => "int"
            "set", "c", "100000" => OK
            "incr", "c" => (integer) 100001
            "object", "encoding", "c" => "int"
            "set", "c", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz" => OK
            "incrby", "c", "x" => (error) ERR value is not an integer or out of range
            "incr" => (error) ERR wrong number of arguments for 'incr' command
            "incr", "a", "b" => (error) ERR wrong number of arguments for 'incr' command
            "incrby", "a" => (error) ERR wrong number of arguments for 'incrby' command
            "decrby", "a" => (error) ERR wrong number of arguments for 'decrby' command
            "decr" => (error) ERR wrong number of arguments for 'decr' command
            "set", "big", "-9223372036854775808" => OK
            "incrby", "big", "9223372036854775807" => (integer) -1
            "set", "big", "9223372036854775807" => OK
            "decrby", "big", "9223372036854775807" => (integer) 0
            "incrby", "big", "-9223372036854775808" => (integer) -9223372036854775808
            "incrby", "neg", "-9223372036854775808" => (integer) -9223372036854775808
            "incrby", "neg", "-1" => (error) ERR increment or decrement would overflow
            "set", "c", "9999" => OK
            "incr", "c" => (integer) 10000
            "decr", "c" => (integer) 9999
            "object", "encoding", "c" => "int"
            "set", "c", "12345678901234567890123" => OK
            "incr", "c" => (error) ERR value is not an integer or out of range
            """);
    }
}
