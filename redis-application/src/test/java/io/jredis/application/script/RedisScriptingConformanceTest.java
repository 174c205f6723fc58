package io.jredis.application.script;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each line of lua/redis_snippets.txt is EVAL's arguments separated by tabs (script, numkeys,
 * keys and args), run in order on one server; lua/redis_expected.txt holds redis-server
 * 7.0.15's replies to the same sequence after FLUSHALL and SCRIPT FLUSH.
 */
class RedisScriptingConformanceTest {

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = RedisScriptingConformanceTest.class.getResourceAsStream(resource)) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    @Test
    void everyScriptRepliesAsRedis() throws IOException {
        List<String> scripts = lines("/lua/redis_snippets.txt");
        List<String> expected = lines("/lua/redis_expected.txt");
        CommandTester t = new CommandTester();
        List<String> failures = new ArrayList<>();
        int e = 0;
        for (String line : scripts) {
            if (line.isBlank()) {
                continue;
            }
            String want = expected.get(e++);
            List<String> args = new ArrayList<>();
            args.add("EVAL");
            args.addAll(Arrays.asList(line.split("\t")));
            String got = LuaConformanceTest.escape(t.run(args.toArray(new String[0])));
            if (!want.equals(got)) {
                failures.add(line + "\n   redis: " + want + "\n  jredis: " + got);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " scripts differ");
    }
}
