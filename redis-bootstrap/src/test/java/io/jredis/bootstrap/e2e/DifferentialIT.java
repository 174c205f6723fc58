package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays seeded random command sequences ({@link CommandTemplates}) on raw RESP connections to
 * jredis and to redis-server and compares every reply byte for byte (timing-dependent replies
 * by class). A mismatch prints the seed, the command, both replies and the commands before it.
 *
 * <p>System properties: {@code diff.seed} (first seed, default 1), {@code diff.seeds} (how many,
 * default 40), {@code diff.length} (commands per sequence, default 400), {@code diff.templates}
 * ("all", or a comma-separated list of template names; default: the enabled ones),
 * {@code diff.stats} (true: print how many replies per template were errors),
 * {@code diff.against} ("redis": a second redis-server instead of jredis, to check the harness).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialIT {

    /** Per template: replies from redis-server that were errors, and all replies (-Ddiff.stats=true). */
    private final java.util.Map<String, int[]> stats = new java.util.TreeMap<>();
    private ServerProcess jredis;
    private RealRedisProcess redis;

    @BeforeAll
    void start() {
        redis = RealRedisProcess.start();
        // -Ddiff.against=redis compares two redis-servers: checks the templates and the
        // normalization are deterministic before blaming jredis
        jredis = "redis".equals(System.getProperty("diff.against")) ? RealRedisProcess.start() : JRedisProcess.start();
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

    private static List<String> templateNames() {
        String spec = System.getProperty("diff.templates", "").strip();
        if (spec.equalsIgnoreCase("all")) {
            return new ArrayList<>(CommandTemplates.ALL.keySet());
        }
        Set<String> chosen = spec.isEmpty() ? CommandTemplates.ENABLED
                : Arrays.stream(spec.split(",")).map(String::strip).collect(Collectors.toSet());
        return CommandTemplates.ALL.keySet().stream().filter(chosen::contains).toList();
    }

    @Test
    void randomSequencesGetTheRepliesRedisGives() throws IOException {
        long first = Long.getLong("diff.seed", 1);
        long seeds = Long.getLong("diff.seeds", 40);
        int length = Integer.getInteger("diff.length", 400);
        List<String> names = templateNames();
        List<String> realCommands = names.stream()
                .filter(n -> !Set.of("UNKNOWN", "UNKNOWN_BINARY", "ARITY", "QUIT").contains(n)).toList();
        System.out.println("DifferentialIT templates: " + names);
        System.out.println("DifferentialIT templates not enabled: " + CommandTemplates.pending());
        List<String> failures = new ArrayList<>();
        for (long seed = first; seed < first + seeds; seed++) {
            String failure = runSequence(seed, length, names, realCommands);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (Boolean.getBoolean("diff.stats")) {
            stats.forEach((name, st) -> System.out.printf("DifferentialIT %-16s %6d calls, %3d%% errors%n",
                    name, st[1], 100 * st[0] / st[1]));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + seeds + " sequences differ from redis-server:\n\n"
                    + String.join("\n\n", failures));
        }
    }

    /** Returns a description of the first mismatch, or null. */
    private String runSequence(long seed, int length, List<String> names, List<String> realCommands) throws IOException {
        CommandTemplates.Gen gen = new CommandTemplates.Gen(seed, realCommands.isEmpty() ? List.of("GET") : realCommands);
        Deque<String> recent = new ArrayDeque<>();
        RespConnection a = RespConnection.to(redis);
        RespConnection b = RespConnection.to(jredis);
        try {
            for (int i = 0; i < length; i++) {
                CommandTemplates.Template t = CommandTemplates.ALL.get(names.get(gen.r.nextInt(names.size())));
                List<String> args = t.args().apply(gen);
                if (t.name().startsWith("SORT")) {
                    clearErrno(a, gen.prefix());
                    clearErrno(b, gen.prefix());
                }
                byte[] request = RespConnection.encode(args.stream()
                        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList());
                String shown = show(args);
                String want = reply(a, request);
                String got = reply(b, request);
                int[] st = stats.computeIfAbsent(t.name(), k -> new int[2]);
                st[0] += want.startsWith("-") ? 1 : 0;
                st[1]++;
                String wantCmp = normalize(t.compare(), want);
                String gotCmp = normalize(t.compare(), got);
                if (!wantCmp.equals(gotCmp)) {
                    return "seed " + seed + ", command #" + i + " (template " + t.name() + ", -Ddiff.seed=" + seed
                            + " -Ddiff.seeds=1 replays it):\n  " + shown
                            + "\n  redis-server: " + escape(want) + "\n  jredis:       " + escape(got)
                            + "\n  preceded by: " + String.join(" ; ", recent);
                }
                recent.addLast(shown);
                if (recent.size() > 8) {
                    recent.removeFirst();
                }
                if (t.name().equals("QUIT")) {
                    boolean aClosed = a.isClosedByServer();
                    boolean bClosed = b.isClosedByServer();
                    if (aClosed != bClosed) {
                        return "seed " + seed + ", command #" + i + ": after QUIT redis-server closed=" + aClosed
                                + " jredis closed=" + bClosed;
                    }
                    a.close();
                    b.close();
                    a = RespConnection.to(redis);
                    b = RespConnection.to(jredis);
                }
            }
            return null;
        } finally {
            a.close();
            b.close();
        }
    }

    private static String reply(RespConnection c, byte[] request) {
        try {
            c.write(request);
            return c.readReplyText();
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    /**
     * Redis 7.0's SORT tests errno after strtod without clearing it first, so a number out of a
     * double's range met by any earlier command (ZADD 1e400, a 5e-324 score...) makes its next
     * numeric SORT of non-integer text fail. A ZADD that parses a valid score clears errno and,
     * with XX on a missing key, changes nothing; both servers get it before each SORT template.
     */
    private static void clearErrno(RespConnection c, String prefix) {
        reply(c, RespConnection.encode(List.of("ZADD", prefix + "errno", "XX", "0", "m").stream()
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList()));
    }

    static String normalize(CommandTemplates.Compare compare, String reply) {
        switch (compare) {
            case TTL_CLASS -> {
                if (reply.startsWith(":")) {
                    long v = Long.parseLong(reply.substring(1, reply.length() - 2));
                    return v > 0 ? ":positive" : reply;
                }
                return reply;
            }
            case UNORDERED -> {
                if (!reply.startsWith("*")) {
                    return reply;
                }
                List<String> items = new ArrayList<>();
                int p = reply.indexOf("\r\n") + 2;
                while (p < reply.length()) {
                    int end = reply.indexOf("\r\n", p);
                    int len = Integer.parseInt(reply.substring(p + 1, end));
                    if (len < 0) { // a null bulk (SORT ... GET of a missing key)
                        items.add("(nil)");
                        p = end + 2;
                        continue;
                    }
                    items.add(reply.substring(end + 2, end + 2 + len));
                    p = end + 2 + len + 2;
                }
                items.sort(null);
                return "unordered" + items;
            }
            case UNORDERED_PAIRS -> {
                return reply.startsWith("*") ? "pairs" + sortedGroups(parse(reply).items, 2) : reply;
            }
            case SCAN, SCAN_PAIRS -> {
                if (!reply.startsWith("*")) {
                    return reply;
                }
                Resp r = parse(reply);
                return "cursor " + r.items.get(0).text + " "
                        + sortedGroups(r.items.get(1).items, compare == CommandTemplates.Compare.SCAN ? 1 : 2);
            }
            case SHAPE -> {
                if (reply.startsWith("*")) {
                    return "array of " + parse(reply).items.size();
                }
                return reply.startsWith("$") && !reply.startsWith("$-1") ? "some bulk" : reply;
            }
            default -> {
                return reply;
            }
        }
    }

    /** A parsed RESP2 reply: a line's text, or an array's items. */
    private record Resp(String text, List<Resp> items) {
    }

    private static Resp parse(String reply) {
        int[] pos = {0};
        return parseAt(reply, pos);
    }

    private static Resp parseAt(String s, int[] pos) {
        int end = s.indexOf("\r\n", pos[0]);
        String line = s.substring(pos[0], end);
        pos[0] = end + 2;
        switch (line.charAt(0)) {
            case '$' -> {
                int len = Integer.parseInt(line.substring(1));
                if (len < 0) {
                    return new Resp(line, null);
                }
                String text = s.substring(pos[0], pos[0] + len);
                pos[0] += len + 2;
                return new Resp(text, null);
            }
            case '*' -> {
                int n = Integer.parseInt(line.substring(1));
                List<Resp> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(parseAt(s, pos));
                }
                return new Resp(line, items);
            }
            default -> {
                return new Resp(line, null);
            }
        }
    }

    /** The items in groups of {@code size} (pairs for field-value lists), as a sorted list. */
    private static List<String> sortedGroups(List<Resp> items, int size) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i + size <= items.size(); i += size) {
            StringBuilder g = new StringBuilder();
            for (int k = 0; k < size; k++) {
                g.append(k == 0 ? "" : "=").append(items.get(i + k).text);
            }
            groups.add(g.toString());
        }
        groups.sort(null);
        return groups;
    }

    private static String show(List<String> args) {
        return args.stream().map(s -> "\"" + escape(s) + "\"").collect(Collectors.joining(" "));
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void normalizationKeepsWhatMatters() {
        assertEquals(":positive", normalize(CommandTemplates.Compare.TTL_CLASS, ":99\r\n"));
        assertEquals(":-2\r\n", normalize(CommandTemplates.Compare.TTL_CLASS, ":-2\r\n"));
        assertEquals(":0\r\n", normalize(CommandTemplates.Compare.TTL_CLASS, ":0\r\n"));
        assertEquals("unordered[a, bc]", normalize(CommandTemplates.Compare.UNORDERED, "*2\r\n$2\r\nbc\r\n$1\r\na\r\n"));
        assertEquals("pairs[a=1, b=2]", normalize(CommandTemplates.Compare.UNORDERED_PAIRS,
                "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n"));
        assertFalse(normalize(CommandTemplates.Compare.UNORDERED_PAIRS, "*4\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n")
                .equals(normalize(CommandTemplates.Compare.UNORDERED_PAIRS, "*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n")));
        assertEquals("cursor 0 [x, y]", normalize(CommandTemplates.Compare.SCAN,
                "*2\r\n$1\r\n0\r\n*2\r\n$1\r\ny\r\n$1\r\nx\r\n"));
        assertEquals("array of 2", normalize(CommandTemplates.Compare.SHAPE, "*2\r\n$1\r\ny\r\n$1\r\nx\r\n"));
        assertEquals("$-1\r\n", normalize(CommandTemplates.Compare.SHAPE, "$-1\r\n"));
        assertFalse(normalize(CommandTemplates.Compare.EXACT, ":1\r\n").equals(normalize(CommandTemplates.Compare.EXACT, ":2\r\n")));
    }
}
