package io.jredis.application.script;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each line of lua/snippets.lua is sent as EVAL <line> 0; lua/expected.txt holds what
 * redis-server 7.0.15 replied, line for line, captured on a freshly started server in the same
 * order (math.random's sequence carries over from script to script, as in Redis).
 */
class LuaConformanceTest {

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = LuaConformanceTest.class.getResourceAsStream(resource)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String l : all.split("\n", -1)) {
                out.add(l);
            }
            return out;
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\0", "\\0");
    }

    @Test
    void everySnippetRepliesAsRedis() throws IOException {
        List<String> snippets = lines("/lua/snippets.lua");
        List<String> expected = lines("/lua/expected.txt");
        CommandTester t = new CommandTester();
        List<String> failures = new ArrayList<>();
        int e = 0;
        int checked = 0;
        for (String snippet : snippets) {
            if (snippet.isBlank()) {
                continue;
            }
            String want = expected.get(e++);
            String got = t.run("EVAL", snippet, "0");
            if (got.startsWith("\"") && got.endsWith("\"") && got.length() >= 2) {
                got = got.substring(1, got.length() - 1);
            }
            got = escape(got);
            checked++;
            if (!want.equals(got)) {
                failures.add(snippet + "\n   redis: " + want + "\n  jredis: " + got);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " snippets differ");
    }
}
