package io.jredis.bootstrap.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MULTI/EXEC/WATCH as Jedis and Lettuce applications use them, on jredis and on redis-server
 * alike (a failure on jredis alone is jredis's), including clients racing WATCH-INCR-retry loops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionClientsIT {

    private SideBySide servers;

    @BeforeAll
    void start() {
        servers = SideBySide.start();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private int port(String server) {
        return servers.port(server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisTransactionRepliesEveryResultAndKeepsRuntimeErrorsInTheirSlot(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            jedis.del("jtx:a", "jtx:s");
            Transaction tx = jedis.multi();
            Response<String> set = tx.set("jtx:a", "1");
            Response<Long> incr = tx.incr("jtx:a");
            tx.set("jtx:s", "text");
            Response<Long> bad = tx.incr("jtx:s");
            Response<String> get = tx.get("jtx:a");
            List<Object> results = tx.exec();
            assertEquals(5, results.size());
            assertEquals("OK", set.get());
            assertEquals(2L, incr.get());
            assertEquals("2", get.get());
            JedisDataException e = assertThrows(JedisDataException.class, bad::get);
            assertEquals("ERR value is not an integer or out of range", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisWatchFailsWhenAnotherClientWritesTheKey(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server));
             Jedis other = new Jedis("127.0.0.1", port(server))) {
            jedis.set("jtx:w", "v");
            assertEquals("OK", jedis.watch("jtx:w"));
            other.set("jtx:w", "v"); // the same value still counts
            Transaction tx = jedis.multi();
            tx.set("jtx:w", "mine");
            assertNull(tx.exec());
            assertEquals("v", jedis.get("jtx:w"));

            // EXEC unwatched: the next transaction runs.
            jedis.watch("jtx:w");
            Transaction ok = jedis.multi();
            ok.set("jtx:w", "mine");
            assertEquals(List.of("OK"), ok.exec());
            assertEquals("mine", other.get("jtx:w"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisQueuingErrorAbortsTheTransaction(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            jedis.del("jtx:abort");
            Transaction tx = jedis.multi();
            tx.set("jtx:abort", "1");
            tx.sendCommand(() -> "NOSUCHCOMMAND".getBytes(), "x");
            JedisDataException e = assertThrows(JedisDataException.class, tx::exec);
            assertTrue(e.getMessage().startsWith("EXECABORT Transaction discarded because of previous errors."),
                    e.getMessage());
            assertNull(jedis.get("jtx:abort"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void jedisDiscard(String server) {
        try (Jedis jedis = new Jedis("127.0.0.1", port(server))) {
            jedis.del("jtx:d");
            Transaction tx = jedis.multi();
            tx.set("jtx:d", "1");
            assertEquals("OK", tx.discard());
            assertNull(jedis.get("jtx:d"));
            assertEquals("PONG", jedis.ping());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void lettuceMultiExecWatchAndAbort(String server) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port(server))
                .withTimeout(Duration.ofSeconds(20)).build());
        try (StatefulRedisConnection<String, String> c = client.connect();
             StatefulRedisConnection<String, String> o = client.connect()) {
            RedisCommands<String, String> sync = c.sync();
            RedisCommands<String, String> other = o.sync();
            sync.del("ltx:a", "ltx:w");

            assertEquals("OK", sync.multi());
            sync.set("ltx:a", "1");
            sync.incr("ltx:a");
            sync.get("ltx:a");
            TransactionResult result = sync.exec();
            assertTrue(!result.wasDiscarded());
            assertEquals(List.of("OK", 2L, "2"), result.stream().toList());

            assertEquals("OK", sync.watch("ltx:w"));
            other.set("ltx:w", "theirs");
            sync.multi();
            sync.set("ltx:w", "mine");
            assertTrue(sync.exec().wasDiscarded());
            assertEquals("theirs", other.get("ltx:w"));

            sync.watch("ltx:w");
            assertEquals("OK", sync.unwatch());
            other.set("ltx:w", "again");
            sync.multi();
            sync.set("ltx:w", "mine");
            assertEquals(List.of("OK"), sync.exec().stream().toList());

            sync.multi();
            sync.set("ltx:a", "3");
            // GET without its key, refused at queuing (Lettuce's sync API inside MULTI reports nothing)
            sync.dispatch(io.lettuce.core.protocol.CommandType.GET,
                    new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8));
            RedisCommandExecutionException abort = assertThrows(RedisCommandExecutionException.class, sync::exec);
            assertTrue(abort.getMessage().startsWith("EXECABORT"), abort.getMessage());
            assertEquals("2", sync.get("ltx:a"));
        } finally {
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }

    /**
     * N clients each add 1 to one counter through WATCH, GET, MULTI, SET, EXEC, retrying when EXEC
     * fails. Optimistic locking means no increment is lost: the final value is the number of
     * successful EXECs. Bounded: each client stops after its attempts, successful or not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void racingWatchIncrRetryLoopsLoseNoIncrement(String server) throws Exception {
        int clients = 4;
        int attempts = 400;
        int port = port(server);
        String counter = "race:counter";
        try (Jedis setup = new Jedis("127.0.0.1", port)) {
            setup.set(counter, "0");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<int[]> loop = () -> {
                    int committed = 0;
                    int aborted = 0;
                    try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                        jedis.ping();
                        ready.countDown();
                        ready.await();
                        for (int a = 0; a < attempts; a++) {
                            jedis.watch(counter);
                            long value = Long.parseLong(jedis.get(counter));
                            Transaction tx = jedis.multi();
                            tx.set(counter, Long.toString(value + 1));
                            if (tx.exec() == null) {
                                aborted++;
                            } else {
                                committed++;
                            }
                        }
                    }
                    return new int[] {committed, aborted};
                };
                results.add(pool.submit(loop));
            }
            int committed = 0;
            int aborted = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(120, TimeUnit.SECONDS);
                committed += r[0];
                aborted += r[1];
            }
            assertEquals(clients * attempts, committed + aborted);
            assertTrue(committed > 0);
            try (Jedis check = new Jedis("127.0.0.1", port)) {
                assertEquals(Integer.toString(committed), check.get(counter),
                        committed + " EXECs committed, " + aborted + " aborted");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jredis", "redis"})
    void racingLettuceTransactionsOnSeparateConnections(String server) throws Exception {
        int clients = 3;
        int attempts = 200;
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port(server))
                .withTimeout(Duration.ofSeconds(20)).build());
        String counter = "lrace:counter";
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (StatefulRedisConnection<String, String> setup = client.connect()) {
            setup.sync().set(counter, "0");
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    int committed = 0;
                    try (StatefulRedisConnection<String, String> c = client.connect()) {
                        RedisCommands<String, String> sync = c.sync();
                        for (int a = 0; a < attempts; a++) {
                            sync.watch(counter);
                            long value = Long.parseLong(sync.get(counter));
                            sync.multi();
                            sync.set(counter, Long.toString(value + 1));
                            if (!sync.exec().wasDiscarded()) {
                                committed++;
                            }
                        }
                    }
                    return committed;
                }));
            }
            int committed = 0;
            for (Future<Integer> f : results) {
                committed += f.get(120, TimeUnit.SECONDS);
            }
            assertTrue(committed > 0);
            assertEquals(Integer.toString(committed), setup.sync().get(counter));
        } finally {
            pool.shutdownNow();
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }
}
