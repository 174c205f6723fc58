package io.jredis.adapter.replication.rdb;

import io.jredis.adapter.replication.rdb.LoadedValue.ConsumerGroup;
import io.jredis.adapter.replication.rdb.LoadedValue.HashField;
import io.jredis.adapter.replication.rdb.LoadedValue.ScoredMember;
import io.jredis.adapter.replication.rdb.LoadedValue.StreamEntry;
import io.jredis.adapter.replication.rdb.LoadedValue.StreamValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files written by a real redis-server 7.0.15 (src/test/resources/rdb, made by make-fixtures.sh
 * there, which lists the commands) read into the neutral forms.
 */
class RedisFixturesTest {

    static CollectingSink read(String name) throws Exception {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = RedisFixturesTest.class.getResourceAsStream("/rdb/" + name)) {
            assertEquals(10, RdbReader.read(in, sink));
        }
        return sink;
    }

    @Test
    void stringsOfEveryEncodingWithExpiriesInSeveralDatabases() throws Exception {
        CollectingSink s = read("strings.rdb");
        assertEquals("7.0.15", s.aux.get("redis-ver"));
        assertEquals("64", s.aux.get("redis-bits"));
        assertEquals("0", s.aux.get("aof-base"));
        assertEquals("100", s.string("0:int8"));
        assertEquals("-5", s.string("0:neg8"));
        assertEquals("30000", s.string("0:int16"));
        assertEquals("-2000000000", s.string("0:int32"));
        assertEquals("12345678901", s.string("0:bigint"));
        assertEquals("0", s.string("0:zero"));
        assertEquals("007", s.string("0:leading"));
        assertEquals("", s.string("0:empty"));
        assertEquals("hello world", s.string("0:short"));
        assertEquals("a".repeat(50), s.string("0:lzf"));
        assertEquals("the quick brown fox jumps over the lazy dog, the quick brown fox jumps again",
                s.string("0:lzftext"));
        assertEquals("abcdefghijklmnopqrstuvwxyz0123456789", s.string("0:incompressible"));
        assertEquals("a\tb\001c", s.string("0:bin"));
        assertEquals(4102444800123L, s.get("0:ttl").expireAt());
        assertEquals(-1L, s.get("0:int8").expireAt());
        assertEquals("db3value", s.string("3:db3key"));
        assertEquals(4102444800000L, s.get("3:db3ttl").expireAt());
        assertEquals("yes", s.string("15:last"));
        // already expired when saved: handed over with their past expiry (dropping is the loader's call)
        assertTrue(s.get("0:gone").expireAt() < 4102444800000L);
        assertTrue(s.get("3:gone3").expireAt() < 4102444800000L);
        assertEquals(19, s.entries.size());
    }

    @Test
    void listsSetsSortedSetsHashesAndStreamsAsRedis70WritesThem() throws Exception {
        CollectingSink s = read("types.rdb");
        assertEquals(List.of("a", "b", "1", "2", "-3", "", "70000"),
                CollectingSink.strings(((LoadedValue.ListValue) s.get("0:smalllist").value()).elements()));
        List<String> big = CollectingSink.strings(((LoadedValue.ListValue) s.get("0:biglist").value()).elements());
        assertEquals(600, big.size());
        assertEquals(List.of("element-1", "1", "element-2"), big.subList(0, 3));
        assertEquals(List.of("element-300", "300"), big.subList(598, 600));

        assertEquals(Set.of("1", "2", "3", "-100", "70000", "5000000000"), set(s, "0:intset"));
        assertEquals(Set.of("a", "b", "c", "d"), set(s, "0:strset"));

        Map<String, Double> smallz = zset(s, "0:smallz");
        assertEquals(Map.of("a", 1.0, "b", 2.5, "c", -3.0, "d", Double.POSITIVE_INFINITY,
                "e", Double.NEGATIVE_INFINITY, "f", 100.0), smallz);
        Map<String, Double> bigz = zset(s, "0:bigz");
        assertEquals(202, bigz.size());
        assertEquals(17.5, bigz.get("m17"));
        assertEquals(Double.POSITIVE_INFINITY, bigz.get("top"));
        assertEquals(Double.NEGATIVE_INFINITY, bigz.get("bottom"));

        assertEquals(Map.of("f1", "v1", "f2", "2", "f3", "", "num", "123456789012"), hash(s, "0:smallh"));
        Map<String, String> bigh = hash(s, "0:bigh");
        assertEquals(200, bigh.size());
        assertEquals("v150", bigh.get("f150"));

        assertEquals(List.of("x"), CollectingSink.strings(((LoadedValue.ListValue) s.get("2:otherdb").value()).elements()));
    }

    @Test
    void streamWithDeletedEntryAndConsumerGroups() throws Exception {
        StreamValue st = (StreamValue) read("types.rdb").get("0:s").value();
        List<String> ids = new ArrayList<>();
        for (StreamEntry e : st.entries()) {
            ids.add(e.ms() + "-" + e.seq() + " " + CollectingSink.strings(e.fieldsAndValues()));
        }
        assertEquals(List.of("1-1 [a, 1, b, 2]", "2-0 [c, 5]", "3-0 [a, 6, b, 7]"), ids);
        assertEquals(3, st.length());
        assertEquals(3, st.lastMs());
        assertEquals(0, st.lastSeq());
        assertEquals(1, st.firstMs());
        assertEquals(1, st.firstSeq());
        assertEquals(1, st.maxDeletedMs());
        assertEquals(2, st.maxDeletedSeq());
        assertEquals(4, st.entriesAdded());
        assertEquals(2, st.groups().size());
        ConsumerGroup g1 = st.groups().get(0);
        assertEquals("g1", CollectingSink.s(g1.name()));
        assertEquals(2, g1.lastMs());
        assertEquals(0, g1.lastSeq());
        assertEquals(-1, g1.entriesRead()); // XINFO GROUPS shows entries-read nil: a deletion lies in the range
        assertEquals(List.of("1-1 alice 1", "2-0 alice 1"), g1.pending().stream()
                .map(p -> p.ms() + "-" + p.seq() + " " + CollectingSink.s(p.consumer()) + " " + p.deliveryCount())
                .toList());
        assertEquals(List.of("alice"), g1.consumers().stream().map(c -> CollectingSink.s(c.name())).toList());
        ConsumerGroup g2 = st.groups().get(1);
        assertEquals("g2", CollectingSink.s(g2.name()));
        assertEquals(3, g2.lastMs());
        assertEquals(-1, g2.entriesRead()); // as XINFO GROUPS on the real server
        assertTrue(g2.pending().isEmpty());
    }

    @Test
    void functionLibraryIsHandedOver() throws Exception {
        CollectingSink s = read("function.rdb");
        assertEquals(1, s.functions.size());
        assertTrue(s.functions.get(0).startsWith("#!lua name=mylib"), s.functions.get(0));
        assertEquals("v", s.string("0:k"));
        assertNull(s.entries.get("0:myfunc"));
    }

    private static Set<String> set(CollectingSink s, String key) {
        return new TreeSet<>(CollectingSink.strings(((LoadedValue.SetValue) s.get(key).value()).members()));
    }

    private static Map<String, Double> zset(CollectingSink s, String key) {
        Map<String, Double> m = new HashMap<>();
        for (ScoredMember sm : ((LoadedValue.ZSetValue) s.get(key).value()).members()) {
            m.put(CollectingSink.s(sm.member()), sm.score());
        }
        return m;
    }

    private static Map<String, String> hash(CollectingSink s, String key) {
        Map<String, String> m = new HashMap<>();
        for (HashField f : ((LoadedValue.HashValue) s.get(key).value()).fields()) {
            assertEquals(-1, f.expireAt());
            m.put(CollectingSink.s(f.field()), CollectingSink.s(f.value()));
        }
        return m;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RedisFixturesTest.class.getResourceAsStream("/rdb/" + name)) {
            return in.readAllBytes();
        }
    }
}
