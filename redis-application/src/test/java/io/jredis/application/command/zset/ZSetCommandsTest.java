package io.jredis.application.command.zset;

import io.jredis.application.port.WriteLog;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the RESP3 transcripts cannot show: RESP2 shapes, propagation, dirty counts, randomness, scans. */
class ZSetCommandsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void plainSetsAreOperandsWithScoreOne() {
        // Replies read off redis-server 7.0.15.
        t.run("SADD", "s", "a", "b", "7");
        t.run("ZADD", "z", "2", "a", "5", "c");
        assertEquals("[\"7\", (double) 1.0, \"b\", (double) 1.0, \"a\", (double) 3.0, \"c\", (double) 5.0]",
                t.run("ZUNION", "2", "s", "z", "WITHSCORES"));
        assertEquals("[\"a\", (double) 5.0]", t.run("ZINTER", "2", "s", "z", "WEIGHTS", "3", "1", "WITHSCORES"));
        assertEquals("(integer) 2", t.run("ZDIFFSTORE", "d", "2", "s", "z"));
        assertEquals("\"listpack\"", t.run("OBJECT", "ENCODING", "d"));
        assertEquals("(integer) 1", t.run("ZINTERCARD", "2", "s", "z"));
        t.run("SET", "str", "x");
        assertEquals("(error) WRONGTYPE Operation against a key holding the wrong kind of value",
                t.run("ZUNION", "2", "s", "str"));
    }

    @Test
    void resp2RepliesWithScoresAsFlatArraysAndZmpopNested() {
        t.run("ZADD", "z", "1", "a", "2.5", "b", "3", "c");
        assertEquals("[\"a\", (double) 1.0, \"b\", (double) 2.5]", t.run("ZRANGE", "z", "0", "1", "WITHSCORES"));
        assertEquals("[\"c\", (double) 3.0, \"b\", (double) 2.5]", t.run("ZPOPMAX", "z", "2"));
        assertEquals("[\"z\", [[\"a\", (double) 1.0]]]", t.run("ZMPOP", "1", "z", "MIN"));
        assertEquals("(nil-array)", t.run("ZMPOP", "1", "z", "MIN"));
        t.run("ZADD", "a", "1", "x");
        t.run("ZADD", "b", "2", "x");
        assertEquals("[\"x\", (double) 3.0]", t.run("ZUNION", "2", "a", "b", "WITHSCORES"));
        assertEquals("[\"x\", (double) 1.0]", t.run("ZRANDMEMBER", "a", "1", "WITHSCORES"));
        assertEquals("[\"x\", (double) 1.0]", t.run("ZRANDMEMBER", "a", "-1", "WITHSCORES"));
        t.session().setProtocol(3);
        assertEquals("[[\"x\", (double) 1.0]]", t.run("ZRANDMEMBER", "a", "1", "WITHSCORES"));
        assertEquals("[\"x\", (double) 1.0]", t.run("ZPOPMIN", "a"));
        assertEquals("[[\"x\", (double) 2.0]]", t.run("ZPOPMIN", "b", "1"));
    }

    @Test
    void zpopPropagatesAsSentAndZmpopAsZpopWithThePoppedCount() {
        // read off redis-server 7.0.15's replication stream (SYNC)
        List<String> log = new ArrayList<>();
        t.server.setWriteLog(new WriteLog() {
            @Override
            public boolean active() {
                return true;
            }

            @Override
            public void append(int db, List<byte[]> argv) {
                log.add(argv.stream().map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.joining(" ")));
            }

            @Override
            public void beginTransaction() {
            }

            @Override
            public void endTransaction() {
            }
        });
        t.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        t.run("ZPOPMIN", "z");
        t.run("ZPOPMAX", "z", "1");
        t.run("ZMPOP", "2", "none", "z", "MAX", "COUNT", "5");
        t.run("ZPOPMIN", "z");
        t.run("ZMPOP", "1", "z", "MIN");
        assertEquals(List.of("ZADD z 1 a 2 b 3 c 4 d", "ZPOPMIN z", "ZPOPMAX z 1", "ZPOPMAX z 2"), log);
    }

    @Test
    void dirtyCountsEveryChangedElementAndNothingForNoOps() {
        assertEquals(3, dirtyAfter("ZADD", "z", "1", "a", "2", "b", "3", "c"));
        assertEquals(0, dirtyAfter("ZADD", "z", "1", "a"));
        assertEquals(1, dirtyAfter("ZADD", "z", "-0", "x", "0", "x"), "-0 then 0 for a new member: one add");
        assertEquals(0, dirtyAfter("ZADD", "z", "5", "a", "NX", "9", "q"), "a syntax error changes nothing");
        assertEquals(0, dirtyAfter("ZADD", "z", "NX", "5", "a"));
        assertEquals(2, dirtyAfter("ZREM", "z", "a", "b", "nope"));
        assertEquals(0, dirtyAfter("ZREM", "z", "nope"));
        assertEquals(1, dirtyAfter("ZINCRBY", "z", "1", "c"));
    }

    private long dirtyAfter(String... command) {
        long before = t.server.stats().dirty;
        t.run(command);
        return t.server.stats().dirty - before;
    }

    @Test
    void emptiedSetsGoAwayWithTheirKey() {
        t.run("ZADD", "z", "1", "a", "2", "b");
        assertEquals("(integer) 2", t.run("ZREMRANGEBYSCORE", "z", "-inf", "+inf"));
        assertEquals("(integer) 0", t.run("EXISTS", "z"));
        t.run("ZADD", "z", "1", "a");
        t.run("ZPOPMIN", "z");
        assertEquals("(integer) 0", t.run("EXISTS", "z"));
        t.run("ZADD", "z", "1", "a");
        t.run("ZREM", "z", "a");
        assertEquals("(integer) 0", t.run("EXISTS", "z"));
    }

    @Test
    void encodingFollowsTheListpackLimits() {
        for (int i = 0; i < 128; i++) {
            t.run("ZADD", "z", Integer.toString(i), "m" + i);
        }
        assertEquals("\"listpack\"", t.run("OBJECT", "ENCODING", "z"));
        t.run("ZADD", "z", "1", "one-more");
        assertEquals("\"skiplist\"", t.run("OBJECT", "ENCODING", "z"));
        t.run("ZREMRANGEBYRANK", "z", "0", "-3");
        assertEquals("\"skiplist\"", t.run("OBJECT", "ENCODING", "z"));
        t.run("ZUNIONSTORE", "u", "1", "z");
        assertEquals("\"listpack\"", t.run("OBJECT", "ENCODING", "u"));
        t.run("ZADD", "long", "1", "x".repeat(65));
        assertEquals("\"skiplist\"", t.run("OBJECT", "ENCODING", "long"));
        t.run("ZADD", "short", "1", "x".repeat(64));
        assertEquals("\"listpack\"", t.run("OBJECT", "ENCODING", "short"));
        assertEquals("(integer) 1", t.run("COPY", "z", "zc"));
        assertEquals(t.run("ZRANGE", "z", "0", "-1", "WITHSCORES"), t.run("ZRANGE", "zc", "0", "-1", "WITHSCORES"));
        assertEquals("\"skiplist\"", t.run("OBJECT", "ENCODING", "zc"));
    }

    @Test
    void randomMembersAreMembersDistinctForPositiveCounts() {
        List<String> args = new ArrayList<>(List.of("ZADD", "z"));
        for (int i = 0; i < 300; i++) {
            args.add(Integer.toString(i));
            args.add("m" + i);
        }
        t.run(args.toArray(String[]::new));
        for (int round = 0; round < 20; round++) {
            String reply = t.run("ZRANDMEMBER", "z", "50");
            List<String> got = members(reply);
            assertEquals(50, got.size());
            assertEquals(50, new HashSet<>(got).size(), "distinct");
            got.forEach(m -> assertTrue(m.matches("m\\d+") && Integer.parseInt(m.substring(1)) < 300, m));
        }
        List<String> repeats = members(t.run("ZRANDMEMBER", "z", "-1000"));
        assertEquals(1000, repeats.size());
        Set<String> distinct = new HashSet<>(repeats);
        assertTrue(distinct.size() > 200 && distinct.size() < 1000, "negative counts may repeat: " + distinct.size());
        assertTrue(t.run("ZRANDMEMBER", "z").matches("\"m\\d+\""));
    }

    private static List<String> members(String reply) {
        String body = reply.substring(1, reply.length() - 1);
        List<String> out = new ArrayList<>();
        for (String s : body.split(", ")) {
            out.add(s.substring(1, s.length() - 1));
        }
        return out;
    }

    @Test
    void scanOfASkipListVisitsEveryMemberOnceAndEndsAtZero() {
        List<String> args = new ArrayList<>(List.of("ZADD", "z"));
        for (int i = 0; i < 500; i++) {
            args.add(Integer.toString(i));
            args.add("m" + i);
        }
        t.run(args.toArray(String[]::new));
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String reply = t.run("ZSCAN", "z", cursor, "COUNT", "20");
            cursor = reply.substring(2, reply.indexOf('"', 2));
            String pairs = reply.substring(reply.indexOf('[', 1) + 1, reply.length() - 2);
            if (!pairs.isEmpty()) {
                String[] items = pairs.split(", ");
                for (int i = 0; i < items.length; i += 2) {
                    String m = items[i].substring(1, items[i].length() - 1);
                    assertEquals("\"" + m.substring(1) + "\"", items[i + 1]);
                    assertTrue(seen.add(m), "once: " + m);
                }
            }
            calls++;
        } while (!cursor.equals("0"));
        assertEquals(500, seen.size());
        assertTrue(calls >= 25, "in steps of about COUNT: " + calls);
        String matched = t.run("ZSCAN", "z", "0", "MATCH", "m49?", "COUNT", "1000");
        assertEquals(10, matched.split(", ").length / 2);
    }

    @Test
    void scoresParseAsStrtod() {
        assertEquals(16.0, parse("0x10"));
        assertEquals(1.5, parse("0x1.8p0"));
        assertEquals(Double.POSITIVE_INFINITY, parse("+inf"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-Infinity"));
        assertEquals(0.5, parse(".5"));
        assertEquals(5.0, parse("5."));
        assertEquals(1e300, parse("1e300"));
        assertEquals(Double.MIN_VALUE, parse("5e-324"));
        for (String bad : List.of("nan", "1e400", "1e-400", " 1", "1 ", "", ".", "e1", "1e", "0x", "inf1", "1\u00002")) {
            assertTrue(Double.isNaN(parse(bad)), bad);
        }
        assertEquals(0.0, bound(""));
        assertEquals(1.0, bound(" 1"));
        assertEquals(1.0, bound("1\u0000junk"));
        assertEquals(Double.POSITIVE_INFINITY, bound("1e400"));
        assertTrue(Double.isNaN(bound("1 ")));
        assertTrue(Double.isNaN(bound("nan")));
    }

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Strtod.strict(b, 0, b.length);
    }

    private static double bound(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Strtod.rangeBound(b, 0, b.length);
    }

    @Test
    void scoreTextIsPercent17g() {
        assertEquals("1.1000000000000001", ScoreText.format(1.1));
        assertEquals("1e+17", ScoreText.format(1e17));
        assertEquals("1.0000000000000001e-05", ScoreText.format(1e-5));
        assertEquals("-0", ScoreText.format(-0.0));
        assertEquals("inf", ScoreText.format(Double.POSITIVE_INFINITY));
        assertEquals("100000000000000000", new String(ScoreText.listpackBytes(1e17), StandardCharsets.US_ASCII));
        assertEquals("1.2345678901234567e+19",
                new String(ScoreText.listpackBytes(12345678901234567890.0), StandardCharsets.US_ASCII));
    }

    @Test
    void sourcesCountAsKeyspaceHitsAndMissesAsInRedis() {
        t.run("ZADD", "a", "1", "x");
        long hits = t.server.stats().keyspaceHits;
        long misses = t.server.stats().keyspaceMisses;
        t.run("ZUNIONSTORE", "d", "2", "a", "nokey"); // redis-server 7.0.15: +1 hit, +1 miss
        t.run("ZADD", "a", "2", "y"); // a write look-up: not counted
        assertEquals(hits + 1, t.server.stats().keyspaceHits);
        assertEquals(misses + 1, t.server.stats().keyspaceMisses);
    }

    @Test
    void storeReplacesTheDestinationAndItsTtl() {
        t.run("SET", "d", "x", "EX", "100");
        t.run("ZADD", "z", "1", "a");
        assertEquals("(integer) 1", t.run("ZRANGESTORE", "d", "z", "0", "-1"));
        assertEquals("(integer) -1", t.run("TTL", "d"));
        assertEquals("(integer) 0", t.run("ZINTERSTORE", "d", "2", "z", "none"));
        assertEquals("(integer) 0", t.run("EXISTS", "d"));
    }
}
