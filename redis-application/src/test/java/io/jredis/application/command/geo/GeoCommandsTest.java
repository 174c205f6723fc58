package io.jredis.application.command.geo;

import io.jredis.application.port.WriteLog;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Replies read off redis-server 7.0.15 (redis-cli transcripts), and what it writes to its AOF. */
class GeoCommandsTest {

    private static final String SYNTAX = "(error) ERR syntax error";

    private final CommandTester t = new CommandTester();

    private void sicily() {
        assertEquals("(integer) 2",
                t.run("GEOADD", "Sicily", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"));
    }

    @Test
    void geoaddStoresGeohashScoresInASortedSet() {
        sicily();
        assertEquals("(double) 3.479099956230698E15", t.run("ZSCORE", "Sicily", "Palermo"));
        assertEquals("[\"Palermo\", \"Catania\"]", t.run("ZRANGE", "Sicily", "0", "-1"));
        assertEquals("zset", t.run("TYPE", "Sicily"));
        assertEquals("(integer) 1", t.run("GEOADD", "Sicily", "NX", "CH", "13.361389", "38.2", "Palermo", "12", "12", "x"));
        assertEquals("(integer) 1", t.run("GEOADD", "Sicily", "XX", "CH", "13.361389", "38.2", "Palermo", "1", "1", "y"));
        assertEquals("(integer) 0", t.run("GEOADD", "Sicily", "XX", "13.361389", "38.3", "Palermo"));
        assertEquals("(integer) 3", t.run("ZCARD", "Sicily"));
    }

    @Test
    void geoaddErrors() {
        assertEquals("(error) ERR wrong number of arguments for 'geoadd' command", t.run("GEOADD", "k", "1", "2"));
        assertEquals(SYNTAX, t.run("GEOADD", "k", "1", "2", "3", "4", "5", "6", "7"));
        assertEquals(SYNTAX, t.run("GEOADD", "k", "NX", "XX", "1", "1", "m"));
        assertEquals(SYNTAX, t.run("GEOADD", "k", "CH", "CH", "CH"));
        assertEquals("(error) ERR invalid longitude,latitude pair 181.000000,0.000000", t.run("GEOADD", "k", "181", "0", "m"));
        assertEquals("(error) ERR invalid longitude,latitude pair 0.000000,-86.000000", t.run("GEOADD", "k", "0", "-86", "m"));
        assertEquals("(error) ERR invalid longitude,latitude pair inf,0.000000", t.run("GEOADD", "k", "inf", "0", "m"));
        assertEquals("(error) ERR invalid longitude,latitude pair -0.000000,1000000000000000052504760255204420248704468581"
                + "108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184"
                + "786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494"
                + "579258788820056842838115669472196386865459400540160.000000",
                t.run("GEOADD", "k", "-1e-7", "1e300", "m"));
        assertEquals("(error) ERR value is not a valid float", t.run("GEOADD", "k", "x", "0", "m"));
        assertEquals("(integer) 1", t.run("GEOADD", "k", "0x10", "0", "m"));
        t.run("SET", "str", "x");
        // coordinates are checked before the key's type
        assertEquals("(error) ERR invalid longitude,latitude pair 1.000000,1000.000000", t.run("GEOADD", "str", "1", "1000", "a"));
        assertEquals("(error) WRONGTYPE Operation against a key holding the wrong kind of value",
                t.run("GEOADD", "str", "1", "1", "a"));
    }

    @Test
    void geoposGeohashAndGeodist() {
        sicily();
        assertEquals("[[\"13.36138933897018433\", \"38.11555639549629859\"], (nil-array)]",
                t.run("GEOPOS", "Sicily", "Palermo", "nope"));
        assertEquals("[\"sqc8b49rny0\", \"sqdtr74hyu0\", (nil)]", t.run("GEOHASH", "Sicily", "Palermo", "Catania", "nope"));
        assertEquals("\"166274.1516\"", t.run("GEODIST", "Sicily", "Palermo", "Catania"));
        assertEquals("\"166.2742\"", t.run("GEODIST", "Sicily", "Palermo", "Catania", "km"));
        assertEquals("\"103.3182\"", t.run("GEODIST", "Sicily", "Palermo", "Catania", "MI"));
        assertEquals("\"545518.8700\"", t.run("GEODIST", "Sicily", "Palermo", "Catania", "ft"));
        assertEquals("(nil)", t.run("GEODIST", "Sicily", "Palermo", "nope"));
        assertEquals("(nil)", t.run("GEODIST", "nokey", "Palermo", "nope"));
        assertEquals("(error) ERR unsupported unit provided. please use M, KM, FT, MI",
                t.run("GEODIST", "Sicily", "Palermo", "Catania", "yd"));
        assertEquals(SYNTAX, t.run("GEODIST", "Sicily", "Palermo", "Catania", "km", "x"));
        assertEquals("[(nil-array)]", t.run("GEOPOS", "nokey", "a"));
        assertEquals("[]", t.run("GEOPOS", "nokey"));
    }

    @Test
    void theCornersOfTheMapDecodeAsInRedis() {
        t.run("GEOADD", "e", "180", "85.05112878", "ne", "-180", "-85.05112878", "sw");
        assertEquals("[[\"180\", \"85.0511287799999991\"], [\"-179.99999731779098511\", \"-85.05112751263942528\"]]",
                t.run("GEOPOS", "e", "ne", "sw"));
        assertEquals("[\"bp05b5048p0\", \"00bh0hbj200\"]", t.run("GEOHASH", "e", "ne", "sw"));
    }

    @Test
    void searchesWithEveryReplyOption() {
        sicily();
        assertEquals("[[\"Catania\", \"56.4413\", (integer) 3479447370796909, [\"15.08726745843887329\", "
                + "\"37.50266842333162032\"]], [\"Palermo\", \"190.4424\", (integer) 3479099956230698, "
                + "[\"13.36138933897018433\", \"38.11555639549629859\"]]]",
                t.run("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC",
                        "WITHDIST", "WITHCOORD", "WITHHASH"));
        assertEquals("[[\"Palermo\", \"0.0000\"], [\"Catania\", \"166.2742\"]]",
                t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "400", "400", "km", "WITHDIST"));
        assertEquals("[[\"Palermo\", \"0.0000\"]]",
                t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "100", "400", "km", "WITHDIST"));
        assertEquals("[\"Palermo\", \"Catania\"]", t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "DESC"));
        assertEquals("[\"Catania\"]", t.run("GEORADIUS_RO", "Sicily", "15", "37", "200", "km", "COUNT", "1"));
        assertEquals("[[\"Palermo\", \"0.0000\"], [\"Catania\", \"103.3182\"]]",
                t.run("GEORADIUSBYMEMBER", "Sicily", "Palermo", "200", "mi", "WITHDIST", "ASC"));
        assertEquals("[]", t.run("GEORADIUSBYMEMBER_RO", "nokey", "x", "-5", "parsec"));
    }

    @Test
    void storeVariantsWriteSortedSetsAndPropagateAsSent() {
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
        sicily();
        assertEquals("(integer) 2", t.run("GEOSEARCHSTORE", "d", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "200",
                "km", "ASC", "STOREDIST"));
        assertEquals("[\"Catania\", \"Palermo\"]", t.run("ZRANGE", "d", "0", "-1"));
        assertEquals("(integer) 1", t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "COUNT", "1", "STORE", "d3"));
        assertEquals("[\"Catania\"]", t.run("ZRANGE", "d3", "0", "-1"));
        assertEquals("(integer) 0", t.run("GEOSEARCHSTORE", "d", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "m"));
        assertEquals("(integer) 0", t.run("EXISTS", "d"));
        assertEquals("(integer) 0", t.run("GEOSEARCHSTORE", "d", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "m"));
        assertEquals("(integer) 0", t.run("GEORADIUSBYMEMBER", "nokey", "m", "1", "km", "STORE", "d3"));
        assertEquals(List.of(
                "zadd Sicily 3479099956230698 Palermo 3479447370796909 Catania",
                "GEOSEARCHSTORE d Sicily FROMLONLAT 15 37 BYRADIUS 200 km ASC STOREDIST",
                "GEORADIUS Sicily 15 37 200 km COUNT 1 STORE d3",
                "GEOSEARCHSTORE d Sicily FROMLONLAT 15 37 BYRADIUS 1 m",
                "GEORADIUSBYMEMBER nokey m 1 km STORE d3"), log);
    }

    @Test
    void searchErrorsInRedisOrder() {
        sicily();
        assertEquals("(error) ERR COUNT must be > 0", t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "COUNT", "0"));
        assertEquals("(error) ERR value is not an integer or out of range",
                t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "COUNT", "x"));
        assertEquals(SYNTAX, t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "COUNT"));
        assertEquals("(error) ERR the ANY argument requires COUNT argument",
                t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "ANY"));
        assertEquals("(error) ERR radius cannot be negative", t.run("GEORADIUS", "Sicily", "15", "37", "-1", "km"));
        assertEquals("(error) ERR need numeric radius", t.run("GEORADIUS", "Sicily", "15", "37", "x", "km"));
        assertEquals("(error) ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options",
                t.run("GEORADIUS", "Sicily", "15", "37", "200", "km", "STORE", "d", "WITHDIST"));
        assertEquals(SYNTAX, t.run("GEORADIUS_RO", "Sicily", "15", "37", "200", "km", "STOREDIST", "d"));
        assertEquals("(error) ERR could not decode requested zset member",
                t.run("GEORADIUSBYMEMBER", "Sicily", "nope", "200", "km"));
        assertEquals("(error) ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for geosearch",
                t.run("geosearch", "Sicily", "BYBOX", "1", "1", "km", "WITHDIST"));
        assertEquals("(error) ERR exactly one of BYRADIUS and BYBOX can be specified for GEOSEARCH",
                t.run("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "WITHDIST", "ASC"));
        assertEquals(SYNTAX, t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "FROMLONLAT", "1", "1", "BYBOX", "1", "1", "km"));
        assertEquals(SYNTAX, t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "1", "1", "km", "STOREDIST"));
        assertEquals("(error) ERR height or width cannot be negative",
                t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "-1", "1", "km"));
        assertEquals("(error) ERR need numeric width", t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "x", "1", "km"));
        assertEquals("(error) ERR need numeric height", t.run("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "1", "x", "km"));
        assertEquals("(error) ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options",
                t.run("GEOSEARCHSTORE", "d", "Sicily", "FROMMEMBER", "Palermo", "BYBOX", "1", "1", "km", "WITHDIST"));
        // a missing source still has its options read
        assertEquals("[]", t.run("GEOSEARCH", "nokey", "FROMMEMBER", "x", "BYBOX", "1", "1", "km"));
        assertEquals("(error) ERR unsupported unit provided. please use M, KM, FT, MI",
                t.run("GEOSEARCH", "nokey", "FROMMEMBER", "x", "BYBOX", "1", "1", "parsec"));
    }

    @Test
    void commandGetkeysFindsTheStoreKeys() {
        assertEquals("[\"k\", \"d\", \"e\"]",
                t.run("COMMAND", "GETKEYS", "GEORADIUS", "k", "0", "0", "1", "km", "STORE", "d", "STOREDIST", "e"));
        assertEquals("[\"k\"]", t.run("COMMAND", "GETKEYS", "GEORADIUSBYMEMBER", "k", "m", "1", "store", "km"));
        assertEquals("[\"a\", \"b\"]",
                t.run("COMMAND", "GETKEYS", "GEOSEARCHSTORE", "a", "b", "c", "d", "e", "f", "g"));
        assertEquals("(error) ERR Invalid number of arguments specified for command",
                t.run("COMMAND", "GETKEYS", "GEOSEARCHSTORE", "a", "b", "c"));
    }
}
