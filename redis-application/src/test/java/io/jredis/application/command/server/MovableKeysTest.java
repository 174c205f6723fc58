package io.jredis.application.command.server;

import io.jredis.application.testing.Transcript;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/**
 * COMMAND GETKEYS / GETKEYSANDFLAGS of the commands whose keys are counted by an argument or
 * follow STREAMS (Redis's keynum and keyword key specs); every reply recorded from a real
 * redis-server 7.0.15 over RESP3.
 */
class MovableKeysTest {

    private final CommandTester t = new CommandTester();

    @Test
    void keysCountedByNumkeys() {
        Transcript.replay(t, """
            "command", "getkeys", "lmpop", "2", "a", "b", "left" => ["a", "b"]
            "command", "getkeys", "blmpop", "0", "2", "a", "b", "left" => ["a", "b"]
            "command", "getkeys", "zmpop", "2", "a", "b", "min" => ["a", "b"]
            "command", "getkeys", "bzmpop", "0", "2", "a", "b", "min" => ["a", "b"]
            "command", "getkeys", "zunion", "2", "a", "b" => ["a", "b"]
            "command", "getkeys", "zinter", "2", "a", "b", "weights", "1", "2" => ["a", "b"]
            "command", "getkeys", "zdiff", "2", "a", "b" => ["a", "b"]
            "command", "getkeys", "zunionstore", "d", "2", "a", "b" => ["d", "a", "b"]
            "command", "getkeys", "zdiffstore", "d", "2", "a", "b" => ["d", "a", "b"]
            "command", "getkeys", "zintercard", "2", "a", "b" => ["a", "b"]
            "command", "getkeys", "sintercard", "2", "a", "b", "limit", "1" => ["a", "b"]
            "command", "getkeys", "lmpop", "3", "a", "b", "left" => ["a", "b", "left"]
            "command", "getkeys", "lmpop", "x", "a", "left" => (error) ERR Invalid arguments specified for command
            "command", "getkeys", "lmpop", "-1", "a", "left" => (error) ERR Invalid arguments specified for command
            "command", "getkeys", "lmpop", "0", "left" => (error) ERR Invalid number of arguments specified for command
            "command", "getkeys", "zunionstore", "d", "0", "a" => (error) ERR Invalid arguments specified for command
            "command", "getkeys", "zunionstore", "d", "3", "a", "b" => (error) ERR Invalid arguments specified for command
            "command", "getkeysandflags", "lmpop", "2", "a", "b", "left" => [["a", ~RW, access, delete~], ["b", ~RW, access, delete~]]
            "command", "getkeysandflags", "zinterstore", "d", "2", "a", "b" => [["d", ~OW, update~], ["a", ~RO, access~], ["b", ~RO, access~]]
            """);
    }

    @Test
    void streamKeysFollowStreams() {
        Transcript.replay(t, """
            "command", "getkeys", "xread", "count", "2", "streams", "a", "b", "0", "0" => ["a", "b"]
            "command", "getkeys", "xread", "count", "1", "block", "0", "streams", "a", "0" => ["a"]
            "command", "getkeys", "xreadgroup", "group", "g", "c", "streams", "a", "b", ">", ">" => ["a", "b"]
            "command", "getkeys", "xread", "streams", "a", "b", "0" => ["a"]
            "command", "getkeys", "xread", "streams" => (error) ERR Invalid number of arguments specified for command
            "command", "getkeysandflags", "xread", "streams", "a", "0" => [["a", ~RO, access~]]
            """);
    }
}
