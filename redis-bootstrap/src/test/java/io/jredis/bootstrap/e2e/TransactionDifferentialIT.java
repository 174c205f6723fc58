package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random MULTI/EXEC/DISCARD/WATCH/UNWATCH sequences interleaved across two connections,
 * replayed on jredis and on redis-server, every reply compared byte for byte. The commands
 * between the transaction commands come from {@link CommandTemplates} (the enabled ones whose
 * replies do not depend on timing, so EXEC's array compares exactly), on a small key pool, with
 * SELECT, SWAPDB, FLUSHDB, FLUSHALL and RESET mixed in so that every way of breaking a WATCH
 * meets every state of a transaction.
 *
 * <p>System properties: {@code txdiff.seed} (first seed, default 1), {@code txdiff.seeds} (how
 * many, default 40), {@code txdiff.length} (commands per sequence, default 300).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionDifferentialIT {

    /**
     * Templates left out: QUIT, and every one whose replies are not compared byte for byte
     * (timing-dependent, unordered or random: inside EXEC's array they could not be normalized).
     */
    private static boolean leftOut(String template) {
        return template.equals("QUIT") || CommandTemplates.RANDOM.contains(template)
                || CommandTemplates.ALL.get(template).compare() != CommandTemplates.Compare.EXACT;
    }

    /** How EXEC ended, from redis-server's replies: shows the mix reaches every outcome. */
    private final java.util.Map<String, Integer> execOutcomes = new java.util.TreeMap<>();
    private JRedisProcess jredis;
    private RealRedisProcess redis;

    @BeforeAll
    void start() {
        redis = RealRedisProcess.start();
        jredis = JRedisProcess.start();
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

    @Test
    void interleavedTransactionsOnTwoConnectionsGetTheRepliesRedisGives() throws IOException {
        long first = Long.getLong("txdiff.seed", 1);
        long seeds = Long.getLong("txdiff.seeds", 40);
        int length = Integer.getInteger("txdiff.length", 300);
        List<String> templates = CommandTemplates.ALL.keySet().stream()
                .filter(CommandTemplates.ENABLED::contains).filter(n -> !leftOut(n)).toList();
        List<String> real = templates.stream()
                .filter(n -> !Set.of("UNKNOWN", "UNKNOWN_BINARY", "ARITY").contains(n)).toList();
        List<String> failures = new ArrayList<>();
        for (long seed = first; seed < first + seeds; seed++) {
            String failure = runSequence(seed, length, templates, real);
            if (failure != null) {
                failures.add(failure);
            }
        }
        System.out.println("TransactionDifferentialIT EXEC outcomes: " + execOutcomes);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + seeds + " sequences differ from redis-server:\n\n"
                    + String.join("\n\n", failures));
        }
        for (String outcome : List.of("ran", "watch broke", "EXECABORT", "without MULTI")) {
            if (!execOutcomes.containsKey(outcome)) {
                fail("no EXEC ended as '" + outcome + "': the generated mix is too narrow " + execOutcomes);
            }
        }
    }

    private void countExec(List<String> args, String reply) {
        if (args.size() != 1 || !args.get(0).equals("EXEC")) {
            return;
        }
        String outcome = reply.startsWith("*-1") ? "watch broke"
                : reply.startsWith("*") ? "ran"
                : reply.startsWith("-EXECABORT") ? "EXECABORT"
                : reply.startsWith("-ERR EXEC without MULTI") ? "without MULTI" : "other: " + reply;
        execOutcomes.merge(outcome, 1, Integer::sum);
    }

    /** Returns a description of the first mismatch, or null. */
    private String runSequence(long seed, int length, List<String> templates, List<String> real) throws IOException {
        CommandTemplates.Gen gen = new CommandTemplates.Gen(seed, real);
        Deque<String> recent = new ArrayDeque<>();
        RespConnection[] redisSide = {RespConnection.to(redis), RespConnection.to(redis)};
        RespConnection[] jredisSide = {RespConnection.to(jredis), RespConnection.to(jredis)};
        try {
            for (RespConnection[] side : List.of(redisSide, jredisSide)) {
                String reply = side[0].call("FLUSHALL");
                if (!reply.equals("+OK\r\n")) {
                    return "seed " + seed + ": FLUSHALL replied " + reply;
                }
            }
            for (int i = 0; i < length; i++) {
                int conn = gen.r.nextInt(4) == 0 ? 1 : 0;
                List<String> args = next(gen, templates);
                byte[] request = RespConnection.encode(args.stream()
                        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList());
                String shown = "c" + conn + ": " + String.join(" ", args.stream().map(DifferentialIT::escape).toList());
                String want = reply(redisSide[conn], request);
                String got = reply(jredisSide[conn], request);
                countExec(args, want);
                if (!want.equals(got)) {
                    return "seed " + seed + ", command #" + i + " (-Dtxdiff.seed=" + seed
                            + " -Dtxdiff.seeds=1 replays it):\n  " + shown
                            + "\n  redis-server: " + DifferentialIT.escape(want)
                            + "\n  jredis:       " + DifferentialIT.escape(got)
                            + "\n  after: " + String.join(" ; ", recent);
                }
                recent.addLast(shown);
                if (recent.size() > 16) {
                    recent.removeFirst();
                }
            }
            return null;
        } finally {
            for (RespConnection c : redisSide) {
                c.close();
            }
            for (RespConnection c : jredisSide) {
                c.close();
            }
        }
    }

    /** The next command: transaction commands often, the others from the templates. */
    private static List<String> next(CommandTemplates.Gen g, List<String> templates) {
        int roll = g.r.nextInt(100);
        if (roll < 14) {
            return List.of(g.oneOf("MULTI", "MULTI", "MULTI", "multi"));
        }
        if (roll < 24) {
            return List.of("EXEC");
        }
        if (roll < 28) {
            return List.of("DISCARD");
        }
        if (roll < 38) {
            return g.withKeys(new ArrayList<>(List.of("WATCH")), 1 + g.r.nextInt(3));
        }
        if (roll < 41) {
            return List.of("UNWATCH");
        }
        if (roll < 43) {
            // the transaction commands with the wrong number of arguments
            return g.pick(List.of("EXEC", g.key()), List.of("MULTI", g.key()), List.of("DISCARD", g.key()),
                    List.of("WATCH"), List.of("UNWATCH", g.key()));
        }
        if (roll < 46) {
            return List.of("SELECT", g.oneOf("0", "1"));
        }
        if (roll < 48) {
            return List.of("SWAPDB", g.oneOf("0", "1"), g.oneOf("0", "1"));
        }
        if (roll < 49) {
            return List.of(g.oneOf("FLUSHDB", "FLUSHALL"));
        }
        if (roll < 50) {
            return List.of("RESET");
        }
        CommandTemplates.Template t = CommandTemplates.ALL.get(templates.get(g.r.nextInt(templates.size())));
        return t.args().apply(g);
    }

    private static String reply(RespConnection c, byte[] request) {
        try {
            c.write(request);
            return c.readReplyText();
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }
}
