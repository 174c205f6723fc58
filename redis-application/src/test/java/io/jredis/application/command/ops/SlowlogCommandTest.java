package io.jredis.application.command.ops;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowlogCommandTest {

    private final CommandTester t = new CommandTester();

    @Test
    void logsCommandsSlowerThanTheThresholdNewestFirst() {
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "0");
        t.run("SLOWLOG", "RESET");
        t.run("CLIENT", "SETNAME", "me");
        t.run("SET", "k", "v");
        assertEquals("(integer) 3", t.run("SLOWLOG", "LEN"));
        String got = t.run("SLOWLOG", "GET", "2");
        assertEquals("[[4, 1700000000, 0, [\"SLOWLOG\", \"LEN\"], \"127.0.0.1:50000\", \"me\"], "
                + "[3, 1700000000, 0, [\"SET\", \"k\", \"v\"], \"127.0.0.1:50000\", \"me\"]]",
                got.replace("(integer) ", ""));
    }

    @Test
    void thresholdInMicrosecondsAndNegativeDisables() {
        t.clock.advanceNanosOnEveryRead(5_000_000); // every command takes 5 ms
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "5001");
        t.run("SLOWLOG", "RESET");
        t.run("GET", "a");
        assertEquals("(integer) 0", t.run("SLOWLOG", "LEN"));
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "5000");
        t.run("GET", "a");
        String got = t.run("SLOWLOG", "GET", "1");
        assertTrue(got.contains("5000, [\"GET\", \"a\"]"), got);
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "-1");
        t.run("SLOWLOG", "RESET");
        t.run("GET", "a");
        assertEquals("(integer) 0", t.run("SLOWLOG", "LEN"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'slowlog-log-slower-than') - "
                + "argument must be between -1 and 9223372036854775807 inclusive",
                t.run("CONFIG", "SET", "slowlog-log-slower-than", "-2"));
    }

    @Test
    void maxLenTrimsOnTheNextPushAndIdsSurviveReset() {
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "0");
        for (int i = 0; i < 5; i++) {
            t.run("PING");
        }
        t.run("CONFIG", "SET", "slowlog-max-len", "2");
        assertEquals("(integer) 2", t.run("SLOWLOG", "LEN"));
        t.run("SLOWLOG", "RESET");
        assertEquals("(integer) 1", t.run("SLOWLOG", "LEN")); // RESET logs itself
        assertTrue(t.run("SLOWLOG", "GET").startsWith("[[(integer) 9, "), t.run("SLOWLOG", "GET"));
    }

    @Test
    void longArgumentsAndManyArgumentsAreCut() {
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "0");
        String[] many = new String[42];
        many[0] = "RPUSH";
        many[1] = "l";
        for (int i = 2; i < 42; i++) {
            many[i] = String.valueOf(i - 1);
        }
        t.run(many);
        String got = t.run("SLOWLOG", "GET", "1");
        assertTrue(got.contains("\"29\", \"... (11 more arguments)\"], "), got);
        t.run("SET", "k", "a".repeat(200));
        got = t.run("SLOWLOG", "GET", "1");
        assertTrue(got.contains("[\"SET\", \"k\", \"" + "a".repeat(128) + "... (72 more bytes)\"]"), got);
    }

    @Test
    void secretsAreRedactedAndExecIsNotLogged() {
        t.run("CONFIG", "SET", "slowlog-log-slower-than", "0");
        t.run("AUTH", "pw");
        assertTrue(t.run("SLOWLOG", "GET", "1").contains("[\"AUTH\", \"(redacted)\"]"));
        t.run("HELLO", "2", "AUTH", "default", "pw", "SETNAME", "x");
        assertTrue(t.run("SLOWLOG", "GET", "1").contains("[\"HELLO\", \"2\", \"AUTH\", \"(redacted)\", \"(redacted)\", \"SETNAME\", \"x\"]"));
        t.run("CONFIG", "SET", "requirepass", "");
        assertTrue(t.run("SLOWLOG", "GET", "1").contains("[\"CONFIG\", \"SET\", \"requirepass\", \"(redacted)\"]"));
        t.run("SLOWLOG", "RESET");
        t.run("MULTI");
        t.run("INCR", "n");
        t.run("EXEC");
        String got = t.run("SLOWLOG", "GET");
        assertTrue(got.contains("[\"INCR\", \"n\"]") && got.contains("[\"MULTI\"]") && !got.contains("[\"EXEC\"]"), got);
    }

    @Test
    void getCountErrors() {
        assertEquals("(error) ERR count should be greater than or equal to -1", t.run("SLOWLOG", "GET", "-2"));
        assertEquals("(error) ERR count should be greater than or equal to -1", t.run("SLOWLOG", "GET", "x"));
        assertEquals("(error) ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.",
                t.run("SLOWLOG", "GET", "1", "2"));
        assertEquals("(error) ERR wrong number of arguments for 'slowlog|len' command", t.run("SLOWLOG", "LEN", "x"));
        assertEquals("(error) ERR unknown subcommand 'foo'. Try SLOWLOG HELP.", t.run("SLOWLOG", "foo"));
    }
}
