package io.jredis.application.command.generic;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Replies and error texts checked against Redis 7.0.15. */
class ExpireCommandsTest {

    private final CommandTester t = new CommandTester();
    private final PropagationLog log = new PropagationLog();
    private final long now = t.clock.millis();

    @BeforeEach
    void setUp() {
        t.server.setWriteLog(log);
    }

    @Test
    void expireTimeNearTheLargestMillisecondRoundsWithoutOverflow() {
        // Values read off redis-server 7.0.15.
        t.run("SET", "k", "v");
        t.run("PEXPIREAT", "k", "9223372036854775807");
        assertEquals("(integer) 9223372036854776", t.run("EXPIRETIME", "k"));
        assertEquals("(integer) 9223372036854775807", t.run("PEXPIRETIME", "k"));
        t.run("PEXPIREAT", "k", "9223372036854775499");
        assertEquals("(integer) 9223372036854775", t.run("EXPIRETIME", "k"));
    }

    @Test
    void optionErrorsComeBeforeTheNumberAndInRedisOrder() {
        t.run("SET", "a", "1");
        assertEquals("(error) ERR NX and XX, GT or LT options at the same time are not compatible",
                t.run("EXPIRE", "a", "10", "nx", "xx"));
        assertEquals("(error) ERR NX and XX, GT or LT options at the same time are not compatible",
                t.run("EXPIRE", "a", "10", "NX", "GT"));
        assertEquals("(error) ERR NX and XX, GT or LT options at the same time are not compatible",
                t.run("EXPIRE", "a", "10", "LT", "NX"));
        assertEquals("(error) ERR GT and LT options at the same time are not compatible",
                t.run("EXPIRE", "a", "10", "gt", "lt"));
        assertEquals("(error) ERR Unsupported option foo", t.run("EXPIRE", "a", "10", "foo"));
        assertEquals("(error) ERR Unsupported option bogus", t.run("EXPIRE", "a", "abc", "bogus"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("EXPIRE", "a", "abc"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("PEXPIRE", "a", "1.5"));
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "10", "NX", "NX"));
        assertEquals("(integer) 0", t.run("EXPIRE", "a", "10", "xx", "gt"), "same time is not greater");
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "20", "xx", "gt", "XX"));
    }

    @Test
    void unsupportedOptionIsPrintedAsRedisPrintsIt() {
        t.run("SET", "a", "1");
        assertEquals("(error) ERR Unsupported option foo bar", t.run("EXPIRE", "a", "10", "foo\nbar"));
        assertEquals("(error) ERR Unsupported option foo", t.run("EXPIRE", "a", "10", "foo\u0000bar"));
    }

    @Test
    void overflowingTimesAreInvalid() {
        t.run("SET", "a", "1");
        assertEquals("(error) ERR invalid expire time in 'expire' command", t.run("EXPIRE", "a", "9223372036854775807"));
        assertEquals("(error) ERR invalid expire time in 'expire' command", t.run("expire", "a", "-9223372036854775808"));
        assertEquals("(error) ERR invalid expire time in 'pexpire' command", t.run("PEXPIRE", "a", "9223372036854775807"));
        assertEquals("(error) ERR invalid expire time in 'expireat' command", t.run("EXPIREAT", "a", "9223372036854775807"));
        assertEquals("(integer) 1", t.run("PEXPIREAT", "a", "9223372036854775807"));
        assertEquals("(integer) 9223372036854775807", t.run("PEXPIRETIME", "a"));
    }

    @Test
    void missingKeyGivesZero() {
        assertEquals("(integer) 0", t.run("EXPIRE", "nokey", "10"));
        assertEquals("(integer) -2", t.run("TTL", "nokey"));
        assertEquals("(integer) -2", t.run("PTTL", "nokey"));
        assertEquals("(integer) -2", t.run("EXPIRETIME", "nokey"));
        assertEquals("(integer) -2", t.run("PEXPIRETIME", "nokey"));
        assertEquals("(integer) 0", t.run("PERSIST", "nokey"));
        assertEquals(List.of(), log.entries);
    }

    @Test
    void ttlFamily() {
        t.run("SET", "a", "1");
        assertEquals("(integer) -1", t.run("TTL", "a"));
        assertEquals("(integer) -1", t.run("PTTL", "a"));
        assertEquals("(integer) -1", t.run("EXPIRETIME", "a"));
        assertEquals("(integer) -1", t.run("PEXPIRETIME", "a"));
        assertEquals("(integer) 1", t.run("PEXPIRE", "a", "1499"));
        assertEquals("(integer) 1", t.run("TTL", "a"));
        assertEquals("(integer) 1499", t.run("PTTL", "a"));
        assertEquals("(integer) 1", t.run("PEXPIRE", "a", "1500"));
        assertEquals("(integer) 2", t.run("TTL", "a"), "seconds round to nearest");
        assertEquals("(integer) " + (now + 1500), t.run("PEXPIRETIME", "a"));
        assertEquals("(integer) " + (now + 1500 + 500) / 1000, t.run("EXPIRETIME", "a"));
        t.clock.advance(1000);
        assertEquals("(integer) 500", t.run("PTTL", "a"));
        t.clock.advance(500);
        assertEquals("(integer) -2", t.run("PTTL", "a"));
    }

    @Test
    void expireTimeRoundsLikeRedis() {
        t.run("SET", "a", "1");
        t.run("PEXPIREAT", "a", "1995616491500");
        assertEquals("(integer) 1995616492", t.run("EXPIRETIME", "a"));
        t.run("PEXPIREAT", "a", "1995616491499");
        assertEquals("(integer) 1995616491", t.run("EXPIRETIME", "a"));
    }

    @Test
    void nxXxGtLtSemantics() {
        t.run("SET", "a", "1");
        t.run("SET", "b", "1");
        assertEquals("(integer) 0", t.run("EXPIRE", "a", "100", "XX"));
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "100", "NX"));
        assertEquals("(integer) 0", t.run("EXPIRE", "a", "100", "NX"));
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "100", "XX"));
        assertEquals("(integer) 0", t.run("EXPIRE", "a", "50", "GT"));
        assertEquals("(integer) 0", t.run("EXPIRE", "a", "100", "GT"));
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "200", "GT"));
        assertEquals("(integer) 0", t.run("EXPIRE", "a", "200", "LT"));
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "10", "LT"));
        assertEquals("(integer) 10", t.run("TTL", "a"));
        // No time to live counts as infinite: GT never wins, LT always does.
        assertEquals("(integer) 0", t.run("EXPIRE", "b", "10", "GT"));
        assertEquals("(integer) 1", t.run("EXPIRE", "b", "10", "LT"));
        assertEquals("(integer) 1", t.run("EXPIRE", "b", "20", "XX", "GT"));
        assertEquals("(integer) 20", t.run("TTL", "b"));
    }

    @Test
    void relativeFormsPropagateAsAbsolutePexpireatKeepingFlags() {
        t.run("SET", "a", "1");
        log.entries.clear();
        t.run("EXPIRE", "a", "100");
        t.run("PEXPIRE", "a", "500000", "gt");
        t.run("EXPIREAT", "a", String.valueOf(now / 1000 + 200));
        t.run("PEXPIREAT", "a", String.valueOf(now + 300_000), "XX");
        assertEquals(List.of(
                "0: PEXPIREAT a " + (now + 100_000),
                "0: PEXPIREAT a " + (now + 500_000) + " gt",
                "0: PEXPIREAT a " + (now / 1000 + 200) * 1000,
                "0: PEXPIREAT a " + (now + 300_000) + " XX"), log.entries);
        // Conditions that fail change nothing and propagate nothing.
        log.entries.clear();
        t.run("EXPIRE", "a", "1", "GT");
        assertEquals(List.of(), log.entries);
    }

    @Test
    void aTimeInThePastDeletesAndPropagatesDel() {
        t.run("SET", "a", "1");
        t.run("SET", "b", "1");
        t.run("SET", "c", "1");
        log.entries.clear();
        assertEquals("(integer) 1", t.run("EXPIRE", "a", "-1"));
        assertEquals("(integer) 0", t.run("EXISTS", "a"));
        assertEquals("(integer) 1", t.run("PEXPIRE", "b", "0"));
        assertEquals("(integer) 1", t.run("EXPIREAT", "c", "1"));
        assertEquals(List.of("0: DEL a", "0: DEL b", "0: DEL c"), log.entries);
        assertEquals("(integer) 0", t.run("DBSIZE"));
    }

    @Test
    void persist() {
        t.run("SET", "a", "1", "EX", "100");
        t.run("SET", "b", "1");
        log.entries.clear();
        assertEquals("(integer) 1", t.run("PERSIST", "a"));
        assertEquals("(integer) -1", t.run("TTL", "a"));
        assertEquals("(integer) 0", t.run("PERSIST", "a"));
        assertEquals("(integer) 0", t.run("PERSIST", "b"));
        assertEquals(List.of("0: PERSIST a"), log.entries);
    }

    @Test
    void expireBreaksWatch() {
        t.run("SET", "a", "1");
        t.server.watchedKeys().watch(t.session(), 0, "a".getBytes());
        t.run("EXPIRE", "a", "100");
        assertEquals(true, t.session().watchedKeyTouched());
    }

    @Test
    void arity() {
        assertEquals("(error) ERR wrong number of arguments for 'expire' command", t.run("EXPIRE", "a"));
        assertEquals("(error) ERR wrong number of arguments for 'ttl' command", t.run("TTL", "a", "b"));
        assertEquals("(error) ERR wrong number of arguments for 'persist' command", t.run("PERSIST"));
    }
}
