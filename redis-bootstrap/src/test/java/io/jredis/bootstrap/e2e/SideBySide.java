package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A jredis and, where Debian's redis-server is installed, a real Redis, for tests that run the
 * same client code against both (a failure on jredis alone is jredis's).
 */
final class SideBySide implements AutoCloseable {

    private final JRedisProcess jredis;
    private final RealRedisProcess redis;

    private SideBySide(JRedisProcess jredis, RealRedisProcess redis) {
        this.jredis = jredis;
        this.redis = redis;
    }

    static SideBySide start() {
        JRedisProcess jredis = JRedisProcess.start();
        RealRedisProcess redis = Files.isExecutable(RealRedisProcess.BINARY) ? RealRedisProcess.start() : null;
        return new SideBySide(jredis, redis);
    }

    /** The port of "jredis" or "redis"; a test on "redis" is skipped where it is not installed. */
    int port(String server) {
        if (server.equals("redis")) {
            Assumptions.assumeTrue(redis != null, "redis-server is not installed");
            return redis.port();
        }
        return jredis.port();
    }

    /** Waits until INFO reports {@code n} blocked clients (the server has seen every blocking call so far). */
    static void awaitBlocked(Jedis admin, int n) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String info = admin.info("clients");
            if (info.contains("blocked_clients:" + n + "\r\n")) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("expected blocked_clients:" + n + " in " + info);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // no busy spin: the cores are shared
        }
    }

    @Override
    public void close() {
        jredis.close();
        if (redis != null) {
            redis.close();
        }
    }
}
