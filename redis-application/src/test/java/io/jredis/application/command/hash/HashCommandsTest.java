package io.jredis.application.command.hash;

import io.jredis.application.command.generic.PropagationLog;
import io.jredis.application.testing.Transcript;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hash commands; every transcript reply was recorded from a real Redis 7.0.15 over RESP3. */
class HashCommandsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void repliesAsRedis7() {
        Transcript.replay(t, """
            "flushall" => OK
            "set", "str", "x" => OK
            "hset", "h", "a" => (error) ERR wrong number of arguments for 'hset' command
            "hset", "h", "a", "1", "b" => (error) ERR wrong number of arguments for 'hset' command
            "hmset", "h", "a", "1", "b" => (error) ERR wrong number of arguments for 'hmset' command
            "hset", "h", "a", "1", "a", "2" => (integer) 1
            "hget", "h", "a" => "2"
            "hmset", "h", "a", "1" => OK
            "hsetnx", "h", "a", "5" => (integer) 0
            "hsetnx", "h", "z", "5" => (integer) 1
            "hincrby", "h", "a", "x" => (error) ERR value is not an integer or out of range
            "hincrby", "h", "a", "9223372036854775807" => (error) ERR increment or decrement would overflow
            "hincrby", "h", "a", "1.5" => (error) ERR value is not an integer or out of range
            "hincrby", "h", "a", "-1" => (integer) 0
            "hset", "h", "s", "abc" => (integer) 1
            "hincrby", "h", "s", "1" => (error) ERR hash value is not an integer
            "hincrbyfloat", "h", "s", "1" => (error) ERR hash value is not a float
            "hincrbyfloat", "h", "a", "1.5" => "1.5"
            "hincrbyfloat", "h", "a", "inf" => (error) ERR value is NaN or Infinity
            "hincrbyfloat", "h", "a", "nan" => (error) ERR value is not a valid float
            "hincrbyfloat", "h", "a", "abc" => (error) ERR value is not a valid float
            "hincrbyfloat", "h", "a", "" => (error) ERR value is not a valid float
            "hincrbyfloat", "h", "new", "1e3" => "1000"
            "hset", "h", "big", "9223372036854775807" => (integer) 1
            "hincrby", "h", "big", "1" => (error) ERR increment or decrement would overflow
            "hset", "h", "small", "-9223372036854775808" => (integer) 1
            "hincrby", "h", "small", "-1" => (error) ERR increment or decrement would overflow
            "hset", "h", "f", "inf" => (integer) 1
            "hincrbyfloat", "h", "f", "1" => (error) ERR increment would produce NaN or Infinity
            "hset", "h", "sp", " 1" => (integer) 1
            "hincrby", "h", "sp", "1" => (error) ERR hash value is not an integer
            "hincrbyfloat", "h", "sp", "1" => (error) ERR hash value is not a float
            "hincrbyfloat", "h", "n", "1.0" => "1"
            "hincrbyfloat", "h", "n2", "5.0e3" => "5000"
            "hincrbyfloat", "h", "n3", "0.1" => "0.1"
            "hincrbyfloat", "h", "n3", "0.2" => "0.3"
            "hincrbyfloat", "h", "n4", "0x10" => "16"
            "hincrbyfloat", "h", "n4", "-1.5e-3" => "15.9985"
            "hgetall", "h" => {"a"="1.5", "z"="5", "s"="abc", "new"="1000", "big"="9223372036854775807", "small"="-9223372036854775808", "f"="inf", "sp"=" 1", "n"="1", "n2"="5000", "n3"="0.3", "n4"="15.9985"}
            "hstrlen", "h", "a" => (integer) 3
            "hstrlen", "h", "nope" => (integer) 0
            "hstrlen", "nokey", "a" => (integer) 0
            "hdel", "h", "nope", "nope2" => (integer) 0
            "hdel", "h", "a", "a" => (integer) 1
            "hexists", "h", "a" => (integer) 0
            "hexists", "h", "z" => (integer) 1
            "hlen", "h" => (integer) 11
            "hmget", "h", "a", "z", "s", "nope" => [(nil), "5", "abc", (nil)]
            "hmget", "nokey", "a", "b" => [(nil), (nil)]
            "hkeys", "nokey" => []
            "hvals", "nokey" => []
            "hgetall", "nokey" => {}
            "hkeys", "h" => ["z", "s", "new", "big", "small", "f", "sp", "n", "n2", "n3", "n4"]
            "hvals", "h" => ["5", "abc", "1000", "9223372036854775807", "-9223372036854775808", "inf", " 1", "1", "5000", "0.3", "15.9985"]
            "hget", "str", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hmget", "str", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hdel", "str", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hlen", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hgetall", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hkeys", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hexists", "str", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hstrlen", "str", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hset", "str", "a", "b" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hsetnx", "str", "a", "b" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hincrby", "str", "a", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hincrbyfloat", "str", "a", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hrandfield", "str" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hscan", "str", "0" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hincrbyfloat", "zz", "zz", "1e309" => "999999999999999999986349424581256454766307763249906048699722933664407363742116431635427166600418245409398702382304152749971957328402423172341126484032370375772746974788657214625693651444984012739133113268869496442311034817571120406763557498021655642425941543468850939783228659030453659621446207643423114002432"
            "object", "encoding", "zz" => "hashtable"
            "type", "h" => hash
            "object", "encoding", "h" => "listpack"
            "hset", "e", "a", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" => (integer) 1
            "object", "encoding", "e" => "listpack"
            "hset", "e", "b", "1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "1" => (integer) 2
            "object", "encoding", "e" => "hashtable"
            "hdel", "e", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" => (integer) 1
            "object", "encoding", "e" => "hashtable"
            "hset", "e2", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "1" => (integer) 1
            "object", "encoding", "e2" => "listpack"
            "hset", "e2", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "1" => (integer) 1
            "object", "encoding", "e2" => "hashtable"
            "hsetnx", "h2", "a", "1" => (integer) 1
            "hsetnx", "h2", "a", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" => (integer) 0
            "object", "encoding", "h2" => "listpack"
            "hsetnx", "h2", "b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" => (integer) 1
            "object", "encoding", "h2" => "hashtable"
            "hset", "h3", "a", "1" => (integer) 1
            "hincrby", "h3", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "1" => (integer) 1
            "object", "encoding", "h3" => "hashtable"
            "hset", "h4", "a", "1" => (integer) 1
            "hincrbyfloat", "h4", "a", "1e100" => "9999999999999999999669353532207342619498699019828496079271391541752018669482644324418977840117055488"
            "object", "encoding", "h4" => "hashtable"
            "hset", "one", "f", "v" => (integer) 1
            "hdel", "one", "f" => (integer) 1
            "exists", "one" => (integer) 0
            "hset", "two", "f", "v", "g", "w" => (integer) 2
            "hdel", "two", "f", "g", "f" => (integer) 2
            "exists", "two" => (integer) 0
            "hrandfield", "nokey" => (nil)
            "hrandfield", "nokey", "3" => []
            "hrandfield", "nokey", "3", "withvalues" => []
            "hrandfield", "nokey", "x" => (error) ERR value is not an integer or out of range
            "hrandfield", "h", "x", "foo" => (error) ERR value is not an integer or out of range
            "hrandfield", "h", "x", "withvalues" => (error) ERR value is not an integer or out of range
            "hrandfield", "str", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "hrandfield", "str", "x" => (error) ERR value is not an integer or out of range
            "hset", "r", "a", "1", "b", "2", "c", "3" => (integer) 3
            "hrandfield", "r", "0" => []
            "hrandfield", "r", "1", "foo" => (error) ERR syntax error
            "hrandfield", "r", "1", "withvalues", "foo" => (error) ERR syntax error
            "hrandfield", "r", "3" => ["a", "b", "c"]
            "hrandfield", "r", "5", "withvalues" => [["a", "1"], ["b", "2"], ["c", "3"]]
            "hrandfield", "r", "3", "WITHVALUES" => [["a", "1"], ["b", "2"], ["c", "3"]]
            "hrandfield", "r", "-9223372036854775808" => (error) ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807
            "hrandfield", "r", "9223372036854775807", "withvalues" => (error) ERR value is out of range
            "hrandfield", "r", "4611686018427387904", "withvalues" => (error) ERR value is out of range
            "hrandfield", "r", "-4611686018427387904", "withvalues" => (error) ERR value is out of range
            "hrandfield", "r", "1.5" => (error) ERR value is not an integer or out of range
            "hscan", "nokey", "0" => ["0", []]
            "hscan", "nokey", "x" => (error) ERR invalid cursor
            "hscan", "nokey", "0", "count", "0" => ["0", []]
            "hscan", "r", "0" => ["0", ["a", "1", "b", "2", "c", "3"]]
            "hscan", "r", "0", "count", "0" => (error) ERR syntax error
            "hscan", "r", "0", "count", "x" => (error) ERR value is not an integer or out of range
            "hscan", "r", "0", "count", "-1" => (error) ERR syntax error
            "hscan", "r", "0", "match" => (error) ERR syntax error
            "hscan", "r", "0", "type", "string" => (error) ERR syntax error
            "hscan", "r", "0", "foo", "bar" => (error) ERR syntax error
            "hscan", "r", "0", "match", "a*" => ["0", ["a", "1"]]
            "hscan", "r", "0", "match", "?" => ["0", ["a", "1", "b", "2", "c", "3"]]
            "hscan", "r", "0", "match", "[bc]", "count", "1" => ["0", ["b", "2", "c", "3"]]
            "hscan", "r", "99", "count", "1" => ["0", ["a", "1", "b", "2", "c", "3"]]
            "hscan", "r", "-1" => ["0", ["a", "1", "b", "2", "c", "3"]]
            "hscan", "r", "18446744073709551616" => (error) ERR invalid cursor
            "hscan", "r", " 1" => (error) ERR invalid cursor
            "copy", "r", "rc" => (integer) 1
            "hgetall", "rc" => {"a"="1", "b"="2", "c"="3"}
            "object", "encoding", "rc" => "listpack"
            "hdel", "r", "b" => (integer) 1
            "hset", "r", "b", "9", "a", "8" => (integer) 1
            "hgetall", "r" => {"a"="8", "c"="3", "b"="9"}
            "hkeys", "r" => ["a", "c", "b"]
            "hvals", "r" => ["8", "3", "9"]
            "hget", "r", "" => (nil)
            "hset", "r", "", "empty" => (integer) 1
            "hget", "r", "" => "empty"
            "hstrlen", "r", "" => (integer) 5
            """);
    }

    @Test
    void becomesAHashtablePast512FieldsAndStaysOne() {
        for (int i = 1; i <= 512; i++) {
            t.run("HSET", "h", "f" + i, "v" + i);
        }
        assertEquals("\"listpack\"", t.run("OBJECT", "ENCODING", "h"));
        t.run("HSET", "h", "f513", "v513");
        assertEquals("\"hashtable\"", t.run("OBJECT", "ENCODING", "h"));
        for (int i = 1; i <= 500; i++) {
            t.run("HDEL", "h", "f" + i);
        }
        assertEquals("\"hashtable\"", t.run("OBJECT", "ENCODING", "h"));
        assertEquals("(integer) 13", t.run("HLEN", "h"));
        for (int i = 501; i <= 513; i++) {
            assertEquals("\"v" + i + "\"", t.run("HGET", "h", "f" + i));
        }
        assertEquals("(nil)", t.run("HGET", "h", "f1"));
    }

    @Test
    void hscanOfAHashtableReturnsEveryFieldAcrossCalls() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            t.run("HSET", "h", "f" + i, "v" + i);
            expected.add("f" + i + "=v" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String reply = t.run("HSCAN", "h", cursor, "COUNT", "20");
            // [cursor, [f, v, f, v...]]
            String inner = reply.substring(reply.indexOf(", [") + 3, reply.length() - 2);
            cursor = reply.substring(2, reply.indexOf('"', 2));
            if (!inner.isEmpty()) {
                String[] items = inner.split(", ");
                for (int k = 0; k < items.length; k += 2) {
                    seen.add(strip(items[k]) + "=" + strip(items[k + 1]));
                }
            }
            calls++;
        } while (!cursor.equals("0"));
        assertEquals(expected, seen);
        assertTrue(calls > 10, "a hashtable is scanned in steps, not at once: " + calls);
    }

    @Test
    void hscanMatchFiltersFieldsAndKeepsTheirValues() {
        for (int i = 0; i < 600; i++) {
            t.run("HSET", "h", "f" + i, "v" + i);
        }
        String reply = t.run("HSCAN", "h", "0", "MATCH", "f59?", "COUNT", "10000");
        assertTrue(reply.startsWith("[\"0\", ["), reply);
        List<String> items = List.of(reply.substring(7, reply.length() - 2).split(", "));
        Set<String> pairs = new HashSet<>();
        for (int k = 0; k < items.size(); k += 2) {
            pairs.add(strip(items.get(k)) + "=" + strip(items.get(k + 1)));
        }
        Set<String> expected = new HashSet<>();
        for (int i = 590; i < 600; i++) {
            expected.add("f" + i + "=v" + i);
        }
        assertEquals(expected, pairs);
    }

    @Test
    void hrandfieldCountsGiveDistinctOrRepeatedFields() {
        t.run("HELLO", "3");
        for (int i = 0; i < 20; i++) {
            t.run("HSET", "h", "f" + i, "v" + i);
        }
        for (int round = 0; round < 50; round++) {
            List<String> distinct = items(t.run("HRANDFIELD", "h", "7"));
            assertEquals(7, distinct.size());
            assertEquals(7, new HashSet<>(distinct).size(), distinct.toString());
            distinct.forEach(f -> assertTrue(f.matches("\"f\\d+\""), f));
        }
        List<String> repeated = items(t.run("HRANDFIELD", "h", "-100"));
        assertEquals(100, repeated.size());
        assertTrue(new HashSet<>(repeated).size() < 100);
        String withValues = t.run("HRANDFIELD", "h", "-3", "WITHVALUES");
        assertTrue(withValues.matches("\\[(\\[\"f(\\d+)\", \"v\\2\"\\](, )?){3}\\]"), withValues);
        assertTrue(t.run("HRANDFIELD", "h").matches("\"f\\d+\""));
    }

    @Test
    void hrandfieldWithValuesIsFlatInResp2() {
        t.run("HSET", "h", "a", "1");
        assertEquals("[\"a\", \"1\", \"a\", \"1\"]", t.run("HRANDFIELD", "h", "-2", "WITHVALUES"));
        assertEquals("[\"a\", \"1\"]", t.run("HRANDFIELD", "h", "2", "WITHVALUES"));
    }

    @Test
    void hincrbyfloatPropagatesAsHset() {
        PropagationLog log = new PropagationLog();
        t.server.setWriteLog(log);
        t.run("HINCRBYFLOAT", "h", "f", "10.5");
        t.run("HINCRBYFLOAT", "h", "f", "0.1");
        t.run("HINCRBY", "h", "i", "3");
        t.run("HSET", "h", "a", "1");
        t.run("HSET", "h", "a", "1");
        t.run("HDEL", "h", "nope");
        t.run("HINCRBYFLOAT", "h", "f", "x");
        assertEquals(List.of("0: HSET h f 10.5", "0: HSET h f 10.6", "0: HINCRBY h i 3", "0: HSET h a 1",
                "0: HSET h a 1"), log.entries);
    }

    @Test
    void writesCountAsChangesOnlyWhenTheyChangeSomething() {
        long before = t.server.stats().dirty;
        t.run("HSET", "h", "a", "1");
        t.run("HDEL", "h", "nope");
        t.run("HSETNX", "h", "a", "2");
        t.run("HGET", "h", "a");
        assertEquals(1, t.server.stats().dirty - before);
        t.run("HDEL", "h", "a");
        assertEquals(2, t.server.stats().dirty - before);
        assertEquals("(integer) 0", t.run("EXISTS", "h"));
    }

    @Test
    void aWriteEndsAWatchOnTheKey() {
        var other = t.newClient();
        t.runAs(other, "WATCH", "h");
        t.run("HSET", "h", "a", "1");
        t.runAs(other, "MULTI");
        t.runAs(other, "HGET", "h", "a");
        assertEquals("(nil-array)", t.runAs(other, "EXEC"));
    }

    @Test
    void copyIsDeep() {
        t.run("HSET", "h", "a", "1");
        t.run("COPY", "h", "c");
        t.run("HSET", "h", "a", "2");
        assertEquals("\"1\"", t.run("HGET", "c", "a"));
    }

    private static String strip(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static List<String> items(String array) {
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(inner.split(", ")));
    }
}
