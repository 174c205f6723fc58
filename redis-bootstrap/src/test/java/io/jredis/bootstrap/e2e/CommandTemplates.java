package io.jredis.bootstrap.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The table of commands the differential test generates, one template per command, grouped by
 * data type. A template makes a random but plausible call — valid most of the time, with wrong
 * arguments, wrong types, bad numbers and odd options mixed in — from a small pool of keys, so
 * that calls meet each other's keys. New data types add their templates here and their names to
 * {@link #ENABLED} once the commands exist in jredis.
 */
final class CommandTemplates {

    /** How a reply is compared where its exact bytes depend on timing. */
    enum Compare {
        /** Byte for byte. */
        EXACT,
        /** Integer replies reduced to -2, -1, 0 or "positive": remaining TTLs and expire times. */
        TTL_CLASS,
        /** Arrays compared as sorted multisets: KEYS and other unordered replies. */
        UNORDERED
    }

    record Template(String name, Compare compare, Function<Gen, List<String>> args) {
    }

    /**
     * The templates that run. Trimmed to what exists in jredis; after the merge of the string,
     * key and server commands, add their names here (see {@link #PENDING}).
     */
    static final Set<String> ENABLED = Set.of(
            "PING", "ECHO", "GET", "SET", "QUIT", "UNKNOWN", "UNKNOWN_BINARY", "ARITY",
            "SELECT", "DEL", "UNLINK", "EXISTS", "TOUCH", "TYPE", "RENAME", "RENAMENX", "COPY", "MOVE",
            "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT", "PERSIST", "TTL", "PTTL", "EXPIRETIME",
            "PEXPIRETIME", "KEYS", "DBSIZE", "FLUSHDB",
            "SETNX", "SETEX", "PSETEX", "MGET", "MSET", "MSETNX", "GETSET", "GETDEL", "GETEX", "APPEND",
            "STRLEN", "GETRANGE", "SUBSTR", "SETRANGE", "INCR", "DECR", "INCRBY", "DECRBY", "INCRBYFLOAT",
            "LCS",
            "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LPOP", "RPOP", "LLEN", "LRANGE", "LINDEX", "LSET", "LINSERT",
            "LREM", "LTRIM", "LPOS", "LMOVE", "RPOPLPUSH", "LMPOP", "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH",
            "BLMPOP");

    /** Commands that may wait: only their own templates, with short timeouts, call them. */
    static final Set<String> BLOCKING = Set.of("BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BLMPOP");

    /** Fixed far-future unix time: expiries with it are deterministic (2100-01-01). */
    static final long FAR_FUTURE_SECONDS = 4_102_444_800L;

    static final Map<String, Template> ALL = new LinkedHashMap<>();

    private static void add(String name, Compare compare, Function<Gen, List<String>> args) {
        ALL.put(name, new Template(name, compare, args));
    }

    private static void add(String name, Function<Gen, List<String>> args) {
        add(name, Compare.EXACT, args);
    }

    static {
        // ------------------------------------------------------------ connection
        add("PING", g -> g.pick(List.of("PING"), List.of("PING", g.value())));
        add("ECHO", g -> List.of("ECHO", g.value()));
        add("QUIT", g -> List.of("QUIT"));
        add("SELECT", g -> List.of("SELECT", g.oneOf("0", "1", "15", "16", "-1", "x")));

        // ------------------------------------------------------------ errors every server has
        add("UNKNOWN", g -> {
            List<String> a = new ArrayList<>(List.of(g.oneOf("FOO", "gett", "SET2", "x", "")));
            for (int i = g.r.nextInt(4); i > 0; i--) {
                a.add(g.r.nextInt(8) == 0 ? "a".repeat(g.r.nextInt(300)) : g.asciiValue());
            }
            return a;
        });
        // Redis formats the name and arguments as C strings: cut at NUL, bytes kept as they are
        add("UNKNOWN_BINARY", g -> List.of(g.oneOf("GET\u0000", "F\u00e9", "x"), g.value(), g.value()));
        add("ARITY", g -> {
            // a known command with a random number of arguments, often the wrong one
            // (not a blocking one: random arguments may make both servers wait forever)
            String name;
            do {
                name = g.oneOf(g.enabledCommandNames());
            } while (BLOCKING.contains(name));
            List<String> a = new ArrayList<>(List.of(g.r.nextBoolean() ? name : name.toLowerCase()));
            for (int i = g.r.nextInt(6); i > 0; i--) {
                a.add(g.r.nextBoolean() ? g.key() : g.value());
            }
            return a;
        });

        // ------------------------------------------------------------ strings
        add("GET", g -> List.of("GET", g.key()));
        add("SET", g -> {
            List<String> a = new ArrayList<>(List.of("SET", g.key(), g.value()));
            a.addAll(g.setOptions());
            return a;
        });
        add("SETNX", g -> List.of("SETNX", g.key(), g.value()));
        add("SETEX", g -> List.of("SETEX", g.key(), g.ttlSeconds(), g.value()));
        add("PSETEX", g -> List.of("PSETEX", g.key(), g.ttlMillis(), g.value()));
        add("MGET", g -> g.withKeys(List.of("MGET"), 1 + g.r.nextInt(4)));
        add("MSET", g -> g.withPairs(List.of("MSET")));
        add("MSETNX", g -> g.withPairs(List.of("MSETNX")));
        add("GETSET", g -> List.of("GETSET", g.key(), g.value()));
        add("GETDEL", g -> List.of("GETDEL", g.key()));
        add("GETEX", g -> {
            List<String> a = new ArrayList<>(List.of("GETEX", g.key()));
            switch (g.r.nextInt(8)) {
                case 0 -> a.addAll(List.of("EX", g.ttlSeconds()));
                case 1 -> a.addAll(List.of("PX", g.ttlMillis()));
                case 2 -> a.addAll(List.of("EXAT", g.unixSeconds()));
                case 3 -> a.addAll(List.of("PXAT", g.unixMillis()));
                case 4 -> a.add("PERSIST");
                case 5 -> a.addAll(List.of(g.oneOf("EX", "PERSIST", "FOO"), g.oneOf("10", "PX", "x")));
                default -> {
                }
            }
            return a;
        });
        add("APPEND", g -> List.of("APPEND", g.key(), g.value()));
        add("STRLEN", g -> List.of("STRLEN", g.key()));
        add("GETRANGE", g -> List.of("GETRANGE", g.key(), g.index(), g.index()));
        add("SUBSTR", g -> List.of("SUBSTR", g.key(), g.index(), g.index()));
        add("SETRANGE", g -> List.of("SETRANGE", g.key(),
                g.oneOf("0", "1", "3", "10", "-1", "536870912", "536870911x", g.index()), g.value()));
        add("INCR", g -> List.of("INCR", g.key()));
        add("DECR", g -> List.of("DECR", g.key()));
        add("INCRBY", g -> List.of("INCRBY", g.key(), g.integer()));
        add("DECRBY", g -> List.of("DECRBY", g.key(), g.integer()));
        add("INCRBYFLOAT", g -> List.of("INCRBYFLOAT", g.key(), g.floating()));
        add("LCS", g -> {
            List<String> a = new ArrayList<>(List.of("LCS", g.key(), g.key()));
            switch (g.r.nextInt(5)) {
                case 0 -> a.add("LEN");
                case 1 -> a.add("IDX");
                case 2 -> a.addAll(List.of("IDX", "MINMATCHLEN", g.oneOf("0", "2", "-1", "x"), "WITHMATCHLEN"));
                default -> {
                }
            }
            return a;
        });

        // ------------------------------------------------------------ keys
        add("DEL", g -> g.withKeys(List.of("DEL"), 1 + g.r.nextInt(3)));
        add("UNLINK", g -> g.withKeys(List.of("UNLINK"), 1 + g.r.nextInt(3)));
        add("EXISTS", g -> g.withKeys(List.of("EXISTS"), 1 + g.r.nextInt(3)));
        add("TOUCH", g -> g.withKeys(List.of("TOUCH"), 1 + g.r.nextInt(3)));
        add("TYPE", g -> List.of("TYPE", g.key()));
        add("RENAME", g -> List.of("RENAME", g.key(), g.key()));
        add("RENAMENX", g -> List.of("RENAMENX", g.key(), g.key()));
        add("COPY", g -> {
            List<String> a = new ArrayList<>(List.of("COPY", g.key(), g.key()));
            if (g.r.nextInt(3) == 0) {
                a.addAll(List.of("DB", g.oneOf("0", "1", "16", "x")));
            }
            if (g.r.nextBoolean()) {
                a.add("REPLACE");
            }
            return a;
        });
        add("MOVE", g -> List.of("MOVE", g.key(), g.oneOf("0", "1", "2", "16", "-1", "x")));
        add("EXPIRE", g -> g.withExpireOptions(List.of("EXPIRE", g.key(), g.ttlSeconds())));
        add("PEXPIRE", g -> g.withExpireOptions(List.of("PEXPIRE", g.key(), g.ttlMillis())));
        add("EXPIREAT", g -> g.withExpireOptions(List.of("EXPIREAT", g.key(), g.unixSeconds())));
        add("PEXPIREAT", g -> g.withExpireOptions(List.of("PEXPIREAT", g.key(), g.unixMillis())));
        add("PERSIST", g -> List.of("PERSIST", g.key()));
        add("TTL", Compare.TTL_CLASS, g -> List.of("TTL", g.key()));
        add("PTTL", Compare.TTL_CLASS, g -> List.of("PTTL", g.key()));
        add("EXPIRETIME", Compare.TTL_CLASS, g -> List.of("EXPIRETIME", g.key()));
        add("PEXPIRETIME", Compare.TTL_CLASS, g -> List.of("PEXPIRETIME", g.key()));
        add("KEYS", Compare.UNORDERED, g -> List.of("KEYS", g.oneOf("*", g.prefix() + "*", g.prefix() + "k?",
                g.prefix() + "k[0-2]", g.prefix() + "k[^0]", "nomatch*", g.prefix() + "k\\*")));

        // ------------------------------------------------------------ server
        add("DBSIZE", g -> List.of("DBSIZE"));
        add("FLUSHDB", g -> g.pick(List.of("FLUSHDB"), List.of("FLUSHDB", g.oneOf("SYNC", "ASYNC", "x"))));

        // ------------------------------------------------------------ lists
        add("LPUSH", g -> g.withElements(List.of("LPUSH", g.key())));
        add("RPUSH", g -> g.withElements(List.of("RPUSH", g.key())));
        add("LPUSHX", g -> g.withElements(List.of("LPUSHX", g.key())));
        add("RPUSHX", g -> g.withElements(List.of("RPUSHX", g.key())));
        add("LPOP", g -> g.pick(List.of("LPOP", g.key()), List.of("LPOP", g.key(), g.count())));
        add("RPOP", g -> g.pick(List.of("RPOP", g.key()), List.of("RPOP", g.key(), g.count())));
        add("LLEN", g -> List.of("LLEN", g.key()));
        add("LRANGE", g -> List.of("LRANGE", g.key(), g.index(), g.index()));
        add("LINDEX", g -> List.of("LINDEX", g.key(), g.index()));
        add("LSET", g -> List.of("LSET", g.key(), g.index(), g.element()));
        add("LINSERT", g -> List.of("LINSERT", g.key(), g.oneOf("BEFORE", "AFTER", "after", "MIDDLE"), g.element(),
                g.element()));
        add("LREM", g -> List.of("LREM", g.key(), g.oneOf("0", "1", "-1", "2", "-2", "x"), g.element()));
        add("LTRIM", g -> List.of("LTRIM", g.key(), g.index(), g.index()));
        add("LPOS", g -> g.lposArgs());
        add("LMOVE", g -> List.of("LMOVE", g.key(), g.key(), g.end(), g.end()));
        add("RPOPLPUSH", g -> List.of("RPOPLPUSH", g.key(), g.key()));
        add("LMPOP", g -> g.mpopArgs(List.of("LMPOP")));
        // short timeouts only: an empty key makes both servers wait 10 ms and reply a null array
        add("BLPOP", g -> g.withKeys(List.of("BLPOP"), 1 + g.r.nextInt(2), g.timeout()));
        add("BRPOP", g -> g.withKeys(List.of("BRPOP"), 1 + g.r.nextInt(2), g.timeout()));
        add("BLMOVE", g -> List.of("BLMOVE", g.key(), g.key(), g.end(), g.end(), g.timeout()));
        add("BRPOPLPUSH", g -> List.of("BRPOPLPUSH", g.key(), g.key(), g.timeout()));
        add("BLMPOP", g -> g.mpopArgs(List.of("BLMPOP", g.timeout())));

        // ------------------------------------------------------------ other types: keys of the wrong type
        add("SADD", g -> List.of("SADD", g.key(), g.value()));
        add("HSET", g -> List.of("HSET", g.key(), g.value(), g.value()));
        add("ZADD", g -> List.of("ZADD", g.key(), g.oneOf("1", "2.5", "-3"), g.value()));
    }

    /** Templates in the table but not enabled, i.e. what needs enabling as jredis grows. */
    static List<String> pending() {
        return ALL.keySet().stream().filter(n -> !ENABLED.contains(n)).toList();
    }

    /** The random source of one sequence, with the vocabulary the templates draw from. */
    static final class Gen {
        final SplittableRandom r;
        private final String prefix;
        private final List<String> enabled;

        Gen(long seed, List<String> enabledCommands) {
            this.r = new SplittableRandom(seed);
            this.prefix = "s" + seed + ":";
            this.enabled = enabledCommands;
        }

        String prefix() {
            return prefix;
        }

        List<String> enabledCommandNames() {
            return enabled;
        }

        @SafeVarargs
        final <T> T pick(T... choices) {
            return choices[r.nextInt(choices.length)];
        }

        String oneOf(String... choices) {
            return choices[r.nextInt(choices.length)];
        }

        String oneOf(List<String> choices) {
            return choices.get(r.nextInt(choices.size()));
        }

        /** Mostly a few shared keys, so commands meet each other's data. */
        String key() {
            return r.nextInt(20) == 0 ? prefix + "fresh" + r.nextInt(1000) : prefix + "k" + r.nextInt(6);
        }

        String value() {
            return switch (r.nextInt(12)) {
                case 0 -> "";
                case 1 -> integer();
                case 2 -> floating();
                case 3 -> "hello world";
                case 4 -> "bin\u0000\r\n\u00ff";
                case 5 -> "x".repeat(r.nextInt(200));
                case 6 -> "\u00e9t\u00e9";
                case 7 -> Long.toString(r.nextInt(100));
                default -> "v" + r.nextInt(100);
            };
        }

        /** A value without NUL or non-ASCII bytes. */
        String asciiValue() {
            String v = value();
            return v.chars().allMatch(c -> c > 0 && c < 0x80) ? v : "ascii" + r.nextInt(100);
        }

        String integer() {
            return r.nextInt(3) == 0 ? Long.toString(r.nextInt(2001) - 1000) : oneOf("0", "1", "-1", "10",
                    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "12345678901234567890",
                    " 1", "1 ", "+1", "01", "-0", "0x10", "1e3", "3.5", "", "abc", "100");
        }

        String floating() {
            return oneOf("1.5", "-2.25", "0.1", "1e10", "3.0e3", "10", "-0", "5e-324", "1.7976931348623157e308",
                    "inf", "-inf", "+inf", "nan", "abc", "", " 1.5", "1.5 ", "0x10", "1e400", "3.14159265358979");
        }

        String index() {
            return oneOf("0", "1", "2", "5", "-1", "-2", "-100", "100", "9223372036854775807",
                    "-9223372036854775808", "x", "1.5");
        }

        /** Relative TTLs are large (nothing expires during a run) or invalid. */
        String ttlSeconds() {
            return r.nextInt(6) == 0 ? oneOf("0", "-1", "x", "", "9223372036854775807", "9223372036854775806")
                    : Long.toString(10_000 + r.nextInt(100_000));
        }

        String ttlMillis() {
            return r.nextInt(6) == 0 ? oneOf("0", "-1", "x", "", "9223372036854775807")
                    : Long.toString(10_000_000L + r.nextInt(100_000_000));
        }

        /** Absolute times are fixed far-future ones, or past ones (which delete at once). */
        String unixSeconds() {
            return oneOf(Long.toString(FAR_FUTURE_SECONDS), Long.toString(FAR_FUTURE_SECONDS + r.nextInt(1000)),
                    "1", "0", "-1", "x", "9223372036854775807");
        }

        String unixMillis() {
            return oneOf(Long.toString(FAR_FUTURE_SECONDS * 1000), Long.toString(FAR_FUTURE_SECONDS * 1000 + r.nextInt(1000)),
                    "1", "0", "-1", "x", "9223372036854775807");
        }

        private String notPast(String time) {
            return time.equals("1") ? Long.toString(FAR_FUTURE_SECONDS) : time;
        }

        List<String> setOptions() {
            List<String> o = new ArrayList<>();
            if (r.nextInt(3) == 0) {
                o.add(oneOf("NX", "XX", "nx"));
            }
            switch (r.nextInt(9)) {
                case 0 -> o.addAll(List.of(oneOf("EX", "ex"), ttlSeconds()));
                case 1 -> o.addAll(List.of("PX", ttlMillis()));
                // not past times: SET leaves such a key for the active expiry cycle, so DBSIZE
                // would depend on timing
                case 2 -> o.addAll(List.of("EXAT", notPast(unixSeconds())));
                case 3 -> o.addAll(List.of("PXAT", notPast(unixMillis())));
                case 4 -> o.add("KEEPTTL");
                default -> {
                }
            }
            if (r.nextInt(4) == 0) {
                o.add("GET");
            }
            if (r.nextInt(15) == 0) {
                o.add(oneOf("NX", "XX", "EX", "KEEPTTL", "FOO", "PX", "GET"));
            }
            // options may come in any order
            String[] shuffled = o.toArray(String[]::new);
            if (r.nextInt(4) == 0 && shuffled.length > 1) {
                int i = r.nextInt(shuffled.length);
                int j = r.nextInt(shuffled.length);
                String t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            return Arrays.asList(shuffled);
        }

        List<String> withExpireOptions(List<String> base) {
            List<String> a = new ArrayList<>(base);
            if (r.nextInt(3) == 0) {
                a.add(oneOf("NX", "XX", "GT", "LT", "nx", "FOO"));
                if (r.nextInt(4) == 0) {
                    a.add(oneOf("NX", "XX", "GT", "LT"));
                }
            }
            return a;
        }

        String element() {
            return r.nextInt(3) == 0 ? value() : oneOf("a", "b", "c");
        }

        String count() {
            return oneOf("0", "1", "2", "3", "10", "-1", "x");
        }

        String end() {
            return oneOf("LEFT", "RIGHT", "left", "UP");
        }

        String timeout() {
            return r.nextInt(6) == 0 ? oneOf("x", "-1", "") : "0.01";
        }

        List<String> withElements(List<String> base) {
            List<String> a = new ArrayList<>(base);
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                a.add(element());
            }
            return a;
        }

        List<String> withKeys(List<String> base, int n, String last) {
            List<String> a = withKeys(base, n);
            a.add(last);
            return a;
        }

        List<String> lposArgs() {
            List<String> a = new ArrayList<>(List.of("LPOS", key(), element()));
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(4)) {
                    case 0 -> a.addAll(List.of("RANK", oneOf("1", "2", "-1", "-2", "0", "x")));
                    case 1 -> a.addAll(List.of("COUNT", oneOf("0", "1", "2", "-1")));
                    case 2 -> a.addAll(List.of("MAXLEN", oneOf("0", "1", "3", "-1")));
                    default -> a.add(oneOf("RANK", "FOO"));
                }
            }
            return a;
        }

        List<String> mpopArgs(List<String> base) {
            List<String> a = new ArrayList<>(base);
            int n = 1 + r.nextInt(2);
            a.add(r.nextInt(8) == 0 ? oneOf("0", "-1", "x", "3") : Integer.toString(n));
            for (int i = 0; i < n; i++) {
                a.add(key());
            }
            a.add(end());
            if (r.nextInt(2) == 0) {
                a.addAll(List.of("COUNT", count()));
            }
            return a;
        }

        List<String> withKeys(List<String> base, int n) {
            List<String> a = new ArrayList<>(base);
            for (int i = 0; i < n; i++) {
                a.add(key());
            }
            return a;
        }

        List<String> withPairs(List<String> base) {
            List<String> a = new ArrayList<>(base);
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                a.add(key());
                a.add(value());
            }
            if (r.nextInt(8) == 0) {
                a.add(key()); // odd count: wrong arity
            }
            return a;
        }
    }
}
