package io.jredis.bootstrap.e2e;

import io.lettuce.core.GeoArgs;
import io.lettuce.core.GeoCoordinates;
import io.lettuce.core.GeoSearch;
import io.lettuce.core.GeoWithin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.GeoCoordinate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoAddParams;
import redis.clients.jedis.params.GeoRadiusParam;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Geo commands through Jedis (RESP2) and Lettuce (RESP3 doubles), against jredis and against
 * real Redis with the same expectations, so a failure on jredis alone is jredis's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeoClientsIT {

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisSicily(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", servers.port(server))) {
            jedis.del("jg:sicily", "jg:near");
            assertEquals(2, jedis.geoadd("jg:sicily", Map.of(
                    "Palermo", new GeoCoordinate(13.361389, 38.115556),
                    "Catania", new GeoCoordinate(15.087269, 37.502669))));
            assertEquals(0, jedis.geoadd("jg:sicily", GeoAddParams.geoAddParams().nx(),
                    Map.of("Palermo", new GeoCoordinate(1, 1))));
            assertEquals(166.2742, jedis.geodist("jg:sicily", "Palermo", "Catania", GeoUnit.KM));
            assertNull(jedis.geodist("jg:sicily", "Palermo", "nowhere"));
            assertEquals(List.of("sqc8b49rny0", "sqdtr74hyu0"), jedis.geohash("jg:sicily", "Palermo", "Catania"));
            List<GeoCoordinate> pos = jedis.geopos("jg:sicily", "Palermo", "nowhere");
            assertEquals(13.36138933897018433, pos.get(0).getLongitude());
            assertEquals(38.11555639549629859, pos.get(0).getLatitude());
            assertNull(pos.get(1));
            List<GeoRadiusResponse> near = jedis.georadius("jg:sicily", 15, 37, 200, GeoUnit.KM,
                    GeoRadiusParam.geoRadiusParam().withDist().withCoord().sortAscending());
            assertEquals(List.of("Catania", "Palermo"), near.stream().map(GeoRadiusResponse::getMemberByString).toList());
            assertEquals(56.4413, near.get(0).getDistance());
            assertEquals(15.08726745843887329, near.get(0).getCoordinate().getLongitude());
            List<GeoRadiusResponse> box = jedis.geosearch("jg:sicily", new GeoSearchParam()
                    .fromMember("Palermo").byBox(400, 400, GeoUnit.KM).withDist().asc());
            assertEquals(List.of("Palermo", "Catania"), box.stream().map(GeoRadiusResponse::getMemberByString).toList());
            assertEquals(1, jedis.geosearchStore("jg:near", "jg:sicily", new GeoSearchParam()
                    .fromLonLat(15, 37).byRadius(200, GeoUnit.KM).count(1)));
            assertEquals(List.of("Catania"), jedis.zrange("jg:near", 0, -1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void lettuceSearches(String server) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", servers.port(server)));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> redis = conn.sync();
            redis.del("lg:poles", "lg:store");
            assertEquals(3, redis.geoadd("lg:poles", 180.0, 85.05112878, "ne", -180.0, -85.05112878, "sw", 0.0, 0.0, "zero"));
            List<GeoCoordinates> pos = redis.geopos("lg:poles", "ne", "sw");
            assertEquals(180.0, pos.get(0).getX().doubleValue());
            assertEquals(85.0511287799999991, pos.get(0).getY().doubleValue());
            assertEquals(-179.99999731779098511, pos.get(1).getX().doubleValue());
            List<GeoWithin<String>> found = redis.geosearch("lg:poles", GeoSearch.fromCoordinates(0, 0),
                    GeoSearch.byRadius(20000, GeoArgs.Unit.km),
                    new GeoArgs().withDistance().withHash().asc());
            // the cells Redis scans around (0, 0) for 20000 km miss the north-east corner
            assertEquals(List.of("zero", "sw"), found.stream().map(GeoWithin::getMember).toList());
            assertEquals(0.0003, found.get(0).getDistance());
            assertEquals(10560.8118, found.get(1).getDistance());
            assertEquals(0L, found.get(1).getGeohash());
            Set<String> byMember = redis.georadiusbymember("lg:poles", "zero", 1, GeoArgs.Unit.m);
            assertEquals(Set.of("zero"), byMember);
            assertEquals(2L, redis.geosearchstore("lg:store", "lg:poles", GeoSearch.fromMember("zero"),
                    GeoSearch.byBox(40100, 20000, GeoArgs.Unit.km), new GeoArgs().desc().withCount(2), true));
            assertEquals(List.of("sw", "zero"), redis.zrevrange("lg:store", 0, -1));
        } finally {
            client.shutdown();
        }
    }
}
