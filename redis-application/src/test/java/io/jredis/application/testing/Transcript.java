package io.jredis.application.testing;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays a transcript recorded from a real Redis 7.0.15 over RESP3 and rendered as
 * CommandTester renders replies: one {@code "arg", "arg" => reply} line per command, arguments
 * as JSON strings. Every command, of any group, goes through the executor of a RESP3 client.
 */
public final class Transcript {

    private Transcript() {
    }

    public static void replay(CommandTester t, String transcript) {
        t.run("HELLO", "3");
        int lineNo = 0;
        for (String line : transcript.split("\n")) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> args = new ArrayList<>();
            int pos = parseArgs(line, args);
            if (!line.startsWith(" => ", pos)) {
                throw new IllegalArgumentException("line " + lineNo + ": no ' => ' in " + line);
            }
            String expected = line.substring(pos + 4);
            assertEquals(expected, t.run(args.toArray(String[]::new)), "line " + lineNo + ": " + String.join(" ", args));
        }
    }

    /**
     * Parses the JSON strings before " => " into {@code out}; returns the position after the last
     * one (shared with the string group's transcripts, which play some commands differently).
     */
    public static int parseArgs(String line, List<String> out) {
        int p = 0;
        while (p < line.length() && line.charAt(p) == '"') {
            StringBuilder sb = new StringBuilder();
            p++;
            while (line.charAt(p) != '"') {
                char c = line.charAt(p++);
                if (c == '\\') {
                    char e = line.charAt(p++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(line.substring(p, p + 4), 16));
                            p += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            p++;
            out.add(sb.toString());
            if (line.startsWith(", ", p)) {
                p += 2;
            }
        }
        return p;
    }
}
