package io.jredis.application.pubsub;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyspaceEventsTest {

    private final CommandTester t = new CommandTester();
    private final ClientSession sub = t.newClient();

    @Test
    void flagLettersParseAndPrintAsRedis() {
        assertEquals("", KeyspaceEvents.format(KeyspaceEvents.parse("")));
        assertEquals("AKE", KeyspaceEvents.format(KeyspaceEvents.parse("KEA")));
        assertEquals("gK", KeyspaceEvents.format(KeyspaceEvents.parse("Kg")));
        assertEquals("A", KeyspaceEvents.format(KeyspaceEvents.parse("g$lshzxetd")));
        assertEquals("AKEm", KeyspaceEvents.format(KeyspaceEvents.parse("AKEmn")));
        assertEquals("nKEm", KeyspaceEvents.format(KeyspaceEvents.parse("nmKE")));
        assertEquals("xE", KeyspaceEvents.format(KeyspaceEvents.parse("Ex")));
        assertEquals(-1, KeyspaceEvents.parse("KEAq"));
    }

    @Test
    void configSetGetUsesTheCanonicalFormAndRedisError() {
        assertEquals("OK", t.run("CONFIG", "SET", "notify-keyspace-events", "Elg"));
        assertEquals("{\"notify-keyspace-events\"=\"glE\"}", t.run("CONFIG", "GET", "notify-keyspace-events"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - "
                + "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.",
                t.run("CONFIG", "SET", "notify-keyspace-events", "x?"));
        assertEquals("{\"notify-keyspace-events\"=\"glE\"}", t.run("CONFIG", "GET", "notify-keyspace-events"));
    }

    private List<String> events() {
        return t.replies(sub);
    }

    @Test
    void nothingIsPublishedByDefault() {
        t.send(sub, "PSUBSCRIBE", "*");
        events();
        t.run("SET", "k", "v");
        t.run("DEL", "k");
        assertEquals(List.of(), events());
    }

    @Test
    void keyspaceAndKeyeventChannelsCarryEventAndKey() {
        t.run("CONFIG", "SET", "notify-keyspace-events", "KEA");
        t.send(sub, "PSUBSCRIBE", "__key*__:*");
        events();
        t.run("SET", "k", "v", "EX", "10");
        assertEquals(List.of(
                ">\"pmessage\", \"__key*__:*\", \"__keyspace@0__:k\", \"set\"<",
                ">\"pmessage\", \"__key*__:*\", \"__keyevent@0__:set\", \"k\"<",
                ">\"pmessage\", \"__key*__:*\", \"__keyspace@0__:k\", \"expire\"<",
                ">\"pmessage\", \"__key*__:*\", \"__keyevent@0__:expire\", \"k\"<"), events());
        t.run("RENAME", "k", "k2");
        assertEquals(List.of(
                ">\"pmessage\", \"__key*__:*\", \"__keyspace@0__:k\", \"rename_from\"<",
                ">\"pmessage\", \"__key*__:*\", \"__keyevent@0__:rename_from\", \"k\"<",
                ">\"pmessage\", \"__key*__:*\", \"__keyspace@0__:k2\", \"rename_to\"<",
                ">\"pmessage\", \"__key*__:*\", \"__keyevent@0__:rename_to\", \"k2\"<"), events());
    }

    @Test
    void bitmapAndHyperLogLogWritesAnnounceOnlyRealChanges() {
        // redis-server 7.0.15, notify-keyspace-events KEA, the same commands: no event where nothing changed
        t.run("CONFIG", "SET", "notify-keyspace-events", "EA");
        t.send(sub, "PSUBSCRIBE", "__keyevent*");
        events();
        t.run("setbit", "b", "7", "1");
        t.run("setbit", "b", "7", "1");
        t.run("setbit", "b", "100", "0");
        t.run("bitfield", "b", "set", "u8", "0", "255");
        t.run("bitfield", "b", "get", "u8", "0");
        t.run("bitfield", "b", "incrby", "u8", "0", "0");
        t.run("bitfield", "b", "overflow", "fail", "incrby", "u8", "0", "10");
        t.run("bitop", "and", "dst", "b", "b");
        t.run("bitop", "and", "dst", "nosuch");
        t.run("bitop", "or", "dst2", "nosuch");
        t.run("pfadd", "h", "a", "b");
        t.run("pfadd", "h", "a");
        t.run("pfadd", "h2");
        t.run("pfadd", "h2");
        t.run("pfcount", "h");
        t.run("pfmerge", "h3", "h", "h2");
        t.run("pfmerge", "h3");
        t.run("set", "s", "1");
        t.run("bitop", "not", "s2", "s");
        t.run("pfdebug", "todense", "h");
        t.run("setbit", "s", "0", "0");
        assertEquals(List.of(
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:setbit\", \"b\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:setbit\", \"b\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:setbit\", \"b\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:set\", \"dst\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:del\", \"dst\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:pfadd\", \"h\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:pfadd\", \"h2\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:pfadd\", \"h3\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:pfadd\", \"h3\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:set\", \"s\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:set\", \"s2\"<"), events());
    }

    @Test
    void geoWritesAnnounceWhatRedisDoes() {
        // redis-server 7.0.15, notify-keyspace-events KEA: zadd once (the repeat changes nothing), the stores,
        // then del for a store that empties its destination and for a store from a missing key
        t.run("CONFIG", "SET", "notify-keyspace-events", "EA");
        t.send(sub, "PSUBSCRIBE", "__keyevent*");
        events();
        t.run("GEOADD", "g", "13.3", "38.1", "a", "15.0", "37.5", "b");
        t.run("GEOADD", "g", "13.3", "38.1", "a");
        t.run("GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km");
        t.run("GEORADIUS", "g", "15", "37", "200", "km", "STORE", "d2");
        t.run("GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km");
        t.run("GEOSEARCHSTORE", "d2", "nosuch", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km");
        assertEquals(List.of(
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:zadd\", \"g\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:geosearchstore\", \"d\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:georadiusstore\", \"d2\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:del\", \"d\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:del\", \"d2\"<"), events());
    }

    @Test
    void onlyTheEnabledClassesAndChannelKindsArePublished() {
        t.run("CONFIG", "SET", "notify-keyspace-events", "El");
        t.send(sub, "PSUBSCRIBE", "*");
        events();
        t.run("SET", "k", "v");
        t.run("RPUSH", "l", "a");
        t.run("LPOP", "l");
        assertEquals(List.of(">\"pmessage\", \"*\", \"__keyevent@0__:rpush\", \"l\"<",
                ">\"pmessage\", \"*\", \"__keyevent@0__:lpop\", \"l\"<"), events());
        t.run("CONFIG", "SET", "notify-keyspace-events", "Elg");
        t.run("RPUSH", "l", "a");
        t.run("RPOP", "l");
        assertEquals(List.of(">\"pmessage\", \"*\", \"__keyevent@0__:rpush\", \"l\"<",
                ">\"pmessage\", \"*\", \"__keyevent@0__:rpop\", \"l\"<",
                ">\"pmessage\", \"*\", \"__keyevent@0__:del\", \"l\"<"), events());
    }

    @Test
    void lazilyExpiredKeysPublishExpiredInTheirDatabase() {
        t.run("CONFIG", "SET", "notify-keyspace-events", "Ex");
        t.run("SELECT", "2");
        t.run("SET", "k", "v", "PX", "10");
        t.send(sub, "SUBSCRIBE", "__keyevent@2__:expired");
        events();
        t.clock.advance(20);
        assertEquals("(nil)", t.run("GET", "k"));
        assertEquals(List.of(">\"message\", \"__keyevent@2__:expired\", \"k\"<"), events());
    }
}
