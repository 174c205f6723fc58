package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** redis-cli against jredis prints exactly what it prints against redis-server (output and exit code). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisCliIT {

    private static final Path CLI = Path.of("/usr/bin/redis-cli");
    private JRedisProcess jredis;
    private RealRedisProcess redis;

    @BeforeAll
    void start() {
        Assumptions.assumeTrue(Files.isExecutable(CLI), CLI + " is not installed");
        jredis = JRedisProcess.start();
        redis = RealRedisProcess.start();
    }

    @AfterAll
    void stop() {
        if (jredis != null) {
            jredis.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run cli(int port, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CLI.toString(), "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.ISO_8859_1));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "redis-cli " + cmd + " did not finish");
        return new Run(p.exitValue(), out);
    }

    private void same(String stdin, String... args) throws Exception {
        Run want = cli(redis.port(), stdin, args);
        Run got = cli(jredis.port(), stdin, args);
        assertEquals(want, got, "redis-cli " + String.join(" ", args));
    }

    @Test
    void singleCommands() throws Exception {
        same(null, "PING");
        same(null, "PING", "hello world");
        same(null, "SET", "cli:k", "v a l");
        same(null, "GET", "cli:k");
        same(null, "--no-raw", "GET", "cli:k");
        same(null, "GET", "cli:missing");
        same(null, "--no-raw", "GET", "cli:missing");
        same(null, "ECHO", "");
        same(null, "NOSUCHCOMMAND", "a", "b");
        same(null, "--no-raw", "NOSUCHCOMMAND", "a");
        same(null, "GET");
        same(null, "SET", "cli:k", "v", "NX", "XX");
        same(null, "-r", "3", "PING");
    }

    @Test
    void commandsFromStandardInput() throws Exception {
        same("SET cli:in 1\nGET cli:in\nPING\nECHO \"a b\"\nGET cli:none\n");
    }

    @Test
    void massInsertionWithPipe() throws Exception {
        StringBuilder proto = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            proto.append(new String(RespConnection.encode("SET", "cli:pipe:" + i, "value-" + i), StandardCharsets.ISO_8859_1));
        }
        Run want = cli(redis.port(), proto.toString(), "--pipe");
        Run got = cli(jredis.port(), proto.toString(), "--pipe");
        assertEquals(want, got);
        assertTrue(got.out().contains("errors: 0, replies: 2000"), got.out());
        same(null, "GET", "cli:pipe:1999");
    }
}
