package io.jredis.application.command.list;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListCommandsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void pushesPopsAndDeletesEmptyLists() {
        assertEquals("(integer) 3", t.run("RPUSH", "l", "a", "b", "c"));
        assertEquals("(integer) 5", t.run("LPUSH", "l", "y", "x"));
        assertEquals("[\"x\", \"y\", \"a\", \"b\", \"c\"]", t.run("LRANGE", "l", "0", "-1"));
        assertEquals("\"x\"", t.run("LPOP", "l"));
        assertEquals("\"c\"", t.run("RPOP", "l"));
        assertEquals("[\"y\", \"a\"]", t.run("LPOP", "l", "2"));
        assertEquals("[\"b\"]", t.run("RPOP", "l", "10"));
        assertEquals("(integer) 0", t.run("EXISTS", "l"));
        assertEquals("(nil)", t.run("LPOP", "l"));
        assertEquals("(nil-array)", t.run("LPOP", "l", "0"));
        assertEquals("(integer) 0", t.run("LPUSHX", "l", "a"));
        assertEquals("(integer) 0", t.run("EXISTS", "l"));
        t.run("RPUSH", "l", "a");
        assertEquals("(integer) 3", t.run("RPUSHX", "l", "b", "c"));
        assertEquals("[]", t.run("LPOP", "l", "0"));
        assertEquals("(error) ERR value is out of range, must be positive", t.run("LPOP", "l", "-1"));
        assertEquals("(error) ERR wrong number of arguments for 'lpop' command", t.run("LPOP", "l", "1", "2"));
        assertEquals("quicklist", t.run("OBJECT", "ENCODING", "l").replace("\"", ""));
        assertEquals("list", t.run("TYPE", "l").replace("\"", ""));
    }

    @Test
    void wrongTypeEverywhere() {
        t.run("SET", "s", "v");
        String wt = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";
        for (String[] c : new String[][] {{"LPUSH", "s", "a"}, {"RPUSHX", "s", "a"}, {"LPOP", "s"}, {"LLEN", "s"},
                {"LRANGE", "s", "0", "1"}, {"LINDEX", "s", "0"}, {"LSET", "s", "0", "a"},
                {"LINSERT", "s", "BEFORE", "a", "b"}, {"LREM", "s", "0", "a"}, {"LTRIM", "s", "0", "1"},
                {"LPOS", "s", "a"}, {"LMOVE", "s", "d", "LEFT", "LEFT"}, {"LMPOP", "1", "s", "LEFT"},
                {"BLPOP", "s", "0"}, {"BLMOVE", "s", "d", "LEFT", "LEFT", "0"}, {"BLMPOP", "0", "1", "s", "LEFT"}}) {
            assertEquals(wt, t.run(c), String.join(" ", c));
        }
        t.run("RPUSH", "l", "a");
        assertEquals(wt, t.run("LMOVE", "l", "s", "LEFT", "LEFT"));
        assertEquals("[\"a\"]", t.run("LRANGE", "l", "0", "-1"));
    }

    @Test
    void indexesAndRanges() {
        t.run("RPUSH", "l", "a", "b", "c", "d");
        assertEquals("\"d\"", t.run("LINDEX", "l", "-1"));
        assertEquals("(nil)", t.run("LINDEX", "l", "4"));
        assertEquals("(nil)", t.run("LINDEX", "nokey", "x"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("LINDEX", "l", "x"));
        assertEquals("[\"b\", \"c\"]", t.run("LRANGE", "l", "-3", "-2"));
        assertEquals("[]", t.run("LRANGE", "l", "3", "1"));
        assertEquals("[\"a\", \"b\", \"c\", \"d\"]", t.run("LRANGE", "l", "-100", "100"));
        assertEquals("OK", t.run("LSET", "l", "-1", "z"));
        assertEquals("(error) ERR index out of range", t.run("LSET", "l", "4", "z"));
        assertEquals("(error) ERR no such key", t.run("LSET", "nokey", "0", "z"));
        assertEquals("(integer) 5", t.run("LINSERT", "l", "AFTER", "b", "b2"));
        assertEquals("(integer) -1", t.run("LINSERT", "l", "BEFORE", "nope", "x"));
        assertEquals("(integer) 0", t.run("LINSERT", "nokey", "BEFORE", "a", "x"));
        assertEquals("(error) ERR syntax error", t.run("LINSERT", "l", "MIDDLE", "a", "x"));
        assertEquals("[\"a\", \"b\", \"b2\", \"c\", \"z\"]", t.run("LRANGE", "l", "0", "-1"));
        assertEquals("OK", t.run("LTRIM", "l", "1", "-2"));
        assertEquals("[\"b\", \"b2\", \"c\"]", t.run("LRANGE", "l", "0", "-1"));
        assertEquals("OK", t.run("LTRIM", "l", "5", "10"));
        assertEquals("(integer) 0", t.run("EXISTS", "l"));
    }

    @Test
    void lremAndLpos() {
        t.run("RPUSH", "l", "a", "b", "a", "c", "a", "b");
        assertEquals("(integer) 0", t.run("LPOS", "l", "a"));
        assertEquals("(integer) 4", t.run("LPOS", "l", "a", "RANK", "-1"));
        assertEquals("(integer) 2", t.run("LPOS", "l", "a", "RANK", "2"));
        assertEquals("[(integer) 0, (integer) 2, (integer) 4]", t.run("LPOS", "l", "a", "COUNT", "0"));
        assertEquals("[(integer) 4, (integer) 2]", t.run("LPOS", "l", "a", "RANK", "-1", "COUNT", "2"));
        assertEquals("[(integer) 0]", t.run("LPOS", "l", "a", "COUNT", "0", "MAXLEN", "2"));
        assertEquals("(nil)", t.run("LPOS", "l", "zz"));
        assertEquals("[]", t.run("LPOS", "nokey", "a", "COUNT", "1"));
        assertEquals("(integer) 4", t.run("LPOS", "l", "a", "RANK", "-9223372036854775808"));
        assertEquals("(error) ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or"
                + " use negative to start from the end of the list", t.run("LPOS", "l", "a", "RANK", "0"));
        assertEquals("(error) ERR COUNT can't be negative", t.run("LPOS", "l", "a", "COUNT", "x"));
        assertEquals("(error) ERR MAXLEN can't be negative", t.run("LPOS", "l", "a", "MAXLEN", "-1"));
        assertEquals("(error) ERR syntax error", t.run("LPOS", "l", "a", "RANK"));
        assertEquals("(integer) 2", t.run("LREM", "l", "-2", "a"));
        assertEquals("[\"a\", \"b\", \"c\", \"b\"]", t.run("LRANGE", "l", "0", "-1"));
        assertEquals("(integer) 2", t.run("LREM", "l", "0", "b"));
        assertEquals("(integer) 1", t.run("LREM", "l", "0", "a"));
        assertEquals("[\"c\"]", t.run("LRANGE", "l", "0", "-1"));
    }

    @Test
    void moves() {
        t.run("RPUSH", "src", "a", "b", "c");
        assertEquals("\"c\"", t.run("RPOPLPUSH", "src", "dst"));
        assertEquals("\"a\"", t.run("LMOVE", "src", "dst", "LEFT", "RIGHT"));
        assertEquals("[\"c\", \"a\"]", t.run("LRANGE", "dst", "0", "-1"));
        assertEquals("\"b\"", t.run("LMOVE", "src", "src", "LEFT", "RIGHT"));
        assertEquals("[\"b\"]", t.run("LRANGE", "src", "0", "-1"));
        assertEquals("(nil)", t.run("LMOVE", "nokey", "dst", "LEFT", "RIGHT"));
        assertEquals("(error) ERR syntax error", t.run("LMOVE", "src", "dst", "UP", "RIGHT"));
        assertEquals("[\"dst\", [\"c\", \"a\"]]", t.run("LMPOP", "2", "nokey", "dst", "LEFT", "COUNT", "5"));
        assertEquals("(nil-array)", t.run("LMPOP", "1", "nokey", "LEFT"));
        assertEquals("(error) ERR numkeys should be greater than 0", t.run("LMPOP", "0", "a", "LEFT"));
        assertEquals("(error) ERR syntax error", t.run("LMPOP", "5", "a", "LEFT"));
        assertEquals("(error) ERR count should be greater than 0", t.run("LMPOP", "1", "a", "LEFT", "COUNT", "0"));
        assertEquals("(error) ERR syntax error", t.run("LMPOP", "1", "a", "LEFT", "COUNT", "1", "COUNT", "1"));
    }

    @Test
    void largeListsKeepOrderAcrossChunks() {
        for (int i = 0; i < 3000; i++) {
            t.run("RPUSH", "l", "element-" + i);
        }
        assertEquals("\"element-1500\"", t.run("LINDEX", "l", "1500"));
        assertEquals("\"element-2999\"", t.run("LINDEX", "l", "-1"));
        assertEquals("(integer) 2999", t.run("LPOS", "l", "element-2999"));
        assertEquals("[\"element-1999\", \"element-2000\"]", t.run("LRANGE", "l", "1999", "2000"));
    }
}
