package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BGSAVE while a client keeps writing: the file jredis writes in the background is the dataset
 * as it was when BGSAVE was accepted, and a real redis-server 7.0 loads it (and its checker
 * passes it). Writes sent after BGSAVE's reply overwrite, delete, grow lists and add keys; none
 * of them may appear in the file.
 */
class BgsaveIT {

    private static final int KEYS = 200_000;

    @TempDir
    Path dir;

    @Test
    void aBackgroundSaveMadeUnderWritesIsPointInTimeAndLoadsIntoRedis() throws Exception {
        AtomicLong writesDuringSave = new AtomicLong();
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--save", "");
             RespConnection c = RespConnection.to(jredis);
             RespConnection writer = RespConnection.to(jredis)) {
            pipeline(c, KEYS, i -> new String[] {"SET", "key:" + i, "v" + i});
            assertEquals(":3\r\n", c.call("RPUSH", "list", "a", "b", "c"));
            assertEquals(":2\r\n", c.call("HSET", "hash", "f1", "v1", "f2", "v2"));
            assertEquals("+OK\r\n", c.call("SET", "ttl", "t", "PXAT", "4102444800123"));
            assertEquals("+Background saving started\r\n", c.call("BGSAVE"));
            assertEquals("-ERR Background save already in progress\r\n", c.call("BGSAVE"));
            // Every write below is sent after BGSAVE was accepted: none may reach the file.
            AtomicBoolean saving = new AtomicBoolean(true);
            int round = 0;
            while (saving.get()) {
                int base = round++ * 500;
                pipeline(writer, 500, i -> switch (i % 5) {
                    case 0 -> new String[] {"SET", "key:" + ((base + i) * 7919 % KEYS), "changed"};
                    case 1 -> new String[] {"DEL", "key:" + ((base + i) * 104729 % KEYS)};
                    case 2 -> new String[] {"APPEND", "key:" + ((base + i) * 15485863L % KEYS), "+more"};
                    case 3 -> new String[] {"SET", "new:" + (base + i), "fresh"};
                    default -> new String[] {"RPUSH", "list", "x" + (base + i)};
                });
                String info = c.call("INFO", "persistence");
                if (info.contains("rdb_bgsave_in_progress:1\r\n")) {
                    writesDuringSave.addAndGet(500);
                } else {
                    saving.set(false);
                }
            }
            String info = c.call("INFO", "persistence");
            assertTrue(info.contains("rdb_last_bgsave_status:ok\r\n"), info);
            assertTrue(info.contains("rdb_saves:1\r\n"), info);
        }
        assertTrue(writesDuringSave.get() > 0, "the writer ran while BGSAVE was in progress");
        Process check = new ProcessBuilder("/usr/bin/redis-check-rdb", dir.resolve("dump.rdb").toString())
                .redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, check.waitFor(), report);
        assertTrue(report.contains("Checksum OK") && report.contains("RDB looks OK"), report);
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith("temp-")), "no temp file left");

        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString());
             RespConnection c = RespConnection.to(redis)) {
            assertEquals(":" + (KEYS + 3) + "\r\n", c.call("DBSIZE"));
            for (int from = 0; from < KEYS; from += 1000) {
                String[] mget = new String[1001];
                mget[0] = "MGET";
                StringBuilder expected = new StringBuilder("*1000\r\n");
                for (int i = 0; i < 1000; i++) {
                    mget[i + 1] = "key:" + (from + i);
                    String v = "v" + (from + i);
                    expected.append('$').append(v.length()).append("\r\n").append(v).append("\r\n");
                }
                assertEquals(expected.toString(), c.call(mget), "keys from " + from);
            }
            assertEquals("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n", c.call("LRANGE", "list", "0", "-1"));
            assertEquals("$2\r\nv2\r\n", c.call("HGET", "hash", "f2"));
            assertEquals(":4102444800123\r\n", c.call("PEXPIRETIME", "ttl"));
            assertEquals(":0\r\n", c.call("EXISTS", "new:3"));
        }
    }

    @Test
    void shutdownDuringABackgroundSaveKillsItThenSavesAndLeavesNoTempFile() throws Exception {
        try (JRedisProcess jredis = JRedisProcess.start("--dir", dir.toString(), "--save", "3600 1");
             RespConnection c = RespConnection.to(jredis)) {
            pipeline(c, KEYS, i -> new String[] {"SET", "key:" + i, "v" + i});
            assertEquals("+Background saving started\r\n", c.call("BGSAVE"));
            assertEquals("+OK\r\n", c.call("SET", "after", "the start"));
            c.write(RespConnection.encode("SHUTDOWN"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (jredis.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!jredis.isAlive(), "SHUTDOWN stops the server");
            assertTrue(jredis.output().contains("Background snapshot killed"), jredis.output());
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith("temp-")), "no temp file left");
        try (RealRedisProcess redis = RealRedisProcess.start("--dir", dir.toString());
             RespConnection c = RespConnection.to(redis)) {
            // SHUTDOWN's own save, made after the write that followed BGSAVE
            assertEquals(":" + (KEYS + 1) + "\r\n", c.call("DBSIZE"));
            assertEquals("$9\r\nthe start\r\n", c.call("GET", "after"));
        }
    }

    /** Sends {@code n} commands in one write and reads all replies; a reply starting with '-' fails. */
    private static void pipeline(RespConnection c, int n, java.util.function.IntFunction<String[]> command)
            throws IOException {
        int batch = 2000;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = from; i < to; i++) {
                out.writeBytes(RespConnection.encode(command.apply(i)));
            }
            c.write(out.toByteArray());
            for (int i = from; i < to; i++) {
                String reply = c.readReplyText();
                if (reply.startsWith("-")) {
                    throw new AssertionError("command " + i + " failed: " + reply);
                }
            }
        }
    }
}
