package io.jredis.application.command.zset;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every reply below was recorded from a real Redis 7.0.15 over RESP3 (see {@link ZSetTranscript}):
 * options and their errors, score parsing and printing, ranges of every kind, removals, pops,
 * set operations, ZRANDMEMBER's deterministic cases and ZSCAN of a listpack.
 */
class ZSetTranscriptTest {

    private final CommandTester t = new CommandTester();

    @BeforeEach
    void resp3() {
        t.session().setProtocol(3);
    }

    @Test
    void smallSetsReplyAsRedis7() {
        ZSetTranscript.replay(t, """
            "FLUSHALL" => OK
            "ZADD", "z", "1.1", "a", "2", "b", "3.5", "c", "inf", "d" => (integer) 4
            "ZSCORE", "z", "a" => (double) 1.1
            "ZRANGE", "z", "0", "-1", "WITHSCORES" => [["a", (double) 1.1], ["b", (double) 2.0], ["c", (double) 3.5], ["d", (double) Infinity]]
            "ZINCRBY", "z", "0.1", "a" => (double) 1.2000000000000002
            "ZADD", "z", "INCR", "1", "b" => (double) 3.0
            "ZADD", "z", "XX", "NX", "1", "a" => (error) ERR XX and NX options at the same time are not compatible
            "ZADD", "z", "GT", "LT", "1", "a" => (error) ERR GT, LT, and/or NX options at the same time are not compatible
            "ZADD", "z", "GT", "NX", "1", "a" => (error) ERR GT, LT, and/or NX options at the same time are not compatible
            "ZADD", "z", "INCR", "1", "a", "2", "b" => (error) ERR INCR option supports a single increment-element pair
            "ZADD", "z", "1", "a", "2" => (error) ERR syntax error
            "ZADD", "z", "foo", "1", "a" => (error) ERR syntax error
            "ZADD", "z", "foo", "1" => (error) ERR value is not a valid float
            "ZADD", "z", "INCR", "XX", "1", "nonexist" => (nil)
            "ZADD", "z", "GT", "INCR", "-1", "d" => (nil)
            "ZADD", "z", "CH", "GT", "1", "q", "2", "b" => (integer) 1
            "ZADD", "z", "CH", "LT", "0", "q", "2", "b" => (integer) 2
            "ZADD", "z", "NX", "100", "a", "5", "new" => (integer) 1
            "ZCARD", "z" => (integer) 6
            "ZCARD", "nokey" => (integer) 0
            "ZRANK", "z", "a" => (integer) 1
            "ZREVRANK", "z", "a" => (integer) 4
            "ZRANK", "z", "nomember" => (nil)
            "ZRANK", "nokey", "a" => (nil)
            "ZMSCORE", "z", "a", "nomember", "b" => [(double) 1.2000000000000002, (nil), (double) 2.0]
            "ZMSCORE", "nokey", "a" => [(nil)]
            "ZCOUNT", "z", "-inf", "+inf" => (integer) 6
            "ZCOUNT", "z", "(1", "3" => (integer) 2
            "ZCOUNT", "z", "x", "1" => (error) ERR min or max is not a float
            "ZADD", "z", "-0", "h" => (integer) 1
            "ZSCORE", "z", "h" => (double) 0.0
            "ZINCRBY", "z", "-0", "x2" => (double) -0.0
            "ZINCRBY", "z", "inf", "d" => (double) Infinity
            "ZINCRBY", "z", "-inf", "d" => (error) ERR resulting score is not a number (NaN)
            "ZINCRBY", "z", "nan", "d" => (error) ERR value is not a valid float
            "ZINCRBY", "z", "1e400", "d" => (error) ERR value is not a valid float
            "ZADD", "z", "0x10", "hex", "5e-324", "tiny" => (integer) 2
            "ZADD", "z", "1e-400", "q" => (error) ERR value is not a valid float
            "ZADD", "z", " 1", "q" => (error) ERR value is not a valid float
            "ZADD", "z", "1 ", "q" => (error) ERR value is not a valid float
            "ZADD", "z", "", "q" => (error) ERR value is not a valid float
            "ZRANGEBYSCORE", "z", "", "+inf" => ["h", "q", "x2", "tiny", "a", "b", "c", "new", "hex", "d"]
            "ZRANGEBYSCORE", "z", " 1", "+inf" => ["a", "b", "c", "new", "hex", "d"]
            "ZRANGEBYSCORE", "z", "1 ", "+inf" => (error) ERR min or max is not a float
            "ZRANGEBYSCORE", "z", "(", "1e400" => ["tiny", "a", "b", "c", "new", "hex", "d"]
            "ZRANGEBYSCORE", "z", "(nan", "1" => (error) ERR min or max is not a float
            "ZRANGEBYSCORE", "z", "-inf", "+inf", "WITHSCORES" => [["h", (double) 0.0], ["q", (double) 0.0], ["x2", (double) 0.0], ["tiny", (double) 4.9E-324], ["a", (double) 1.2000000000000002], ["b", (double) 2.0], ["c", (double) 3.5], ["new", (double) 5.0], ["hex", (double) 16.0], ["d", (double) Infinity]]
            "ZRANGEBYSCORE", "z", "-inf", "+inf", "WITHSCORES", "LIMIT", "1", "2" => [["q", (double) 0.0], ["x2", (double) 0.0]]
            "ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "-1", "2" => []
            "ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "2", "-1" => ["x2", "tiny", "a", "b", "c", "new", "hex", "d"]
            "ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "0", "0" => []
            "ZREVRANGEBYSCORE", "z", "+inf", "-inf", "WITHSCORES", "LIMIT", "1", "3" => [["hex", (double) 16.0], ["new", (double) 5.0], ["c", (double) 3.5]]
            "ZREVRANGEBYSCORE", "z", "2", "(1" => ["b", "a"]
            "ZRANGE", "z", "0", "-1", "BYSCORE" => []
            "ZRANGE", "z", "(1", "3", "BYSCORE" => ["a", "b"]
            "ZRANGE", "z", "0", "1", "BYLEX" => (error) ERR min or max not valid string range item
            "ZRANGE", "z", "[x", "+", "BYLEX" => []
            "ZRANGE", "z", "0", "-1", "LIMIT", "0", "1" => (error) ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX
            "ZRANGE", "z", "0", "-1", "LIMIT", "0", "-1" => ["h", "q", "x2", "tiny", "a", "b", "c", "new", "hex", "d"]
            "ZRANGE", "z", "0", "-1", "BYSCORE", "LIMIT", "0" => (error) ERR syntax error
            "ZRANGE", "z", "0", "-1", "BYSCORE", "LIMIT", "x", "1" => (error) ERR value is not an integer or out of range
            "ZRANGE", "z", "0", "-1", "BYSCORE", "BYLEX" => (error) ERR syntax error
            "ZRANGE", "z", "0", "-1", "REV" => ["d", "hex", "new", "c", "b", "a", "tiny", "x2", "q", "h"]
            "ZRANGE", "z", "0", "-1", "REV", "REV", "WITHSCORES" => (error) ERR syntax error
            "ZRANGE", "z", "3", "1", "BYSCORE", "REV" => ["b", "a"]
            "ZRANGE", "z", "3", "1", "BYSCORE", "REV", "WITHSCORES", "LIMIT", "1", "5" => [["a", (double) 1.2000000000000002]]
            "ZRANGE", "z", "+", "-", "BYLEX", "REV" => ["d", "hex", "new", "c", "b", "a", "tiny", "x2", "q", "h"]
            "ZRANGE", "z", "+", "-", "BYLEX", "REV", "WITHSCORES" => (error) ERR syntax error, WITHSCORES not supported in combination with BYLEX
            "ZRANGE", "z", "x", "1" => (error) ERR value is not an integer or out of range
            "ZRANGE", "z", "0", "1", "foo" => (error) ERR syntax error
            "ZRANGE", "z", "-100", "100" => ["h", "q", "x2", "tiny", "a", "b", "c", "new", "hex", "d"]
            "ZRANGE", "z", "5", "2" => []
            "ZRANGE", "z", "-2", "-1", "WITHSCORES" => [["hex", (double) 16.0], ["d", (double) Infinity]]
            "ZREVRANGE", "z", "0", "1", "WITHSCORES" => [["d", (double) Infinity], ["hex", (double) 16.0]]
            "ZREVRANGE", "z", "0", "1", "REV" => (error) ERR syntax error
            "ZRANGEBYLEX", "z", "-", "+", "WITHSCORES" => (error) ERR syntax error, WITHSCORES not supported in combination with BYLEX
            "ZRANGEBYLEX", "z", "-", "+", "LIMIT", "0", "1" => ["h"]
            "ZREVRANGEBYLEX", "z", "+", "-", "LIMIT", "0", "1" => ["d"]
            "ZRANGEBYLEX", "z", "[a", "(c" => []
            "ZRANGEBYLEX", "z", "-", "-" => []
            "ZRANGEBYLEX", "z", "+", "+" => []
            "ZRANGEBYLEX", "z", "a", "b" => (error) ERR min or max not valid string range item
            "ZRANGEBYLEX", "z", "", "+" => (error) ERR min or max not valid string range item
            "ZRANGEBYLEX", "z", "-x", "+" => (error) ERR min or max not valid string range item
            "ZLEXCOUNT", "z", "-", "+" => (integer) 10
            "ZLEXCOUNT", "z", "[b", "+" => (integer) 10
            "ZRANGESTORE", "d", "z", "0", "-1", "WITHSCORES" => (error) ERR syntax error
            "ZRANGESTORE", "d", "z", "0", "-1" => (integer) 10
            "ZRANGE", "d", "0", "-1", "WITHSCORES" => [["h", (double) 0.0], ["q", (double) 0.0], ["x2", (double) 0.0], ["tiny", (double) 4.9E-324], ["a", (double) 1.2000000000000002], ["b", (double) 2.0], ["c", (double) 3.5], ["new", (double) 5.0], ["hex", (double) 16.0], ["d", (double) Infinity]]
            "OBJECT", "ENCODING", "d" => "listpack"
            "ZRANGESTORE", "d", "z", "0", "-1", "BYSCORE", "LIMIT", "0", "1" => (integer) 0
            "ZRANGESTORE", "d", "nokey", "0", "-1" => (integer) 0
            "EXISTS", "d" => (integer) 0
            "ZRANGESTORE", "d", "z", "1", "2" => (integer) 2
            "ZRANGESTORE", "d", "z", "(1", "+inf", "BYSCORE", "LIMIT", "1", "2" => (integer) 2
            "ZRANGE", "d", "0", "-1", "WITHSCORES" => [["b", (double) 2.0], ["c", (double) 3.5]]
            "SET", "str", "x" => OK
            "ZADD", "str", "1", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZRANGE", "str", "0", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZRANGE", "str", "0", "1", "foo" => (error) ERR syntax error
            "ZSCORE", "str", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZRANGESTORE", "d", "str", "0", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZUNIONSTORE", "d", "1", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZREM", "z", "a", "nomember", "b" => (integer) 2
            "ZREM", "nokey", "a" => (integer) 0
            "ZREMRANGEBYRANK", "z", "x", "1" => (error) ERR value is not an integer or out of range
            "ZREMRANGEBYSCORE", "z", "x", "1" => (error) ERR min or max is not a float
            "ZREMRANGEBYLEX", "z", "x", "1" => (error) ERR min or max not valid string range item
            "ZREMRANGEBYRANK", "z", "0", "0" => (integer) 1
            "ZREMRANGEBYSCORE", "z", "(3", "5" => (integer) 2
            "ZREMRANGEBYLEX", "z", "-", "(c" => (integer) 0
            "ZRANGE", "z", "0", "-1", "WITHSCORES" => [["q", (double) 0.0], ["x2", (double) 0.0], ["tiny", (double) 4.9E-324], ["hex", (double) 16.0], ["d", (double) Infinity]]
            "ZPOPMIN", "z" => ["q", (double) 0.0]
            "ZPOPMAX", "z", "2" => [["d", (double) Infinity], ["hex", (double) 16.0]]
            "ZPOPMIN", "z", "0" => []
            "ZPOPMIN", "z", "-1" => (error) ERR value is out of range, must be positive
            "ZPOPMIN", "z", "x" => (error) ERR value is out of range, must be positive
            "ZPOPMIN", "z", "1", "2" => (error) ERR syntax error
            "ZPOPMIN", "nokey" => []
            "ZPOPMIN", "str", "0" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZPOPMIN", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZMPOP", "1", "z", "MIN", "COUNT", "2" => ["z", [["x2", (double) 0.0], ["tiny", (double) 4.9E-324]]]
            "ZMPOP", "2", "nokey", "z", "MAX" => (nil-array)
            "ZMPOP", "1", "nokey", "MIN" => (nil-array)
            "ZMPOP", "0", "z", "MIN" => (error) ERR numkeys should be greater than 0
            "ZMPOP", "x", "z", "MIN" => (error) ERR numkeys should be greater than 0
            "ZMPOP", "1", "z", "foo" => (error) ERR syntax error
            "ZMPOP", "1", "z", "MIN", "COUNT", "0" => (error) ERR count should be greater than 0
            "ZMPOP", "1", "z", "MIN", "COUNT", "x" => (error) ERR count should be greater than 0
            "ZMPOP", "2", "z", "MIN" => (error) ERR syntax error
            "ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "2" => (error) ERR syntax error
            "ZMPOP", "2", "str", "z", "MIN" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZMPOP", "9223372036854775807", "z", "MIN" => (error) ERR syntax error
            "ZRANGE", "z", "0", "-1", "WITHSCORES" => []
            "ZADD", "a", "1", "x", "2", "y", "3", "z" => (integer) 3
            "ZADD", "b", "10", "y", "20", "z", "30", "w" => (integer) 3
            "ZUNION", "2", "a", "b" => ["x", "y", "z", "w"]
            "ZUNION", "2", "a", "b", "WITHSCORES" => [["x", (double) 1.0], ["y", (double) 12.0], ["z", (double) 23.0], ["w", (double) 30.0]]
            "ZUNION", "2", "a", "b", "WEIGHTS", "2", "3", "WITHSCORES" => [["x", (double) 2.0], ["y", (double) 34.0], ["z", (double) 66.0], ["w", (double) 90.0]]
            "ZUNION", "2", "a", "b", "AGGREGATE", "MIN", "WITHSCORES" => [["x", (double) 1.0], ["y", (double) 2.0], ["z", (double) 3.0], ["w", (double) 30.0]]
            "ZUNION", "2", "a", "b", "AGGREGATE", "MAX", "WITHSCORES" => [["x", (double) 1.0], ["y", (double) 10.0], ["z", (double) 20.0], ["w", (double) 30.0]]
            "ZINTER", "2", "a", "b", "WITHSCORES" => [["y", (double) 12.0], ["z", (double) 23.0]]
            "ZINTER", "2", "a", "b", "WEIGHTS", "1", "-1", "WITHSCORES" => [["z", (double) -17.0], ["y", (double) -8.0]]
            "ZDIFF", "2", "a", "b", "WITHSCORES" => [["x", (double) 1.0]]
            "ZDIFF", "2", "b", "a" => ["w"]
            "ZUNION", "0", "a" => (error) ERR at least 1 input key is needed for 'zunion' command
            "ZUNION", "-1", "a" => (error) ERR at least 1 input key is needed for 'zunion' command
            "ZUNION", "x", "a" => (error) ERR value is not an integer or out of range
            "ZUNION", "2", "a" => (error) ERR syntax error
            "ZUNION", "1", "a", "WEIGHTS" => (error) ERR syntax error
            "ZUNION", "1", "a", "WEIGHTS", "x" => (error) ERR weight value is not a float
            "ZUNION", "1", "a", "WEIGHTS", "1", "2" => (error) ERR syntax error
            "ZUNION", "1", "a", "AGGREGATE", "foo" => (error) ERR syntax error
            "ZUNION", "1", "a", "AGGREGATE" => (error) ERR syntax error
            "ZUNION", "1", "a", "WITHSCORES", "foo" => (error) ERR syntax error
            "ZDIFF", "1", "a", "WEIGHTS", "1" => (error) ERR syntax error
            "ZDIFF", "1", "a", "AGGREGATE", "sum" => (error) ERR syntax error
            "ZUNIONSTORE", "d", "0", "a" => (error) ERR at least 1 input key is needed for 'zunionstore' command
            "ZUNIONSTORE", "d", "1", "a", "WITHSCORES" => (error) ERR syntax error
            "ZINTERSTORE", "d", "2", "a" => (error) ERR syntax error
            "ZUNION", "1", "a", "WEIGHTS", "nan" => (error) ERR weight value is not a float
            "ZUNION", "1", "a", "WEIGHTS", "inf", "WITHSCORES" => [["x", (double) Infinity], ["y", (double) Infinity], ["z", (double) Infinity]]
            "ZUNION", "2", "a", "a", "WEIGHTS", "inf", "-inf", "WITHSCORES" => [["x", (double) 0.0], ["y", (double) 0.0], ["z", (double) 0.0]]
            "ZUNION", "1", "a", "WEIGHTS", "1e400" => (error) ERR weight value is not a float
            "ZUNION", "2", "a", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZUNION", "2", "str", "a", "WEIGHTS", "x" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZINTERCARD", "0", "a" => (error) ERR at least 1 input key is needed for 'zintercard' command
            "ZINTERCARD", "1", "a", "LIMIT", "-1" => (error) ERR LIMIT can't be negative
            "ZINTERCARD", "1", "a", "LIMIT", "x" => (error) ERR LIMIT can't be negative
            "ZINTERCARD", "1", "a", "foo" => (error) ERR syntax error
            "ZINTERCARD", "2", "a" => (error) ERR syntax error
            "ZINTERCARD", "2", "a", "b" => (integer) 2
            "ZINTERCARD", "2", "a", "b", "LIMIT", "1" => (integer) 1
            "ZINTERCARD", "2", "a", "nokey" => (integer) 0
            "ZUNIONSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "2" => (integer) 4
            "ZRANGE", "d", "0", "-1", "WITHSCORES" => [["x", (double) 1.0], ["y", (double) 22.0], ["z", (double) 43.0], ["w", (double) 60.0]]
            "ZINTERSTORE", "d", "2", "a", "b", "AGGREGATE", "MAX" => (integer) 2
            "ZRANGE", "d", "0", "-1", "WITHSCORES" => [["y", (double) 10.0], ["z", (double) 20.0]]
            "ZDIFFSTORE", "d", "2", "a", "b" => (integer) 1
            "ZRANGE", "d", "0", "-1", "WITHSCORES" => [["x", (double) 1.0]]
            "ZDIFFSTORE", "d", "2", "a", "a" => (integer) 0
            "EXISTS", "d" => (integer) 0
            "ZINTERSTORE", "d", "2", "a", "nokey" => (integer) 0
            "ZRANDMEMBER", "nokey" => (nil)
            "ZRANDMEMBER", "nokey", "2" => []
            "ZRANDMEMBER", "nokey", "2", "WITHSCORES" => []
            "ZRANDMEMBER", "a", "0" => []
            "ZRANDMEMBER", "a", "10" => ["z", "y", "x"]
            "ZRANDMEMBER", "a", "10", "WITHSCORES" => [["z", (double) 3.0], ["y", (double) 2.0], ["x", (double) 1.0]]
            "ZRANDMEMBER", "a", "-9223372036854775808" => (error) ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807
            "ZRANDMEMBER", "a", "-9223372036854775807", "WITHSCORES" => (error) ERR value is out of range
            "ZRANDMEMBER", "a", "x" => (error) ERR value is not an integer or out of range
            "ZRANDMEMBER", "a", "1", "WITHSCORES", "x" => (error) ERR syntax error
            "ZRANDMEMBER", "a", "1", "foo" => (error) ERR syntax error
            "ZRANDMEMBER", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZRANDMEMBER", "str", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZSCAN", "a", "0" => ["0", ["x", "1", "y", "2", "z", "3"]]
            "ZSCAN", "a", "0", "COUNT", "0" => (error) ERR syntax error
            "ZSCAN", "a", "0", "COUNT", "x" => (error) ERR value is not an integer or out of range
            "ZSCAN", "a", "x" => (error) ERR invalid cursor
            "ZSCAN", "a", "0", "MATCH" => (error) ERR syntax error
            "ZSCAN", "a", "0", "foo", "bar" => (error) ERR syntax error
            "ZSCAN", "a", "0", "MATCH", "x*", "COUNT", "1" => ["0", ["x", "1"]]
            "ZSCAN", "a", "18446744073709551615" => ["0", ["x", "1", "y", "2", "z", "3"]]
            "ZSCAN", "a", "-1" => ["0", ["x", "1", "y", "2", "z", "3"]]
            "ZSCAN", "a", "0", "TYPE", "zset" => (error) ERR syntax error
            "ZSCAN", "nokey", "0" => ["0", []]
            "ZSCAN", "nokey", "x" => (error) ERR invalid cursor
            "ZSCAN", "str", "0" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZSCAN", "str", "0", "foo" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "ZADD", "e", "1e17", "m1", "1e15", "m2", "-0", "m3", "0.1", "m4", "12345678901234567890", "m5", "-1.5e-7", "m6" => (integer) 6
            "ZSCAN", "e", "0" => ["0", ["m6", "-1.4999999999999999e-07", "m3", "0", "m4", "0.10000000000000001", "m2", "1000000000000000", "m1", "100000000000000000", "m5", "1.2345678901234567e+19"]]
            "ZRANGE", "e", "0", "-1", "WITHSCORES" => [["m6", (double) -1.5E-7], ["m3", (double) 0.0], ["m4", (double) 0.1], ["m2", (double) 1.0E15], ["m1", (double) 1.0E17], ["m5", (double) 1.2345678901234567E19]]
            "TYPE", "e" => zset
            "OBJECT", "ENCODING", "e" => "listpack"
            """);
    }

