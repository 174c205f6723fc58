package io.jredis.bootstrap.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ACL users as Jedis and Lettuce applications use them (AUTH user pass, HELLO 3 AUTH), with the
 * NOPERM and WRONGPASS errors on jredis and on redis-server alike, and ACL LIST / GETUSER
 * compared byte for byte after the same SETUSER sequences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AclClientsIT {

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private static void setUser(Jedis admin, String name, String... rules) {
        List<String> args = new ArrayList<>(List.of("SETUSER", name));
        args.addAll(List.of(rules));
        admin.sendCommand(Protocol.Command.ACL, args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisAuthenticatesAsAUserAndGetsNopermForWhatItMayNotDo(String server) {
        int port = servers.port(server);
        try (Jedis admin = new Jedis("127.0.0.1", port); Jedis app = new Jedis("127.0.0.1", port)) {
            setUser(admin, "app", "reset", "on", ">secret", "~app:*", "%R~shared:*", "&news*", "+@all", "-flushall");
            assertEquals("OK", app.auth("app", "secret"));
            assertEquals("app", app.aclWhoAmI());
            assertEquals("OK", app.set("app:1", "v"));
            assertEquals("v", app.get("app:1"));
            assertEquals(null, app.get("shared:1"));
            JedisDataException key = assertThrows(JedisDataException.class, () -> app.set("shared:1", "v"));
            assertEquals("NOPERM this user has no permissions to access one of the keys used as arguments",
                    key.getMessage());
            JedisDataException cmd = assertThrows(JedisDataException.class, app::flushAll);
            assertEquals("NOPERM this user has no permissions to run the 'flushall' command", cmd.getMessage());
            JedisDataException wrong = assertThrows(JedisDataException.class, () -> app.auth("app", "nope"));
            assertEquals("WRONGPASS invalid username-password pair or user is disabled.", wrong.getMessage());
            assertEquals("app", app.aclWhoAmI(), "a failed AUTH keeps the user");
            assertEquals("1", String.valueOf(admin.aclDelUser("app")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void lettuceConnectsWithHello3AuthAsAUser(String server) {
        int port = servers.port(server);
        try (Jedis admin = new Jedis("127.0.0.1", port)) {
            setUser(admin, "lettuce", "reset", "on", ">pw", "~l:*", "+@read", "+@write", "+@connection", "-lpush");
            RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(port)
                    .withAuthentication("lettuce", "pw").withTimeout(Duration.ofSeconds(10)).build();
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<String, String> conn = client.connect()) {
                RedisCommands<String, String> sync = conn.sync();
                assertEquals("OK", sync.set("l:1", "x"));
                assertEquals("x", sync.get("l:1"));
                RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class,
                        () -> sync.lpush("l:2", "a"));
                assertEquals("NOPERM this user has no permissions to run the 'lpush' command", e.getMessage());
                RedisCommandExecutionException k = assertThrows(RedisCommandExecutionException.class,
                        () -> sync.get("other"));
                assertEquals("NOPERM this user has no permissions to access one of the keys used as arguments",
                        k.getMessage());
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
            }
            RedisClient bad = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                    .withAuthentication("lettuce", "wrong").withTimeout(Duration.ofSeconds(10)).build());
            try {
                Exception failure = assertThrows(Exception.class, bad::connect);
                Throwable cause = failure;
                while (cause.getCause() != null && !(cause instanceof RedisCommandExecutionException)) {
                    cause = cause.getCause();
                }
                assertEquals("WRONGPASS invalid username-password pair or user is disabled.", cause.getMessage());
            } finally {
                bad.shutdown(Duration.ZERO, Duration.ofSeconds(5));
            }
            admin.aclDelUser("lettuce");
        }
    }

    /** Rules whose description Redis prints in a fixed order (at most one single command after the categories). */
    private static final List<List<String>> SEQUENCES = List.of(
            List.of("u1", "on", ">a", ">b", "<a", "~k*", "%R~r*", "%W~w*", "&c*", "+@all", "-flushall"),
            List.of("u2", "+@all", "-@dangerous", "resetchannels", "allkeys"),
            List.of("u3", "-@all", "+@hash", "+@string", "-get"),
            List.of("u4", "(~x* +get)", "(%R~y +set)", "nopass", "on"),
            List.of("u5", "skip-sanitize-payload", "#" + "a".repeat(64), "allchannels", "~a", "~b", "%R~a"),
            List.of("u3", "-@all", "+@read", "-get"),
            List.of("u6", "-@all", "+select|0", "+select|1"),
            List.of("default", ">pw", "resetpass", "nopass"));

    @Test
    void aclListAndGetuserAreByteIdenticalAfterTheSameSetusers() throws java.io.IOException {
        int jport = servers.port("jredis");
        int rport = servers.port("redis");
        try (RespConnection j = new RespConnection(new java.net.Socket("127.0.0.1", jport));
             RespConnection r = new RespConnection(new java.net.Socket("127.0.0.1", rport))) {
            for (List<String> seq : SEQUENCES) {
                List<String> cmd = new ArrayList<>(List.of("ACL", "SETUSER"));
                cmd.addAll(seq);
                assertEquals(r.call(cmd.toArray(String[]::new)), j.call(cmd.toArray(String[]::new)), String.join(" ", cmd));
                assertEquals(r.call(List.of("ACL", "LIST").toArray(String[]::new)), j.call(List.of("ACL", "LIST").toArray(String[]::new)), "ACL LIST after " + cmd);
                List<String> get = List.of("ACL", "GETUSER", seq.get(0));
                assertEquals(r.call(get.toArray(String[]::new)), j.call(get.toArray(String[]::new)), "ACL GETUSER after " + cmd);
            }
            for (String u : List.of("u1", "u2", "u3", "u4", "u5", "u6")) {
                assertEquals(r.call(List.of("ACL", "DRYRUN", u, "GET", "k1").toArray(String[]::new)), j.call(List.of("ACL", "DRYRUN", u, "GET", "k1").toArray(String[]::new)));
                assertEquals(r.call(List.of("ACL", "DRYRUN", u, "SET", "r1", "v").toArray(String[]::new)),
                        j.call(List.of("ACL", "DRYRUN", u, "SET", "r1", "v").toArray(String[]::new)));
            }
            List<String> del = List.of("ACL", "DELUSER", "u1", "u2", "u3", "u4", "u5", "u6");
            assertEquals(r.call(del.toArray(String[]::new)), j.call(del.toArray(String[]::new)));
        }
    }
}
