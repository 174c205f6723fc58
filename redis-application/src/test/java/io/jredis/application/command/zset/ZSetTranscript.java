package io.jredis.application.command.zset;

import io.jredis.application.testing.CommandTester;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays a transcript recorded from a real Redis 7.0.15 over RESP3 and rendered as
 * CommandTester renders replies (doubles as Java prints them): one {@code "arg", "arg" => reply}
 * line per command. Every command goes through the executor.
 */
final class ZSetTranscript {

    private ZSetTranscript() {
    }

    static void replay(CommandTester t, String transcript) {
        int lineNo = 0;
        for (String line : transcript.split("\n")) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> args = new ArrayList<>();
            int pos = 0;
            while (line.charAt(pos) == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (line.charAt(pos) != '"') {
                    char c = line.charAt(pos++);
                    sb.append(c == '\\' ? line.charAt(pos++) : c);
                }
                args.add(sb.toString());
                pos++;
                if (line.startsWith(", ", pos)) {
                    pos += 2;
                }
            }
            if (!line.startsWith(" => ", pos)) {
                throw new IllegalArgumentException("line " + lineNo + ": no ' => ' in " + line);
            }
            String expected = line.substring(pos + 4);
            assertEquals(expected, t.run(args.toArray(String[]::new)), "line " + lineNo + ": " + String.join(" ", args));
        }
    }
}
