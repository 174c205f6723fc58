package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Strings;
import io.jredis.domain.value.TypedValue;
import io.jredis.domain.value.ValueType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays a transcript recorded from a real Redis 7.0.15 (RESP3, rendered as CommandTester
 * renders replies): one {@code "arg", "arg" => reply} line per command, arguments as JSON
 * strings. Commands of other groups that the transcripts use to set the scene (LPUSH, EXPIRE,
 * TTL, PTTL, EXISTS, TYPE, OBJECT ENCODING, FLUSHALL) are played here against the keyspace, so
 * these tests do not depend on other groups; every string command goes through the executor.
 */
final class RedisTranscript {

    /** A stand-in for a value of another type, for WRONGTYPE cases. */
    static final TypedValue LIST = new TypedValue() {
        @Override
        public ValueType type() {
            return ValueType.LIST;
        }

        @Override
        public String encoding() {
            return "listpack";
        }

        @Override
        public TypedValue copy() {
            return this;
        }
    };

    private RedisTranscript() {
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
            int pos = io.jredis.application.testing.Transcript.parseArgs(line, args);
            if (!line.startsWith(" => ", pos)) {
                throw new IllegalArgumentException("line " + lineNo + ": no ' => ' in " + line);
            }
            String expected = line.substring(pos + 4);
            String actual = run(t, args);
            assertEquals(expected, actual, "line " + lineNo + ": " + String.join(" ", args));
        }
    }

    private static String run(CommandTester t, List<String> args) {
        String name = args.get(0).toLowerCase(java.util.Locale.ROOT);
        Database db = t.server.keyspace().db(t.session().db());
        long now = t.clock.millis();
        switch (name) {
            case "flushall":
                db.clear();
                return "OK";
            case "lpush":
                db.put(key(args, 1), LIST, now);
                return "(integer) " + (args.size() - 2);
            case "exists":
                return "(integer) " + (db.contains(key(args, 1), now) ? 1 : 0);
            case "expire": {
                boolean ok = db.setExpire(key(args, 1), now + Long.parseLong(args.get(2)) * 1000, now);
                return "(integer) " + (ok ? 1 : 0);
            }
            case "ttl":
            case "pttl": {
                byte[] k = key(args, 1);
                if (!db.contains(k, now)) {
                    return "(integer) -2";
                }
                long at = db.expireAt(k, now);
                if (at == Database.NO_EXPIRY) {
                    return "(integer) -1";
                }
                long ms = at - now;
                return "(integer) " + (name.equals("ttl") ? (ms + 500) / 1000 : ms);
            }
            case "type": {
                Object v = db.peek(key(args, 1), now);
                return v == null ? "none" : ValueType.of(v).redisName();
            }
            case "object": {
                Object v = db.peek(key(args, 2), now);
                return v == null ? "(nil)" : "\"" + Strings.encoding(v) + "\"";
            }
            default:
                return t.run(args.toArray(String[]::new));
        }
    }

    private static byte[] key(List<String> args, int i) {
        return args.get(i).getBytes(StandardCharsets.UTF_8);
    }
}