    /** Sets past the listpack limits (skip lists), conversions by the STORE commands, lex ranges. */
    @Test
    void largeSetsReplyAsRedis7() {
        ZSetTranscript.replay(t, """
            "FLUSHALL" => OK
            "ZADD", "big", "0.0", "m000", "0.5", "m001", "1.0", "m002", "1.5", "m003", "2.0", "m004", "2.5", "m005", "3.0", "m006", "3.5", "m007", "4.0", "m008", "4.5", "m009", "5.0", "m010", "5.5", "m011", "6.0", "m012", "6.5", "m013", "7.0", "m014", "7.5", "m015", "8.0", "m016", "8.5", "m017", "9.0", "m018", "9.5", "m019", "10.0", "m020", "10.5", "m021", "11.0", "m022", "11.5", "m023", "12.0", "m024", "12.5", "m025", "13.0", "m026", "13.5", "m027", "14.0", "m028", "14.5", "m029", "15.0", "m030", "15.5", "m031", "16.0", "m032", "16.5", "m033", "17.0", "m034", "17.5", "m035", "18.0", "m036", "18.5", "m037", "19.0", "m038", "19.5", "m039", "20.0", "m040", "20.5", "m041", "21.0", "m042", "21.5", "m043", "22.0", "m044", "22.5", "m045", "23.0", "m046", "23.5", "m047", "24.0", "m048", "24.5", "m049", "25.0", "m050", "25.5", "m051", "26.0", "m052", "26.5", "m053", "27.0", "m054", "27.5", "m055", "28.0", "m056", "28.5", "m057", "29.0", "m058", "29.5", "m059", "30.0", "m060", "30.5", "m061", "31.0", "m062", "31.5", "m063", "32.0", "m064", "32.5", "m065", "33.0", "m066", "33.5", "m067", "34.0", "m068", "34.5", "m069", "35.0", "m070", "35.5", "m071", "36.0", "m072", "36.5", "m073", "37.0", "m074", "37.5", "m075", "38.0", "m076", "38.5", "m077", "39.0", "m078", "39.5", "m079", "40.0", "m080", "40.5", "m081", "41.0", "m082", "41.5", "m083", "42.0", "m084", "42.5", "m085", "43.0", "m086", "43.5", "m087", "44.0", "m088", "44.5", "m089", "45.0", "m090", "45.5", "m091", "46.0", "m092", "46.5", "m093", "47.0", "m094", "47.5", "m095", "48.0", "m096", "48.5", "m097", "49.0", "m098", "49.5", "m099", "50.0", "m100", "50.5", "m101", "51.0", "m102", "51.5", "m103", "52.0", "m104", "52.5", "m105", "53.0", "m106", "53.5", "m107", "54.0", "m108", "54.5", "m109", "55.0", "m110", "55.5", "m111", "56.0", "m112", "56.5", "m113", "57.0", "m114", "57.5", "m115", "58.0", "m116", "58.5", "m117", "59.0", "m118", "59.5", "m119", "60.0", "m120", "60.5", "m121", "61.0", "m122", "61.5", "m123", "62.0", "m124", "62.5", "m125", "63.0", "m126", "63.5", "m127", "64.0", "m128", "64.5", "m129", "65.0", "m130", "65.5", "m131", "66.0", "m132", "66.5", "m133", "67.0", "m134", "67.5", "m135", "68.0", "m136", "68.5", "m137", "69.0", "m138", "69.5", "m139", "70.0", "m140", "70.5", "m141", "71.0", "m142", "71.5", "m143", "72.0", "m144", "72.5", "m145", "73.0", "m146", "73.5", "m147", "74.0", "m148", "74.5", "m149", "75.0", "m150", "75.5", "m151", "76.0", "m152", "76.5", "m153", "77.0", "m154", "77.5", "m155", "78.0", "m156", "78.5", "m157", "79.0", "m158", "79.5", "m159", "80.0", "m160", "80.5", "m161", "81.0", "m162", "81.5", "m163", "82.0", "m164", "82.5", "m165", "83.0", "m166", "83.5", "m167", "84.0", "m168", "84.5", "m169", "85.0", "m170", "85.5", "m171", "86.0", "m172", "86.5", "m173", "87.0", "m174", "87.5", "m175", "88.0", "m176", "88.5", "m177", "89.0", "m178", "89.5", "m179", "90.0", "m180", "90.5", "m181", "91.0", "m182", "91.5", "m183", "92.0", "m184", "92.5", "m185", "93.0", "m186", "93.5", "m187", "94.0", "m188", "94.5", "m189", "95.0", "m190", "95.5", "m191", "96.0", "m192", "96.5", "m193", "97.0", "m194", "97.5", "m195", "98.0", "m196", "98.5", "m197", "99.0", "m198", "99.5", "m199" => (integer) 200
            "ZADD", "lex", "0", "a0", "0", "b1", "0", "c2", "0", "d3", "0", "e4", "0", "f5", "0", "g6", "0", "h7", "0", "i8", "0", "j9", "0", "k10", "0", "l11", "0", "m12", "0", "n13", "0", "o14", "0", "p15", "0", "q16", "0", "r17", "0", "s18", "0", "t19", "0", "u20", "0", "v21", "0", "w22", "0", "x23", "0", "y24", "0", "z25", "0", "a26", "0", "b27", "0", "c28", "0", "d29", "0", "e30", "0", "f31", "0", "g32", "0", "h33", "0", "i34", "0", "j35", "0", "k36", "0", "l37", "0", "m38", "0", "n39", "0", "o40", "0", "p41", "0", "q42", "0", "r43", "0", "s44", "0", "t45", "0", "u46", "0", "v47", "0", "w48", "0", "x49", "0", "y50", "0", "z51", "0", "a52", "0", "b53", "0", "c54", "0", "d55", "0", "e56", "0", "f57", "0", "g58", "0", "h59", "0", "i60", "0", "j61", "0", "k62", "0", "l63", "0", "m64", "0", "n65", "0", "o66", "0", "p67", "0", "q68", "0", "r69", "0", "s70", "0", "t71", "0", "u72", "0", "v73", "0", "w74", "0", "x75", "0", "y76", "0", "z77", "0", "a78", "0", "b79", "0", "c80", "0", "d81", "0", "e82", "0", "f83", "0", "g84", "0", "h85", "0", "i86", "0", "j87", "0", "k88", "0", "l89", "0", "m90", "0", "n91", "0", "o92", "0", "p93", "0", "q94", "0", "r95", "0", "s96", "0", "t97", "0", "u98", "0", "v99", "0", "w100", "0", "x101", "0", "y102", "0", "z103", "0", "a104", "0", "b105", "0", "c106", "0", "d107", "0", "e108", "0", "f109", "0", "g110", "0", "h111", "0", "i112", "0", "j113", "0", "k114", "0", "l115", "0", "m116", "0", "n117", "0", "o118", "0", "p119", "0", "q120", "0", "r121", "0", "s122", "0", "t123", "0", "u124", "0", "v125", "0", "w126", "0", "x127", "0", "y128", "0", "z129", "0", "a130", "0", "b131", "0", "c132", "0", "d133", "0", "e134", "0", "f135", "0", "g136", "0", "h137", "0", "i138", "0", "j139", "0", "k140", "0", "l141", "0", "m142", "0", "n143", "0", "o144", "0", "p145", "0", "q146", "0", "r147", "0", "s148", "0", "t149" => (integer) 150
            "OBJECT", "ENCODING", "big" => "skiplist"
            "OBJECT", "ENCODING", "lex" => "skiplist"
            "ZRANGE", "big", "0", "10", "WITHSCORES" => [["m000", (double) 0.0], ["m001", (double) 0.5], ["m002", (double) 1.0], ["m003", (double) 1.5], ["m004", (double) 2.0], ["m005", (double) 2.5], ["m006", (double) 3.0], ["m007", (double) 3.5], ["m008", (double) 4.0], ["m009", (double) 4.5], ["m010", (double) 5.0]]
            "ZRANGE", "big", "-5", "-1", "REV", "WITHSCORES" => [["m004", (double) 2.0], ["m003", (double) 1.5], ["m002", (double) 1.0], ["m001", (double) 0.5], ["m000", (double) 0.0]]
            "ZRANGE", "big", "(10", "20", "BYSCORE", "WITHSCORES", "LIMIT", "3", "5" => [["m024", (double) 12.0], ["m025", (double) 12.5], ["m026", (double) 13.0], ["m027", (double) 13.5], ["m028", (double) 14.0]]
            "ZRANGE", "big", "50", "(40", "BYSCORE", "REV", "LIMIT", "2", "4" => ["m098", "m097", "m096", "m095"]
            "ZCOUNT", "big", "10", "(50" => (integer) 80
            "ZCOUNT", "big", "-inf", "+inf" => (integer) 200
            "ZRANK", "big", "m150" => (integer) 150
            "ZREVRANK", "big", "m150" => (integer) 49
            "ZSCORE", "big", "m150" => (double) 75.0
            "ZRANGEBYLEX", "lex", "[b", "(d", "LIMIT", "2", "10" => ["b131", "b27", "b53", "b79", "c106", "c132", "c2", "c28", "c54", "c80"]
            "ZREVRANGEBYLEX", "lex", "(d", "[b", "LIMIT", "2", "10" => ["c28", "c2", "c132", "c106", "b79", "b53", "b27", "b131", "b105", "b1"]
            "ZLEXCOUNT", "lex", "[b", "(d" => (integer) 12
            "ZLEXCOUNT", "lex", "-", "+" => (integer) 150
            "ZREMRANGEBYLEX", "lex", "[c", "(d" => (integer) 6
            "ZCARD", "lex" => (integer) 144
            "ZREMRANGEBYSCORE", "big", "(10", "20" => (integer) 20
            "ZREMRANGEBYRANK", "big", "5", "9" => (integer) 5
            "ZCARD", "big" => (integer) 175
            "ZADD", "big", "1", "m150", "2", "newer" => (integer) 1
            "ZRANGE", "big", "0", "10", "WITHSCORES" => [["m000", (double) 0.0], ["m001", (double) 0.5], ["m002", (double) 1.0], ["m150", (double) 1.0], ["m003", (double) 1.5], ["m004", (double) 2.0], ["newer", (double) 2.0], ["m010", (double) 5.0], ["m011", (double) 5.5], ["m012", (double) 6.0], ["m013", (double) 6.5]]
            "ZINCRBY", "big", "1000", "m000" => (double) 1000.0
            "ZRANGE", "big", "-2", "-1", "WITHSCORES" => [["m199", (double) 99.5], ["m000", (double) 1000.0]]
            "ZPOPMIN", "big", "3" => [["m001", (double) 0.5], ["m002", (double) 1.0], ["m150", (double) 1.0]]
            "ZPOPMAX", "big" => ["m000", (double) 1000.0]
            "ZUNIONSTORE", "u", "2", "big", "lex" => (integer) 314
            "OBJECT", "ENCODING", "u" => "skiplist"
            "ZCARD", "u" => (integer) 314
            "ZINTERSTORE", "i", "2", "big", "big", "WEIGHTS", "1", "2" => (integer) 172
            "ZRANGE", "i", "0", "3", "WITHSCORES" => [["m003", (double) 4.5], ["m004", (double) 6.0], ["newer", (double) 6.0], ["m010", (double) 15.0]]
            "OBJECT", "ENCODING", "i" => "skiplist"
            "ZRANGESTORE", "r", "big", "0", "9" => (integer) 10
            "OBJECT", "ENCODING", "r" => "listpack"
            "ZRANGESTORE", "r", "big", "0", "-1" => (integer) 172
            "OBJECT", "ENCODING", "r" => "skiplist"
            "ZDIFFSTORE", "df", "2", "big", "r" => (integer) 0
            "EXISTS", "df" => (integer) 0
            "ZUNIONSTORE", "small", "1", "big", "WEIGHTS", "0" => (integer) 172
            "OBJECT", "ENCODING", "small" => "skiplist"
            "ZREMRANGEBYRANK", "big", "0", "-3" => (integer) 170
            "OBJECT", "ENCODING", "big" => "skiplist"
            "ZRANGE", "big", "0", "-1", "WITHSCORES" => [["m198", (double) 99.0], ["m199", (double) 99.5]]
            "ZADD", "big", "-0", "negz" => (integer) 1
            "ZSCORE", "big", "negz" => (double) -0.0
            "ZRANGE", "lex", "0", "2", "WITHSCORES" => [["a0", (double) 0.0], ["a104", (double) 0.0], ["a130", (double) 0.0]]
            "ZRANGE", "lex", "0", "2" => ["a0", "a104", "a130"]
            "ZPOPMIN", "lex" => ["a0", (double) 0.0]
            "ZPOPMIN", "lex", "2" => [["a104", (double) 0.0], ["a130", (double) 0.0]]
            "ZPOPMIN", "lex", "0" => []
            "ZPOPMIN", "nokey", "2" => []
            "ZMPOP", "1", "lex", "MAX", "COUNT", "2" => ["lex", [["z77", (double) 0.0], ["z51", (double) 0.0]]]
            "ZMPOP", "1", "nokey", "MAX", "COUNT", "2" => (nil-array)
            "ZMSCORE", "lex", "a0", "nomember" => [(nil), (nil)]
            "ZSCORE", "lex", "nomember" => (nil)
            "ZINCRBY", "lex", "1.5", "a26" => (double) 1.5
            "ZADD", "lex", "INCR", "1", "a26" => (double) 2.5
            "ZADD", "lex", "XX", "INCR", "1", "nomember" => (nil)
            "ZUNION", "2", "lex", "big", "WITHSCORES" => [["a52", (double) 0.0], ["a78", (double) 0.0], ["b1", (double) 0.0], ["b105", (double) 0.0], ["b131", (double) 0.0], ["b27", (double) 0.0], ["b53", (double) 0.0], ["b79", (double) 0.0], ["d107", (double) 0.0], ["d133", (double) 0.0], ["d29", (double) 0.0], ["d3", (double) 0.0], ["d55", (double) 0.0], ["d81", (double) 0.0], ["e108", (double) 0.0], ["e134", (double) 0.0], ["e30", (double) 0.0], ["e4", (double) 0.0], ["e56", (double) 0.0], ["e82", (double) 0.0], ["f109", (double) 0.0], ["f135", (double) 0.0], ["f31", (double) 0.0], ["f5", (double) 0.0], ["f57", (double) 0.0], ["f83", (double) 0.0], ["g110", (double) 0.0], ["g136", (double) 0.0], ["g32", (double) 0.0], ["g58", (double) 0.0], ["g6", (double) 0.0], ["g84", (double) 0.0], ["h111", (double) 0.0], ["h137", (double) 0.0], ["h33", (double) 0.0], ["h59", (double) 0.0], ["h7", (double) 0.0], ["h85", (double) 0.0], ["i112", (double) 0.0], ["i138", (double) 0.0], ["i34", (double) 0.0], ["i60", (double) 0.0], ["i8", (double) 0.0], ["i86", (double) 0.0], ["j113", (double) 0.0], ["j139", (double) 0.0], ["j35", (double) 0.0], ["j61", (double) 0.0], ["j87", (double) 0.0], ["j9", (double) 0.0], ["k10", (double) 0.0], ["k114", (double) 0.0], ["k140", (double) 0.0], ["k36", (double) 0.0], ["k62", (double) 0.0], ["k88", (double) 0.0], ["l11", (double) 0.0], ["l115", (double) 0.0], ["l141", (double) 0.0], ["l37", (double) 0.0], ["l63", (double) 0.0], ["l89", (double) 0.0], ["m116", (double) 0.0], ["m12", (double) 0.0], ["m142", (double) 0.0], ["m38", (double) 0.0], ["m64", (double) 0.0], ["m90", (double) 0.0], ["n117", (double) 0.0], ["n13", (double) 0.0], ["n143", (double) 0.0], ["n39", (double) 0.0], ["n65", (double) 0.0], ["n91", (double) 0.0], ["negz", (double) -0.0], ["o118", (double) 0.0], ["o14", (double) 0.0], ["o144", (double) 0.0], ["o40", (double) 0.0], ["o66", (double) 0.0], ["o92", (double) 0.0], ["p119", (double) 0.0], ["p145", (double) 0.0], ["p15", (double) 0.0], ["p41", (double) 0.0], ["p67", (double) 0.0], ["p93", (double) 0.0], ["q120", (double) 0.0], ["q146", (double) 0.0], ["q16", (double) 0.0], ["q42", (double) 0.0], ["q68", (double) 0.0], ["q94", (double) 0.0], ["r121", (double) 0.0], ["r147", (double) 0.0], ["r17", (double) 0.0], ["r43", (double) 0.0], ["r69", (double) 0.0], ["r95", (double) 0.0], ["s122", (double) 0.0], ["s148", (double) 0.0], ["s18", (double) 0.0], ["s44", (double) 0.0], ["s70", (double) 0.0], ["s96", (double) 0.0], ["t123", (double) 0.0], ["t149", (double) 0.0], ["t19", (double) 0.0], ["t45", (double) 0.0], ["t71", (double) 0.0], ["t97", (double) 0.0], ["u124", (double) 0.0], ["u20", (double) 0.0], ["u46", (double) 0.0], ["u72", (double) 0.0], ["u98", (double) 0.0], ["v125", (double) 0.0], ["v21", (double) 0.0], ["v47", (double) 0.0], ["v73", (double) 0.0], ["v99", (double) 0.0], ["w100", (double) 0.0], ["w126", (double) 0.0], ["w22", (double) 0.0], ["w48", (double) 0.0], ["w74", (double) 0.0], ["x101", (double) 0.0], ["x127", (double) 0.0], ["x23", (double) 0.0], ["x49", (double) 0.0], ["x75", (double) 0.0], ["y102", (double) 0.0], ["y128", (double) 0.0], ["y24", (double) 0.0], ["y50", (double) 0.0], ["y76", (double) 0.0], ["z103", (double) 0.0], ["z129", (double) 0.0], ["z25", (double) 0.0], ["a26", (double) 2.5], ["m198", (double) 99.0], ["m199", (double) 99.5]]
            "ZINTER", "1", "lex", "WITHSCORES" => [["a52", (double) 0.0], ["a78", (double) 0.0], ["b1", (double) 0.0], ["b105", (double) 0.0], ["b131", (double) 0.0], ["b27", (double) 0.0], ["b53", (double) 0.0], ["b79", (double) 0.0], ["d107", (double) 0.0], ["d133", (double) 0.0], ["d29", (double) 0.0], ["d3", (double) 0.0], ["d55", (double) 0.0], ["d81", (double) 0.0], ["e108", (double) 0.0], ["e134", (double) 0.0], ["e30", (double) 0.0], ["e4", (double) 0.0], ["e56", (double) 0.0], ["e82", (double) 0.0], ["f109", (double) 0.0], ["f135", (double) 0.0], ["f31", (double) 0.0], ["f5", (double) 0.0], ["f57", (double) 0.0], ["f83", (double) 0.0], ["g110", (double) 0.0], ["g136", (double) 0.0], ["g32", (double) 0.0], ["g58", (double) 0.0], ["g6", (double) 0.0], ["g84", (double) 0.0], ["h111", (double) 0.0], ["h137", (double) 0.0], ["h33", (double) 0.0], ["h59", (double) 0.0], ["h7", (double) 0.0], ["h85", (double) 0.0], ["i112", (double) 0.0], ["i138", (double) 0.0], ["i34", (double) 0.0], ["i60", (double) 0.0], ["i8", (double) 0.0], ["i86", (double) 0.0], ["j113", (double) 0.0], ["j139", (double) 0.0], ["j35", (double) 0.0], ["j61", (double) 0.0], ["j87", (double) 0.0], ["j9", (double) 0.0], ["k10", (double) 0.0], ["k114", (double) 0.0], ["k140", (double) 0.0], ["k36", (double) 0.0], ["k62", (double) 0.0], ["k88", (double) 0.0], ["l11", (double) 0.0], ["l115", (double) 0.0], ["l141", (double) 0.0], ["l37", (double) 0.0], ["l63", (double) 0.0], ["l89", (double) 0.0], ["m116", (double) 0.0], ["m12", (double) 0.0], ["m142", (double) 0.0], ["m38", (double) 0.0], ["m64", (double) 0.0], ["m90", (double) 0.0], ["n117", (double) 0.0], ["n13", (double) 0.0], ["n143", (double) 0.0], ["n39", (double) 0.0], ["n65", (double) 0.0], ["n91", (double) 0.0], ["o118", (double) 0.0], ["o14", (double) 0.0], ["o144", (double) 0.0], ["o40", (double) 0.0], ["o66", (double) 0.0], ["o92", (double) 0.0], ["p119", (double) 0.0], ["p145", (double) 0.0], ["p15", (double) 0.0], ["p41", (double) 0.0], ["p67", (double) 0.0], ["p93", (double) 0.0], ["q120", (double) 0.0], ["q146", (double) 0.0], ["q16", (double) 0.0], ["q42", (double) 0.0], ["q68", (double) 0.0], ["q94", (double) 0.0], ["r121", (double) 0.0], ["r147", (double) 0.0], ["r17", (double) 0.0], ["r43", (double) 0.0], ["r69", (double) 0.0], ["r95", (double) 0.0], ["s122", (double) 0.0], ["s148", (double) 0.0], ["s18", (double) 0.0], ["s44", (double) 0.0], ["s70", (double) 0.0], ["s96", (double) 0.0], ["t123", (double) 0.0], ["t149", (double) 0.0], ["t19", (double) 0.0], ["t45", (double) 0.0], ["t71", (double) 0.0], ["t97", (double) 0.0], ["u124", (double) 0.0], ["u20", (double) 0.0], ["u46", (double) 0.0], ["u72", (double) 0.0], ["u98", (double) 0.0], ["v125", (double) 0.0], ["v21", (double) 0.0], ["v47", (double) 0.0], ["v73", (double) 0.0], ["v99", (double) 0.0], ["w100", (double) 0.0], ["w126", (double) 0.0], ["w22", (double) 0.0], ["w48", (double) 0.0], ["w74", (double) 0.0], ["x101", (double) 0.0], ["x127", (double) 0.0], ["x23", (double) 0.0], ["x49", (double) 0.0], ["x75", (double) 0.0], ["y102", (double) 0.0], ["y128", (double) 0.0], ["y24", (double) 0.0], ["y50", (double) 0.0], ["y76", (double) 0.0], ["z103", (double) 0.0], ["z129", (double) 0.0], ["z25", (double) 0.0], ["a26", (double) 2.5]]
            "ZDIFF", "1", "big", "WITHSCORES" => [["negz", (double) -0.0], ["m198", (double) 99.0], ["m199", (double) 99.5]]
            "ZRANGEBYSCORE", "big", "-inf", "+inf", "WITHSCORES" => [["negz", (double) -0.0], ["m198", (double) 99.0], ["m199", (double) 99.5]]
            "ZREVRANGE", "big", "0", "-1", "WITHSCORES" => [["m199", (double) 99.5], ["m198", (double) 99.0], ["negz", (double) -0.0]]
            "ZRANDMEMBER", "big", "100", "WITHSCORES" => [["m199", (double) 99.5], ["m198", (double) 99.0], ["negz", (double) -0.0]]
            "ZRANDMEMBER", "nokey" => (nil)
            "ZRANDMEMBER", "nokey", "1" => []
            "ZSCORE", "big", "negz" => (double) -0.0
            "ZUNION", "2", "big", "big", "WEIGHTS", "inf", "-inf", "WITHSCORES" => [["m198", (double) 0.0], ["m199", (double) 0.0], ["negz", (double) 0.0]]
            """);
    }
}
