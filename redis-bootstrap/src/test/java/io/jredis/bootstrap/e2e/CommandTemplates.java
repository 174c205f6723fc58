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
        UNORDERED,
        /** Flat arrays of field, value pairs compared as sorted multisets of pairs: HGETALL. */
        UNORDERED_PAIRS,
        /** [cursor, [elements]]: the cursor exactly, the elements as a sorted multiset (SSCAN). */
        SCAN,
        /** [cursor, [field, value...]]: the cursor exactly, the pairs as a sorted multiset (HSCAN). */
        SCAN_PAIRS,
        /**
         * Random replies (SRANDMEMBER, HRANDFIELD): errors, integers and nulls exactly; a bulk only
         * as "some bulk"; an array by its length alone.
         */
        SHAPE
    }

    /**
     * Commands whose replies may be random: their templates draw only the deterministic cases,
     * and ARITY never calls them with arbitrary arguments.
     */
    static final Set<String> RANDOM = Set.of("ZRANDMEMBER", "XCLAIM", "XAUTOCLAIM",
            // Not random, but history-dependent in Redis 7.0: a numeric SORT that meets an out-of-range
            // number leaves errno set, and later numeric SORTs then fail until something clears it.
            // The SORT templates draw no such numbers; random arguments might.
            "SORT", "SORT_RO",
            // DUMP's bytes follow hashtable order for big or non-integer sets and hashes, and carry
            // consumers' seen-times: only the DUMP template's own keys have deterministic payloads.
            "DUMP");

    record Template(String name, Compare compare, Function<Gen, List<String>> args) {
    }

    /**
     * The templates that run. Trimmed to what exists in jredis; after the merge of the string,
     * key and server commands, add their names here (see {@link #PENDING}).
     */
    static final Set<String> ENABLED = Set.of(
            "PING", "ECHO", "GET", "SET", "QUIT", "UNKNOWN", "UNKNOWN_BINARY", "ARITY", "DUMP", "RESTORE",
            "SELECT", "DEL", "UNLINK", "EXISTS", "TOUCH", "TYPE", "RENAME", "RENAMENX", "COPY", "MOVE",
            "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT", "PERSIST", "TTL", "PTTL", "EXPIRETIME",
            "PEXPIRETIME", "KEYS", "DBSIZE", "FLUSHDB",
            "SETNX", "SETEX", "PSETEX", "MGET", "MSET", "MSETNX", "GETSET", "GETDEL", "GETEX", "APPEND",
            "STRLEN", "GETRANGE", "SUBSTR", "SETRANGE", "INCR", "DECR", "INCRBY", "DECRBY", "INCRBYFLOAT",
            "LCS",
            "ZADD", "ZINCRBY", "ZSCORE", "ZMSCORE", "ZCARD", "ZCOUNT", "ZLEXCOUNT", "ZRANK", "ZREVRANK",
            "ZRANGE", "ZRANGESTORE", "ZREVRANGE", "ZRANGEBYSCORE", "ZREVRANGEBYSCORE", "ZRANGEBYLEX",
            "ZREVRANGEBYLEX", "ZREM", "ZREMRANGEBYRANK", "ZREMRANGEBYSCORE", "ZREMRANGEBYLEX", "ZPOPMIN", "ZPOPMAX",
            "ZMPOP", "ZRANDMEMBER", "ZUNION", "ZINTER", "ZDIFF", "ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE",
            "ZINTERCARD", "ZSCAN",
            "HSET", "HSETNX", "HGET", "HMGET", "HMSET", "HGETALL", "HDEL", "HEXISTS", "HLEN", "HKEYS", "HVALS",
            "HSTRLEN", "HINCRBY", "HINCRBYFLOAT", "HRANDFIELD", "HSCAN",
            "SADD", "SREM", "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD", "SPOP", "SRANDMEMBER", "SMOVE",
            "SINTER", "SINTERCARD", "SUNION", "SDIFF", "SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE", "SSCAN",
            "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LPOP", "RPOP", "LLEN", "LRANGE", "LINDEX", "LSET", "LINSERT",
            "LREM", "LTRIM", "LPOS", "LMOVE", "RPOPLPUSH", "LMPOP", "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH",
            "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP",
            "SORT", "SORT_RO", "SORT_BY", "SORT_LIST", "SORT_WEIGHT", "SORT_NOSORT",
            "XADD", "XLEN", "XRANGE", "XREVRANGE", "XDEL", "XTRIM", "XSETID", "XREAD", "XREADGROUP", "XGROUP",
            "XACK", "XPENDING", "XPENDING_RANGE", "XCLAIM", "XAUTOCLAIM", "XINFO", "XINFO_TIMED",
            "SETBIT", "GETBIT", "BITCOUNT", "BITPOS", "BITOP", "BITFIELD",
            "PFADD", "PFCOUNT", "PFMERGE", "PFDEBUG", "PF_GET", "PF_CONFIG",
            "MEMORY_USAGE_ERRORS", "MEMORY_MISC",
            "ACL_SETUSER", "ACL_GETUSER", "ACL_LIST", "ACL_DELUSER", "ACL_DRYRUN", "ACL_ERRORS",
            "PUBLISH", "SPUBLISH", "PUBSUB",
            "GEOADD", "GEODIST", "GEOHASH", "GEOPOS", "GEOSEARCH", "GEOSEARCHSTORE", "GEORADIUS", "GEORADIUS_RO",
            "GEORADIUSBYMEMBER", "GEORADIUSBYMEMBER_RO",
            "EVAL", "EVALSHA", "SCRIPT",
            "SLOWLOG_ERRORS", "LATENCY_MISC", "CLIENT_OPS_ERRORS", "DEBUG_REFUSED", "OPS_CONFIG", "LOLWUT");

    /** Commands that may wait: only their own templates, with short timeouts, call them. */
    static final Set<String> BLOCKING = Set.of("BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BLMPOP", "BZPOPMIN",
            "BZPOPMAX", "BZMPOP", "XREAD", "XREADGROUP");

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
            String name = g.oneOf(g.enabledCommandNames());
            // its reply is compared exactly here: no timing-dependent or random ones, and no blocking
            // one (random arguments may make both servers wait forever)
            if (RANDOM.contains(name) || BLOCKING.contains(name)
                    || (ALL.containsKey(name) && ALL.get(name).compare() != Compare.EXACT)) {
                name = "GET";
            }
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

        // ------------------------------------------------------------ other types: keys of the wrong type
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

        // ------------------------------------------------------------ hashes
        add("HSET", g -> g.withFieldValues(List.of("HSET", g.key())));
        add("HMSET", g -> g.withFieldValues(List.of("HMSET", g.key())));
        add("HSETNX", g -> List.of("HSETNX", g.key(), g.field(), g.value()));
        add("HGET", g -> List.of("HGET", g.key(), g.field()));
        add("HMGET", g -> g.withFields(List.of("HMGET", g.key()), 1 + g.r.nextInt(4)));
        add("HGETALL", Compare.UNORDERED_PAIRS, g -> List.of("HGETALL", g.key()));
        add("HDEL", g -> g.withFields(List.of("HDEL", g.key()), 1 + g.r.nextInt(3)));
        add("HEXISTS", g -> List.of("HEXISTS", g.key(), g.field()));
        add("HLEN", g -> List.of("HLEN", g.key()));
        add("HKEYS", Compare.UNORDERED, g -> List.of("HKEYS", g.key()));
        add("HVALS", Compare.UNORDERED, g -> List.of("HVALS", g.key()));
        add("HSTRLEN", g -> List.of("HSTRLEN", g.key(), g.field()));
        add("HINCRBY", g -> List.of("HINCRBY", g.key(), g.field(), g.integer()));
        add("HINCRBYFLOAT", g -> List.of("HINCRBYFLOAT", g.key(), g.field(), g.floating()));
        add("HRANDFIELD", Compare.SHAPE, g -> {
            List<String> a = new ArrayList<>(List.of("HRANDFIELD", g.key()));
            if (g.r.nextInt(4) > 0) {
                a.add(g.randomCount());
                if (g.r.nextBoolean()) {
                    a.add(g.oneOf("WITHVALUES", "withvalues", "WITHVALUE", "x"));
                }
                if (g.r.nextInt(10) == 0) {
                    a.add("WITHVALUES");
                }
            }
            return a;
        });
        add("HSCAN", Compare.SCAN_PAIRS, g -> g.withScanOptions(List.of("HSCAN", g.key())));

        // ------------------------------------------------------------ sets
        add("SADD", g -> g.withMembers(List.of("SADD", g.key()), 1 + g.r.nextInt(4)));
        add("SREM", g -> g.withMembers(List.of("SREM", g.key()), 1 + g.r.nextInt(3)));
        add("SMEMBERS", Compare.UNORDERED, g -> List.of("SMEMBERS", g.key()));
        add("SISMEMBER", g -> List.of("SISMEMBER", g.key(), g.setMember()));
        add("SMISMEMBER", g -> g.withMembers(List.of("SMISMEMBER", g.key()), 1 + g.r.nextInt(4)));
        add("SCARD", g -> List.of("SCARD", g.key()));
        // Only pops whose effect is determined: the whole set, nothing, or an error (a random pop
        // would leave the two servers with different sets).
        add("SPOP", Compare.UNORDERED, g -> {
            List<String> a = new ArrayList<>(List.of("SPOP", g.key()));
            a.add(g.oneOf("1000", "0", "-1", "x", "9223372036854775807", "9223372036854775808"));
            if (g.r.nextInt(10) == 0) {
                a.add("1");
            }
            return a;
        });
        add("SRANDMEMBER", Compare.SHAPE, g -> {
            List<String> a = new ArrayList<>(List.of("SRANDMEMBER", g.key()));
            if (g.r.nextInt(4) > 0) {
                a.add(g.randomCount());
            }
            if (g.r.nextInt(15) == 0) {
                a.add("1");
            }
            return a;
        });
        add("SMOVE", g -> List.of("SMOVE", g.key(), g.key(), g.setMember()));
        add("SINTER", Compare.UNORDERED, g -> g.withKeys(List.of("SINTER"), 1 + g.r.nextInt(3)));
        add("SUNION", Compare.UNORDERED, g -> g.withKeys(List.of("SUNION"), 1 + g.r.nextInt(3)));
        add("SDIFF", Compare.UNORDERED, g -> g.withKeys(List.of("SDIFF"), 1 + g.r.nextInt(3)));
        add("SINTERSTORE", g -> g.withKeys(List.of("SINTERSTORE", g.key()), 1 + g.r.nextInt(3)));
        add("SUNIONSTORE", g -> g.withKeys(List.of("SUNIONSTORE", g.key()), 1 + g.r.nextInt(3)));
        add("SDIFFSTORE", g -> g.withKeys(List.of("SDIFFSTORE", g.key()), 1 + g.r.nextInt(3)));
        add("SINTERCARD", g -> {
            int n = 1 + g.r.nextInt(3);
            List<String> a = new ArrayList<>(List.of("SINTERCARD",
                    g.r.nextInt(8) == 0 ? g.oneOf("0", "-1", "x", "5") : Integer.toString(n)));
            for (int i = 0; i < n; i++) {
                a.add(g.key());
            }
            if (g.r.nextInt(3) == 0) {
                a.addAll(List.of(g.oneOf("LIMIT", "limit", "FOO"), g.oneOf("0", "1", "2", "-1", "x")));
            }
            return a;
        });
        add("SSCAN", Compare.SCAN, g -> g.withScanOptions(List.of("SSCAN", g.key())));
        // Pending: jredis reports "int" for an integer INCRBYFLOAT result where Redis says "embstr".
        add("OBJECT_ENCODING", g -> List.of("OBJECT", "ENCODING", g.key()));

        // ------------------------------------------------------------ memory
        // MEMORY USAGE's figures are estimates (exact for small strings and listpacks, not for
        // every shape random data makes): only its option errors, which come before the look-up.
        add("MEMORY_USAGE_ERRORS", g -> {
            List<String> a = new ArrayList<>(List.of("MEMORY", "USAGE", g.key()));
            a.addAll(g.pick(List.of("SAMPLES", g.oneOf("x", "-1", "1.5", "")), List.of(g.oneOf("FOO", "SAMPLES")),
                    List.of("SAMPLES", "5", g.oneOf("SAMPLES", "x"))));
            return a;
        });
        add("MEMORY_MISC", g -> g.pick(List.of("MEMORY", "HELP"), List.of("MEMORY", "PURGE"), List.of("MEMORY"),
                List.of("MEMORY", g.oneOf("FOO", "stats", "doctor", "malloc-stats", "purge", "help"), "x")));


        // ------------------------------------------------------------ sorted sets
        // Members come from a small pool of short strings, so these sets stay listpacks (a listpack
        // scans in one call). Lex ranges run only on the "lz" keys, whose scores are all 0: over
        // mixed scores in a skip list (which ARITY calls can make, with long members) Redis's
        // answer depends on its random levels.
        add("ZADD", g -> {
            if (g.r.nextInt(4) == 0) {
                List<String> a = new ArrayList<>(List.of("ZADD", g.lexKey()));
                for (int i = 1 + g.r.nextInt(4); i > 0; i--) {
                    a.add("0");
                    a.add(g.member());
                }
                return a;
            }
            List<String> a = new ArrayList<>(List.of("ZADD", g.zkey()));
            if (g.r.nextInt(3) == 0) {
                a.add(g.oneOf("NX", "XX", "GT", "LT", "CH", "INCR", "nx", "ch"));
                if (g.r.nextInt(3) == 0) {
                    a.add(g.oneOf("NX", "XX", "GT", "LT", "CH", "INCR"));
                }
            }
            for (int i = g.r.nextInt(4) == 0 ? 2 : 1 + g.r.nextInt(4); i > 0; i--) {
                a.add(g.zscore());
                a.add(g.member());
            }
            if (g.r.nextInt(20) == 0) {
                a.add(g.member()); // odd count: syntax error
            }
            return a;
        });
        add("ZINCRBY", g -> List.of("ZINCRBY", g.zkey(), g.zscore(), g.member()));
        add("ZSCORE", g -> List.of("ZSCORE", g.zkey(), g.member()));
        add("ZMSCORE", g -> List.of("ZMSCORE", g.zkey(), g.member(), g.member(), g.member()));
        add("ZCARD", g -> List.of("ZCARD", g.zkey()));
        add("ZCOUNT", g -> List.of("ZCOUNT", g.zkey(), g.scoreBound(), g.scoreBound()));
        add("ZLEXCOUNT", g -> List.of("ZLEXCOUNT", g.lexKey(), g.lexBound(), g.lexBound()));
        add("ZRANK", g -> List.of("ZRANK", g.zkey(), g.member()));
        add("ZREVRANK", g -> List.of("ZREVRANK", g.zkey(), g.member()));
        add("ZRANGE", g -> g.zrangeArgs(List.of("ZRANGE"), null));
        add("ZRANGESTORE", g -> g.zrangeArgs(List.of("ZRANGESTORE"), g.zkey()));
        add("ZREVRANGE", g -> g.withScores(List.of("ZREVRANGE", g.zkey(), g.index(), g.index())));
        add("ZRANGEBYSCORE", g -> g.withLimit(g.withScores(List.of("ZRANGEBYSCORE", g.zkey(), g.scoreBound(),
                g.scoreBound()))));
        add("ZREVRANGEBYSCORE", g -> g.withLimit(g.withScores(List.of("ZREVRANGEBYSCORE", g.zkey(), g.scoreBound(),
                g.scoreBound()))));
        add("ZRANGEBYLEX", g -> g.withLimit(List.of("ZRANGEBYLEX", g.lexKey(), g.lexBound(), g.lexBound())));
        add("ZREVRANGEBYLEX", g -> g.withLimit(List.of("ZREVRANGEBYLEX", g.lexKey(), g.lexBound(), g.lexBound())));
        add("ZREM", g -> List.of("ZREM", g.zkey(), g.member(), g.member()));
        add("ZREMRANGEBYRANK", g -> List.of("ZREMRANGEBYRANK", g.zkey(), g.index(), g.index()));
        add("ZREMRANGEBYSCORE", g -> List.of("ZREMRANGEBYSCORE", g.zkey(), g.scoreBound(), g.scoreBound()));
        add("ZREMRANGEBYLEX", g -> List.of("ZREMRANGEBYLEX", g.lexKey(), g.lexBound(), g.lexBound()));
        add("ZPOPMIN", g -> g.pick(List.of("ZPOPMIN", g.zkey()), List.of("ZPOPMIN", g.zkey(), g.zcount())));
        add("ZPOPMAX", g -> g.pick(List.of("ZPOPMAX", g.zkey()), List.of("ZPOPMAX", g.zkey(), g.zcount())));
        add("ZMPOP", g -> {
            List<String> a = g.numKeys(List.of("ZMPOP"));
            a.add(g.oneOf("MIN", "MAX", "min", "FOO"));
            if (g.r.nextBoolean()) {
                a.addAll(List.of(g.oneOf("COUNT", "count", "X"), g.zcount()));
            }
            return a;
        });
        // short timeouts only: an empty key makes both servers wait 10 ms and reply a null array
        add("BZPOPMIN", g -> g.pick(List.of("BZPOPMIN", g.zkey(), g.timeout()),
                List.of("BZPOPMIN", g.zkey(), g.zkey(), g.timeout())));
        add("BZPOPMAX", g -> g.pick(List.of("BZPOPMAX", g.zkey(), g.timeout()),
                List.of("BZPOPMAX", g.zkey(), g.zkey(), g.timeout())));
        add("BZMPOP", g -> {
            List<String> a = new ArrayList<>(List.of("BZMPOP", g.timeout()));
            int n = 1 + g.r.nextInt(2);
            a.add(g.r.nextInt(12) == 0 ? g.oneOf("0", "-1", "x", "5") : Integer.toString(n));
            for (int i = 0; i < n; i++) {
                a.add(g.zkey());
            }
            a.add(g.oneOf("MIN", "MAX", "max", "FOO"));
            if (g.r.nextBoolean()) {
                a.addAll(List.of(g.oneOf("COUNT", "count", "X"), g.zcount()));
            }
            return a;
        });
        // ------------------------------------------------------------ streams
        // explicit ids only (generated ones differ between servers), mostly increasing per sequence
        add("XADD", g -> {
            List<String> a = new ArrayList<>(List.of("XADD", g.xkey()));
            if (g.r.nextInt(8) == 0) {
                a.add("NOMKSTREAM");
            }
            if (g.r.nextInt(4) == 0) {
                a.addAll(g.trimOptions());
            }
            a.add(g.xaddId());
            int n = 1 + g.r.nextInt(3);
            for (int i = 0; i < n; i++) {
                a.add(g.r.nextInt(3) == 0 ? g.oneOf("f", "g") : g.value());
                a.add(g.value());
            }
            if (g.r.nextInt(15) == 0) {
                a.remove(a.size() - 1);
            }
            return a;
        });
        add("XLEN", g -> List.of("XLEN", g.xkey()));
        add("XRANGE", g -> g.withCount(List.of("XRANGE", g.xkey(), g.rangeId(true), g.rangeId(false))));
        add("XREVRANGE", g -> g.withCount(List.of("XREVRANGE", g.xkey(), g.rangeId(false), g.rangeId(true))));
        add("XDEL", g -> List.of("XDEL", g.xkey(), g.xid(), g.xid()));
        add("XTRIM", g -> {
            List<String> a = new ArrayList<>(List.of("XTRIM", g.xkey()));
            a.addAll(g.trimOptions());
            return a;
        });
        add("XSETID", g -> {
            List<String> a = new ArrayList<>(List.of("XSETID", g.xkey(), g.xid()));
            if (g.r.nextInt(3) == 0) {
                a.addAll(List.of(g.oneOf("ENTRIESADDED", "entriesadded"), g.oneOf("0", "5", "100", "-1", "x")));
            }
            if (g.r.nextInt(3) == 0) {
                a.addAll(List.of("MAXDELETEDID", g.xid()));
            }
            return a;
        });
        // BLOCK only with short timeouts: both servers wait 10 ms on no data
        add("XREAD", g -> {
            List<String> a = new ArrayList<>(List.of("XREAD"));
            if (g.r.nextBoolean()) {
                a.addAll(List.of("COUNT", g.oneOf("1", "2", "0", "-1", "x")));
            }
            if (g.r.nextInt(3) == 0) {
                a.addAll(List.of("BLOCK", g.oneOf("10", "10", "-1", "x")));
            }
            int n = 1 + g.r.nextInt(2);
            a.add("STREAMS");
            for (int i = 0; i < n; i++) {
                a.add(g.xkey());
            }
            for (int i = 0; i < n; i++) {
                a.add(g.r.nextInt(4) == 0 ? g.oneOf("$", ">", "+") : g.xid());
            }
            return a;
        });
        add("XREADGROUP", g -> {
            List<String> a = new ArrayList<>(List.of("XREADGROUP", "GROUP", g.xgroup(), g.xconsumer()));
            if (g.r.nextBoolean()) {
                a.addAll(List.of("COUNT", g.oneOf("1", "2", "0", "x")));
            }
            if (g.r.nextInt(4) == 0) {
                a.addAll(List.of("BLOCK", g.oneOf("10", "x")));
            }
            if (g.r.nextInt(4) == 0) {
                a.add("NOACK");
            }
            a.add("STREAMS");
            a.add(g.xkey());
            a.add(g.r.nextInt(3) == 0 ? g.oneOf("0", "$", "5-0") : ">");
            return a;
        });
        add("XGROUP", g -> switch (g.r.nextInt(7)) {
            case 0, 1 -> {
                List<String> a = new ArrayList<>(List.of("XGROUP", "CREATE", g.xkey(), g.xgroup(),
                        g.r.nextInt(3) == 0 ? "$" : g.xid()));
                if (g.r.nextBoolean()) {
                    a.add("MKSTREAM");
                }
                if (g.r.nextInt(4) == 0) {
                    a.addAll(List.of("ENTRIESREAD", g.oneOf("0", "3", "-1", "-2", "x")));
                }
                yield a;
            }
            case 2 -> List.of("XGROUP", "CREATECONSUMER", g.xkey(), g.xgroup(), g.xconsumer());
            case 3 -> List.of("XGROUP", "DELCONSUMER", g.xkey(), g.xgroup(), g.xconsumer());
            case 4 -> List.of("XGROUP", "DESTROY", g.xkey(), g.xgroup());
            case 5 -> g.pick(List.of("XGROUP", "SETID", g.xkey(), g.xgroup(), g.r.nextBoolean() ? "$" : g.xid()),
                    List.of("XGROUP", "SETID", g.xkey(), g.xgroup(), g.xid(), "ENTRIESREAD", g.oneOf("2", "-1", "x")));
            default -> List.of("XGROUP", g.oneOf("HELP", "FOO", "create"));
        });
        add("XACK", g -> List.of("XACK", g.xkey(), g.xgroup(), g.xid(), g.xid()));
        add("XPENDING", g -> List.of("XPENDING", g.xkey(), g.xgroup()));
        // idle times differ: the entries by count only
        add("XPENDING_RANGE", Compare.SHAPE, g -> {
            List<String> a = new ArrayList<>(List.of("XPENDING", g.xkey(), g.xgroup()));
            if (g.r.nextInt(4) == 0) {
                a.addAll(List.of("IDLE", g.oneOf("0", "3600000", "x")));
            }
            a.addAll(List.of(g.rangeId(true), g.rangeId(false), g.oneOf("1", "10", "0", "x")));
            if (g.r.nextBoolean()) {
                a.add(g.xconsumer());
            }
            return a;
        });
        // min-idle 0 or an hour: which entries qualify does not depend on timing
        add("XCLAIM", g -> {
            List<String> a = new ArrayList<>(List.of("XCLAIM", g.xkey(), g.xgroup(), g.xconsumer(),
                    g.oneOf("0", "3600000", "x"), g.xid()));
            if (g.r.nextBoolean()) {
                a.add(g.xid());
            }
            if (g.r.nextInt(3) == 0) {
                a.add(g.oneOf("JUSTID", "FORCE", "RETRYCOUNT", "LASTID", "IDLE", "BOGUS"));
                if (g.r.nextBoolean()) {
                    a.add(g.oneOf("3", "x", "5-0"));
                }
            }
            return a;
        });
        add("XAUTOCLAIM", g -> {
            List<String> a = new ArrayList<>(List.of("XAUTOCLAIM", g.xkey(), g.xgroup(), g.xconsumer(),
                    g.oneOf("0", "3600000", "x"), g.r.nextInt(3) == 0 ? g.oneOf("(0", "x") : g.xid()));
            if (g.r.nextBoolean()) {
                a.addAll(List.of("COUNT", g.oneOf("1", "2", "0", "x")));
            }
            if (g.r.nextInt(3) == 0) {
                a.add(g.oneOf("JUSTID", "FOO"));
            }
            return a;
        });
        add("XINFO", g -> switch (g.r.nextInt(4)) {
            case 0 -> List.of("XINFO", "STREAM", g.xkey());
            case 1 -> List.of("XINFO", "GROUPS", g.xkey());
            case 2 -> List.of("XINFO", g.oneOf("HELP", "FOO"));
            default -> List.of("XINFO", "STREAM", g.xkey(), g.oneOf("FULL", "FOO"), "COUNT", g.oneOf("1", "x"));
        });
        // seen and delivery times differ: by shape only
        add("XINFO_TIMED", Compare.SHAPE, g -> g.pick(List.of("XINFO", "CONSUMERS", g.xkey(), g.xgroup()),
                List.of("XINFO", "STREAM", g.xkey(), "FULL")));

        // ------------------------------------------------------------ pub/sub (no subscriber here:
        // the differential clients never subscribe, so counts and lists are deterministic)
        add("PUBLISH", g -> List.of(g.oneOf("PUBLISH", "publish"), g.key(), g.value()));
        add("SPUBLISH", g -> List.of("SPUBLISH", g.key(), g.value()));
        add("PUBSUB", g -> switch (g.r.nextInt(6)) {
            case 0 -> List.of("PUBSUB", "NUMSUB", g.key(), g.key());
            case 1 -> List.of("PUBSUB", g.oneOf("NUMPAT", "numpat"));
            case 2 -> List.of("PUBSUB", g.oneOf("CHANNELS", "SHARDCHANNELS"), g.oneOf("*", "a*", "x", "a", "b"));
            case 3 -> List.of("PUBSUB", "SHARDNUMSUB", g.key());
            case 4 -> List.of("PUBSUB", g.oneOf("CHANNELS", "channels"), "*", g.value());
            default -> List.of("PUBSUB", g.oneOf("HELP", "NOPE", "NUMSUB"));
        });

        // only the deterministic cases: no set, count 0, errors, and counts past the size (the
        // whole set, highest first); the random paths are unit-tested for membership and spread
        add("ZRANDMEMBER", g -> switch (g.r.nextInt(3)) {
            case 0 -> List.of("ZRANDMEMBER", g.prefix() + "none");
            case 1 -> List.of("ZRANDMEMBER", g.zkey(), g.oneOf("0", "1000", "x", "1.5", "-9223372036854775808"));
            default -> List.of("ZRANDMEMBER", g.zkey(), g.oneOf("0", "1000", "4611686018427387904", "x"),
                    g.oneOf("WITHSCORES", "withscores", "X"));
        });
        add("ZUNION", g -> g.zsetOperation(List.of("ZUNION"), true, true));
        add("ZINTER", g -> g.zsetOperation(List.of("ZINTER"), true, true));
        add("ZDIFF", g -> g.zsetOperation(List.of("ZDIFF"), false, true));
        add("ZUNIONSTORE", g -> g.zsetOperation(List.of("ZUNIONSTORE", g.zkey()), true, false));
        add("ZINTERSTORE", g -> g.zsetOperation(List.of("ZINTERSTORE", g.zkey()), true, false));
        add("ZDIFFSTORE", g -> g.zsetOperation(List.of("ZDIFFSTORE", g.zkey()), false, false));
        add("ZINTERCARD", g -> {
            List<String> a = g.numKeys(List.of("ZINTERCARD"));
            if (g.r.nextBoolean()) {
                a.addAll(List.of(g.oneOf("LIMIT", "limit", "FOO"), g.oneOf("0", "1", "2", "-1", "x")));
            }
            return a;
        });
        // on "lz" keys, which stay listpacks: a skip list's cursor and order are the hash table's
        add("ZSCAN", g -> {
            List<String> a = new ArrayList<>(List.of("ZSCAN", g.lexKey(), g.oneOf("0", "0", "0", "1", "-1", "x", "")));
            if (g.r.nextBoolean()) {
                a.addAll(List.of("MATCH", g.oneOf("*", "m1*", "m?", "[a-m]*", "nomatch")));
            }
            if (g.r.nextInt(3) == 0) {
                a.addAll(List.of(g.oneOf("COUNT", "TYPE", "FOO"), g.oneOf("1", "10", "0", "x", "zset")));
            }
            return a;
        });
    }

    static {
        // ------------------------------------------------------------ sort
        // Numeric sorts only over data these templates write (the "sl" list and the w_/h_ weights):
        // the shared pools hold numbers out of a double's range, after which Redis 7.0's numeric SORT
        // depends on history (see RANDOM). Over the shared keys: ALPHA, or BY nosort with STORE
        // (a set is then sorted ALPHA), whose orders are total.
        add("SORT", g -> {
            boolean store = g.r.nextInt(3) == 0;
            return g.sortArgs("SORT", g.key(), store && g.r.nextBoolean() ? List.of("BY", "nosort") : List.of(), true,
                    store ? g.key() : null);
        });
        // STORE is a syntax error here
        add("SORT_RO", g -> g.sortArgs("SORT_RO", g.key(), List.of(), true, g.r.nextInt(8) == 0 ? g.key() : null));
        // A list keeps its order, so BY patterns (ties kept in list order, as Redis's stable qsort
        // does) compare exactly; no ALPHA with BY and LIMIT, where Redis's partial sort is unstable.
        add("SORT_BY", g -> {
            List<String> by = switch (g.r.nextInt(5)) {
                case 0 -> List.of("BY", g.prefix() + "w_*");
                case 1 -> List.of("BY", g.prefix() + "h_*->f");
                case 2 -> List.of("BY", g.oneOf("nosort", g.prefix() + "w_", g.prefix() + "h_*->"));
                case 3 -> List.of("BY", g.prefix() + "missing_*");
                default -> List.of();
            };
            return g.sortArgs("SORT", g.prefix() + "sl", by, false,
                    g.r.nextInt(4) == 0 ? (g.r.nextBoolean() ? g.key() : g.prefix() + "sl") : null);
        });
        add("SORT_LIST", g -> {
            List<String> a = new ArrayList<>(List.of(g.oneOf("RPUSH", "LPUSH"), g.prefix() + "sl"));
            for (int i = 1 + g.r.nextInt(4); i > 0; i--) {
                a.add(g.sortElement());
            }
            return a;
        });
        add("SORT_WEIGHT", g -> g.r.nextBoolean()
                ? List.of("SET", g.prefix() + "w_" + g.sortElement(), g.sortWeight())
                : List.of("HSET", g.prefix() + "h_" + g.sortElement(), g.oneOf("f", "g"), g.sortWeight()));
        // Sets unsorted come in hash order: compared as multisets, and without LIMIT.
        add("SORT_NOSORT", Compare.UNORDERED, g -> {
            List<String> a = new ArrayList<>(List.of(g.oneOf("SORT", "SORT_RO"), g.key(), "BY", "nosort"));
            if (g.r.nextBoolean()) {
                a.addAll(List.of("GET", g.oneOf("#", g.prefix() + "w_*", g.prefix() + "h_*->f")));
            }
            return a;
        });
        // ------------------------------------------------------------ scripting
        add("EVAL", g -> {
            List<String> a = new ArrayList<>(List.of(g.oneOf("EVAL", "EVAL_RO", "eval"), g.oneOf(CommandTemplates.SCRIPTS)));
            a.add(g.r.nextInt(10) == 0 ? g.oneOf("0", "2", "-1", "x") : "1");
            a.addAll(List.of(g.key(), g.oneOf(g.value(), g.integer(), g.field())));
            return a;
        });
        add("EVALSHA", g -> List.of(g.oneOf("EVALSHA", "EVALSHA_RO"),
                g.r.nextInt(8) == 0 ? g.oneOf("abc", "0000000000000000000000000000000000000000")
                        : sha1(g.oneOf(CommandTemplates.SCRIPTS)), "1", g.key(), g.integer()));
        add("SCRIPT", g -> g.pick(List.of("SCRIPT", "EXISTS", sha1(g.oneOf(CommandTemplates.SCRIPTS)), sha1(g.oneOf(CommandTemplates.SCRIPTS))),
                List.of("SCRIPT", "LOAD", g.oneOf(CommandTemplates.SCRIPTS)),
                List.of("SCRIPT", g.oneOf("FLUSH", "KILL", "bogus", "DEBUG")),
                List.of("SCRIPT", "FLUSH", g.oneOf("SYNC", "ASYNC", "x"))));
    }

    /** Deterministic scripts over one key (KEYS[1]) and one argument (ARGV[1]), errors included. */
    static final String[] SCRIPTS = {
        "return redis.call('GET', KEYS[1])",
        "return redis.call('INCR', KEYS[1])",
        "return redis.call('SET', KEYS[1], ARGV[1])",
        "return {redis.call('EXISTS', KEYS[1]), redis.call('TYPE', KEYS[1]).ok}",
        "return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)",
        "local v = redis.pcall('LRANGE', KEYS[1], 0, -1) if v.err then return v.err end return #v",
        "return redis.pcall('LPUSH', KEYS[1], ARGV[1])",
        "redis.call('DEL', KEYS[1]) return redis.call('RPUSH', KEYS[1], ARGV[1], ARGV[1])",
        "return redis.call('ZADD', KEYS[1], ARGV[1], 'm')",
        "return cjson.encode({redis.call('GET', KEYS[1])})",
        "return redis.call('INCR', KEYS[1], 'x')",
        "return tonumber(ARGV[1]) and ARGV[1] * 2 or ARGV[1] .. '!'",
        "local t = {} for i = 1, 5 do t[#t + 1] = redis.call('INCRBY', KEYS[1], i) end return t",
        "x = 1",
        "return string.format('%s=%q', KEYS[1], tostring(redis.call('GET', KEYS[1])))",
        "#!lua flags=no-writes\nreturn redis.call('STRLEN', KEYS[1])",
        "#!lua\nreturn redis.call('SET', KEYS[1], ARGV[1])",
        "return redis.status_reply(ARGV[1])",
        "return redis.error_reply(ARGV[1])",
        "error(ARGV[1])",
        "return {1, 2, ARGV[1], {KEYS[1]}, nil, 3}",
        "return 1 +",
    };

    static String sha1(String body) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        // ------------------------------------------------------------ bitmaps
        add("SETBIT", g -> List.of("SETBIT", g.bitKey(), g.bitOffset(), g.oneOf("0", "1", "1", "0", "2", "-1", "x")));
        add("GETBIT", g -> List.of("GETBIT", g.bitKey(), g.bitOffset()));
        add("BITCOUNT", g -> {
            List<String> a = new ArrayList<>(List.of("BITCOUNT", g.bitKey()));
            int n = g.r.nextInt(6);
            if (n > 0) {
                a.addAll(List.of(g.index(), g.index()));
            }
            if (n > 2) {
                a.add(g.oneOf("BIT", "BYTE", "bit", "x"));
            }
            if (n == 5) {
                a.add(g.index());
            }
            return a;
        });
        add("BITPOS", g -> {
            List<String> a = new ArrayList<>(List.of("BITPOS", g.bitKey(), g.oneOf("0", "1", "1", "0", "2", "x")));
            int n = g.r.nextInt(5);
            if (n > 0) {
                a.add(g.index());
            }
            if (n > 1) {
                a.add(g.index());
            }
            if (n > 2) {
                a.add(g.oneOf("BIT", "BYTE", "bit", "x"));
            }
            return a;
        });
        add("BITOP", g -> {
            List<String> a = new ArrayList<>(List.of("BITOP", g.oneOf("AND", "OR", "XOR", "NOT", "and", "nand"),
                    g.bitKey()));
            for (int i = 1 + (g.r.nextBoolean() ? 0 : g.r.nextInt(3)); i > 0; i--) {
                a.add(g.bitKey());
            }
            return a;
        });
        add("BITFIELD", g -> g.bitfield(g.oneOf("BITFIELD", "BITFIELD", "BITFIELD_RO")));

        // ------------------------------------------------------------ HyperLogLog (GET compares the bytes)
        add("PFADD", g -> {
            List<String> a = new ArrayList<>(List.of("PFADD", g.hllKey()));
            int n = g.pick(0, 1, 3, 10, 50, 200, 1500);
            int base = g.r.nextInt(100_000);
            for (int i = 0; i < n; i++) {
                a.add(g.r.nextInt(20) == 0 ? g.value() : "e" + (base + i));
            }
            return a;
        });
        add("PFCOUNT", g -> g.r.nextBoolean() ? List.of("PFCOUNT", g.hllKey())
                : g.withKeys(List.of("PFCOUNT", g.hllKey()), 1 + g.r.nextInt(2)));
        add("PFMERGE", g -> {
            List<String> a = new ArrayList<>(List.of("PFMERGE", g.hllKey()));
            for (int i = g.r.nextInt(3); i > 0; i--) {
                a.add(g.hllKey());
            }
            return a;
        });
        add("PFDEBUG", g -> List.of("PFDEBUG", g.oneOf("ENCODING", "DECODE", "TODENSE", "foo"), g.hllKey()));
        add("PF_GET", g -> switch (g.r.nextInt(4)) {
            case 0 -> List.of("OBJECT", "ENCODING", g.hllKey());
            case 1 -> List.of("STRLEN", g.hllKey());
            default -> List.of("GET", g.hllKey());
        });
        add("PF_CONFIG", g -> List.of("CONFIG", "SET", "hll-sparse-max-bytes", g.oneOf("3000", "3000", "200", "1kb", "-1")));
    }

    /**
     * DUMP payloads redis-server 7.0.15 produced (strings int/embstr/raw/LZF, a quicklist, listpack
     * hash and sorted set, an intset, streams with and without a group), then refused ones: a bad
     * checksum, RDB version 11, an unknown type, an empty set.
     */
    private static final List<String> DUMP_PAYLOADS = List.of(
            latin1("00c139300a009d94ea2793fc08b9"),
            latin1("000568656c6c6f0a006372df766534200a"),
            latin1("000e31323334353637383930313233340a00afcb8c7b76a08b6a"),
            latin1("00c3094064017878e057000178780a005db7f663bb08625f"),
            latin1("120102c32340631b6300000007008161028162020101dffe02c12c02f270110104e04678e03c000148ff0a0018e6799a33312331"),
            latin1("10151500000004008266310382763103826632030201ff0a005c5ea813feec1ff5"),
            latin1("0b140400000003000000fdffffff01000000701101000a007b8d4dddaf2286d7"),
            latin1("112c2c0000000a00816302dffd02816102010181620283322e35048164028531652b32300681650283696e6604ff0a00"
                    + "9824950d0b8525d4"),
            latin1("130110000000000000000100000000000000013e3e00000019000301000102018161028162020001020100010001010102"
                    + "01050102010001010103010401050100010101dfff0201018163028178020601ff0302000101000003000a008adf7230"
                    + "22e6daa9"),
            latin1("130110000000000000000500000000000000011d1d0000000a0001010001010181660200010201000100018176020401ff"
                    + "01050105010000010103677270000081ffffffffffffffff00000a002cdf2281c0b1cd0c"),
            latin1("000568656c6c6f0a006372df766534200b"),
            latin1("000568656c6c6f0b00ad6205" + "98abc983"),
            latin1("63056865"),
            latin1("02000a003ace39009b8939e8"));

    private static String latin1(String hex) {
        return new String(java.util.HexFormat.of().parseHex(hex), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static {
        add("RESTORE", g -> {
            String key = g.r.nextInt(4) == 0 ? g.key() : g.prefix() + "dump" + g.r.nextInt(3);
            // "1" comes with ABSTTL only (expired at once): a relative 1 ms would race the next command
            String ttl = g.oneOf("0", "0", "0", "100000", "-1", "x", "1");
            List<String> a = new ArrayList<>(List.of("RESTORE", key, ttl,
                    DUMP_PAYLOADS.get(g.r.nextInt(DUMP_PAYLOADS.size()))));
            if (ttl.equals("1")) {
                a.add("ABSTTL");
            }
            for (int i = g.r.nextInt(3); i > 0; i--) {
                switch (g.r.nextInt(6)) {
                    case 0, 1 -> a.add("REPLACE");
                    case 2 -> a.add(ttl.equals("100000") ? "REPLACE" : "ABSTTL"); // 100000 absolute: expired
                    case 3 -> a.addAll(List.of("IDLETIME", g.oneOf("10", "-1", "x")));
                    case 4 -> a.addAll(List.of("FREQ", g.oneOf("10", "256", "x")));
                    default -> a.add(g.oneOf("FOO", "IDLETIME"));
                }
            }
            return a;
        });
        // only RESTORE writes the dump keys, with payloads whose encoding Redis chooses deterministically
        add("DUMP", g -> List.of("DUMP", g.r.nextInt(8) == 0 ? g.prefix() + "nodump" : g.prefix() + "dump" + g.r.nextInt(3)));
    }

    /**
     * ACL users u1..u3 (never "default": the sequence runs as it). Rules come from a pool whose
     * descriptions Redis prints in a fixed order: one category (@hash, which jredis has whole) and
     * one single command (get) at most, as Redis lists several single commands in a random order.
     */
    private static final List<String> ACL_RULES = List.of("on", "off", "nopass", "resetpass", ">pw", "<pw", ">pw2",
            "#" + "a".repeat(64), "!" + "a".repeat(64), "#abc", "~k*", "%R~r*", "%W~w*", "%RW~x", "%X~y", "allkeys",
            "resetkeys", "&c*", "allchannels", "resetchannels", "+@all", "-@all", "allcommands", "nocommands",
            "+@hash", "-@hash", "+get", "-get", "+nosuch", "+@nosuch", "+get|", "reset", "foo",
            "skip-sanitize-payload", "sanitize-payload", "(~s* +get)", "(", "clearselectors");

    static {
        add("ACL_SETUSER", g -> {
            List<String> a = new ArrayList<>(List.of("ACL", "SETUSER", g.oneOf("u1", "u2", "u3")));
            for (int i = g.r.nextInt(5); i > 0; i--) {
                a.add(g.oneOf(ACL_RULES.toArray(String[]::new)));
            }
            return a;
        });
        add("ACL_GETUSER", g -> List.of("ACL", "GETUSER", g.oneOf("u1", "u2", "u3", "default", "nosuch")));
        add("ACL_LIST", g -> List.of("ACL", g.oneOf("LIST", "USERS", "WHOAMI", "CAT")));
        add("ACL_DELUSER", g -> g.r.nextInt(8) == 0 ? List.of("ACL", "DELUSER", "u1", "default")
                : List.of("ACL", "DELUSER", g.oneOf("u1", "u2", "u3"), g.oneOf("u2", "nosuch")));
        add("ACL_DRYRUN", g -> List.of("ACL", "DRYRUN", g.oneOf("u1", "u2", "u3", "nosuch"),
                g.oneOf("GET", "SET", "HSET", "SELECT", "NOSUCH"), g.oneOf("k1", "r1", "w1", "x", "0"), g.value()));
        add("ACL_ERRORS", g -> g.pick(List.of("ACL", "CAT", g.oneOf("nosuch", "NOSUCH")),
                List.of("ACL", "GENPASS", g.oneOf("0", "4097", "x", "-1")), List.of("ACL", "LOG", "x"),
                List.of("ACL", g.oneOf("FOO", "WHOAMI", "USERS"), "x"), List.of("ACL", "LOG", "1", "2")));
    }

    // ------------------------------------------------------------ geo
    // Geo keys are sorted sets: mostly their own keys, sometimes the zset keys (scores that are
    // no geohash decode as Redis decodes them). Coordinates are random doubles printed in several
    // ways, with the edges (poles' ±85.05112878, antimeridian ±180) and invalid pairs now and then.
    static {
        add("GEOADD", g -> {
            List<String> a = new ArrayList<>(List.of("GEOADD", geoKey(g)));
            if (g.r.nextInt(3) == 0) {
                a.add(g.oneOf("NX", "XX", "CH", "ch", "xx"));
                if (g.r.nextInt(3) == 0) {
                    a.add(g.oneOf("NX", "XX", "CH"));
                }
            }
            for (int i = 1 + g.r.nextInt(4); i > 0; i--) {
                a.add(longitude(g));
                a.add(latitude(g));
                a.add(g.member());
            }
            if (g.r.nextInt(20) == 0) {
                a.add(g.member()); // not a triple: syntax error
            }
            return a;
        });
        add("GEODIST", g -> {
            List<String> a = new ArrayList<>(List.of("GEODIST", geoKey(g), g.member(), g.member()));
            if (g.r.nextBoolean()) {
                a.add(unit(g));
            }
            return a;
        });
        add("GEOHASH", g -> List.of("GEOHASH", geoKey(g), g.member(), g.member(), g.member()));
        add("GEOPOS", g -> List.of("GEOPOS", geoKey(g), g.member(), g.member(), g.member()));
        add("GEOSEARCH", g -> geosearch(g, false));
        add("GEOSEARCHSTORE", g -> geosearch(g, true));
        add("GEORADIUS", g -> georadius(g, "GEORADIUS"));
        add("GEORADIUS_RO", g -> georadius(g, "GEORADIUS_RO"));
        add("GEORADIUSBYMEMBER", g -> georadius(g, "GEORADIUSBYMEMBER"));
        add("GEORADIUSBYMEMBER_RO", g -> georadius(g, "GEORADIUSBYMEMBER_RO"));
    }

    private static String geoKey(Gen g) {
        return g.r.nextInt(6) == 0 ? g.zkey() : g.prefix() + "geo" + g.r.nextInt(3);
    }

    private static String coordinate(Gen g, double edge) {
        int k = g.r.nextInt(40);
        if (k == 0) {
            return g.oneOf("x", "", "inf", "nan", "1e400", String.valueOf(edge * 1.5), "0x1p4");
        }
        if (k < 6) {
            return g.oneOf(String.valueOf(edge), String.valueOf(-edge), "0", "-0",
                    String.valueOf(edge - 1e-7), String.valueOf(-edge + 1e-9));
        }
        double v = (g.r.nextDouble() * 2 - 1) * edge;
        return switch (g.r.nextInt(3)) {
            case 0 -> String.valueOf(v);
            case 1 -> String.format(java.util.Locale.ROOT, "%.6f", v);
            default -> String.format(java.util.Locale.ROOT, "%.2f", v);
        };
    }

    private static String longitude(Gen g) {
        return coordinate(g, 180);
    }

    private static String latitude(Gen g) {
        return coordinate(g, 85.05112878);
    }

    private static String unit(Gen g) {
        return g.r.nextInt(15) == 0 ? g.oneOf("yd", "", "kilometers") : g.oneOf("m", "km", "mi", "ft", "KM", "Mi");
    }

    /** A distance fitting the unit, from metres to the whole Earth, sometimes invalid. */
    private static String distance(Gen g) {
        if (g.r.nextInt(25) == 0) {
            return g.oneOf("-1", "x", "0", "inf", "");
        }
        double metres = Math.pow(10, g.r.nextDouble() * 7.5);
        return String.format(java.util.Locale.ROOT, "%.3f", metres / 1000);
    }

    /** Options in random order; COUNT, ANY, sorting and the WITH* replies; sometimes a bad one. */
    private static void searchOptions(Gen g, List<String> a, boolean with) {
        List<List<String>> opts = new ArrayList<>();
        if (with) {
            for (String w : List.of("WITHDIST", "WITHCOORD", "WITHHASH")) {
                if (g.r.nextInt(3) == 0) {
                    opts.add(List.of(g.r.nextBoolean() ? w : w.toLowerCase()));
                }
            }
        }
        if (g.r.nextBoolean()) {
            opts.add(List.of(g.oneOf("ASC", "DESC", "asc")));
        }
        if (g.r.nextInt(3) == 0) {
            opts.add(List.of("COUNT", g.r.nextInt(15) == 0 ? g.oneOf("0", "-1", "x") : String.valueOf(1 + g.r.nextInt(6))));
        }
        if (g.r.nextInt(6) == 0) {
            opts.add(List.of("ANY"));
        }
        if (g.r.nextInt(30) == 0) {
            opts.add(List.of(g.oneOf("COUNT", "BYBOX", "STORE", "FOO")));
        }
        java.util.Collections.shuffle(opts, new java.util.Random(g.r.nextLong()));
        opts.forEach(a::addAll);
    }

    private static List<String> geosearch(Gen g, boolean store) {
        List<String> a = new ArrayList<>();
        a.add(store ? "GEOSEARCHSTORE" : "GEOSEARCH");
        if (store) {
            a.add(geoKey(g));
        }
        a.add(geoKey(g));
        List<List<String>> parts = new ArrayList<>();
        int from = g.r.nextInt(12);
        if (from < 6) {
            parts.add(List.of("FROMMEMBER", g.member()));
        } else if (from < 11) {
            parts.add(List.of("FROMLONLAT", longitude(g), latitude(g)));
        }
        int by = g.r.nextInt(12);
        if (by < 6) {
            parts.add(List.of("BYRADIUS", distance(g), unit(g)));
        } else if (by < 11) {
            parts.add(List.of("BYBOX", distance(g), distance(g), unit(g)));
        }
        if (g.r.nextInt(20) == 0) {
            parts.add(List.of("FROMLONLAT", longitude(g), latitude(g)));
        }
        java.util.Collections.shuffle(parts, new java.util.Random(g.r.nextLong()));
        parts.forEach(a::addAll);
        searchOptions(g, a, !store || g.r.nextInt(10) == 0);
        if (store && g.r.nextInt(3) == 0) {
            a.add("STOREDIST");
        }
        return a;
    }

    private static List<String> georadius(Gen g, String name) {
        List<String> a = new ArrayList<>(List.of(name, geoKey(g)));
        if (name.startsWith("GEORADIUSBYMEMBER")) {
            a.add(g.member());
        } else {
            a.add(longitude(g));
            a.add(latitude(g));
        }
        a.add(distance(g));
        a.add(unit(g));
        boolean store = !name.endsWith("_RO") && g.r.nextInt(3) == 0;
        searchOptions(g, a, !store || g.r.nextInt(10) == 0);
        if (store || g.r.nextInt(40) == 0) {
            a.add(g.oneOf("STORE", "STOREDIST"));
            a.add(geoKey(g));
        }
        return a;
    }

    /** Operational commands: only their deterministic replies (help texts, errors, fixed values). */
    static {
        add("SLOWLOG_ERRORS", g -> g.pick(List.of("SLOWLOG", "GET", g.oneOf("-2", "x", "1.5", "99999999999999999999")),
                List.of("SLOWLOG", "GET", "1", "2"), List.of("SLOWLOG", g.oneOf("LEN", "RESET", "HELP"), "x"),
                List.of("SLOWLOG", g.oneOf("foo", "HELP", "help")), List.of("SLOWLOG")));
        add("LATENCY_MISC", g -> g.pick(List.of("LATENCY", g.oneOf("HELP", "foo")),
                List.of("LATENCY", "HISTORY", "nosuch"), List.of("LATENCY", "GRAPH", "nosuch"),
                List.of("LATENCY", g.oneOf("HISTORY", "GRAPH", "LATEST", "DOCTOR")),
                List.of("LATENCY", "LATEST", "x"), List.of("LATENCY", "HISTOGRAM", "nosuchcommand")));
        add("CLIENT_OPS_ERRORS", g -> g.pick(List.of("CLIENT", "PAUSE", g.oneOf("-1", "abc", "1.5", "")),
                List.of("CLIENT", "PAUSE", "10", g.oneOf("foo", "READ")), List.of("CLIENT", "PAUSE", "10", "ALL", "x"),
                List.of("CLIENT", "REPLY", g.oneOf("foo", "maybe")), List.of("CLIENT", "REPLY"),
                List.of("CLIENT", "GETREDIR"), List.of("CLIENT", "GETREDIR", "x"), List.of("CLIENT", "UNPAUSE", "x"),
                List.of("CLIENT", "NO-EVICT", g.oneOf("maybe", "on", "OFF"))));
        add("LOLWUT", g -> g.pick(List.of("LOLWUT"), List.of("LOLWUT", "VERSION", g.oneOf("7", "x", "8", "")),
                List.of("LOLWUT", g.oneOf("foo", "VERSION")), List.of("LOLWUT", "VERSION", "9", "1", "2")));
        add("DEBUG_REFUSED", g -> List.of("DEBUG", g.oneOf("SLEEP", "RELOAD", "HELP", "foo"), "0"));
        add("OPS_CONFIG", g -> g.pick(List.of("CONFIG", "GET", g.oneOf("slowlog-max-len", "slowlog-log-slower-than",
                        "latency-monitor-threshold", "enable-debug-command")),
                List.of("CONFIG", "SET", g.oneOf("slowlog-max-len", "slowlog-log-slower-than",
                        "latency-monitor-threshold"), g.oneOf("-2", "-1", "0", "x", "128", "10000"))));
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

        private long xms;

        /** Mostly a few stream keys, sometimes any key (to meet other types). */
        String xkey() {
            return r.nextInt(10) == 0 ? key() : prefix + "x" + r.nextInt(3);
        }

        String xgroup() {
            return oneOf("g1", "g1", "g2", "nogroup");
        }

        String xconsumer() {
            return oneOf("alice", "bob", "carol");
        }

        /** An XADD id: mostly the next one of this sequence, sometimes ms-*, an old one or an invalid one. */
        String xaddId() {
            return switch (r.nextInt(10)) {
                case 0 -> oneOf("0-0", "0", "x", "1-1", "-", "18446744073709551615-18446744073709551615");
                case 1 -> (xms + r.nextInt(2)) + "-*";
                default -> {
                    xms += r.nextInt(3);
                    yield xms + "-" + r.nextInt(3);
                }
            };
        }

        /** An id near the ones XADD makes. */
        String xid() {
            if (r.nextInt(12) == 0) {
                return oneOf("x", "-", "+", "0", "1-x", "18446744073709551615", "18446744073709551616");
            }
            long ms = xms <= 0 ? r.nextInt(5) : r.nextLong(xms + 2);
            return r.nextBoolean() ? Long.toString(ms) : ms + "-" + r.nextInt(3);
        }

        String rangeId(boolean start) {
            return switch (r.nextInt(6)) {
                case 0 -> start ? "-" : "+";
                case 1 -> "(" + xid();
                default -> xid();
            };
        }

        List<String> withCount(List<String> base) {
            List<String> a = new ArrayList<>(base);
            if (r.nextBoolean()) {
                a.addAll(List.of(oneOf("COUNT", "count", "FOO"), oneOf("1", "2", "0", "-1", "x")));
            }
            return a;
        }

        List<String> trimOptions() {
            List<String> a = new ArrayList<>();
            boolean maxlen = r.nextBoolean();
            a.add(maxlen ? oneOf("MAXLEN", "maxlen") : "MINID");
            if (r.nextBoolean()) {
                a.add(oneOf("~", "=", "~"));
            }
            a.add(maxlen ? oneOf("0", "1", "3", "10", "-1", "x") : xid());
            if (r.nextInt(4) == 0) {
                a.addAll(List.of("LIMIT", oneOf("0", "1", "100", "-1", "x")));
            }
            return a;
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

        /**
         * SET with a past EXAT/PXAT stores a key that is already expired, and when it goes away
         * depends on each server's active expiry: such times become far-future ones (in the
         * option's own unit).
         */
        private String notPast(String time, boolean millis) {
            return time.equals("1") ? Long.toString(millis ? FAR_FUTURE_SECONDS * 1000 : FAR_FUTURE_SECONDS) : time;
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
                case 2 -> o.addAll(List.of("EXAT", notPast(unixSeconds(), false)));
                case 3 -> o.addAll(List.of("PXAT", notPast(unixMillis(), true)));
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

        /** Mostly string keys of the shared pool, sometimes one of its other types. */
        String bitKey() {
            return r.nextInt(4) == 0 ? key() : prefix + "bits" + r.nextInt(3);
        }

        /** Bit offsets: small ones, "#n" forms for BITFIELD, and invalid ones (never a huge valid one). */
        String bitOffset() {
            return r.nextInt(4) == 0 ? oneOf("-1", "x", "", "4294967296", "9223372036854775807", "#1", "01")
                    : Integer.toString(r.nextInt(r.nextBoolean() ? 64 : 2000));
        }

        /** HLL keys, sometimes one of the shared pool (wrong types, plain strings). */
        String hllKey() {
            return r.nextInt(5) == 0 ? key() : prefix + "hll" + r.nextInt(3);
        }

        List<String> bitfield(String command) {
            List<String> a = new ArrayList<>(List.of(command, bitKey()));
            for (int i = r.nextInt(5); i > 0; i--) {
                switch (r.nextInt(8)) {
                    case 0, 1 -> a.addAll(List.of("GET", bitType(), bitfieldOffset()));
                    case 2, 3 -> a.addAll(List.of("SET", bitType(), bitfieldOffset(), bitfieldValue()));
                    case 4, 5 -> a.addAll(List.of("INCRBY", bitType(), bitfieldOffset(), bitfieldValue()));
                    case 6 -> a.addAll(List.of("OVERFLOW", oneOf("WRAP", "SAT", "FAIL", "sat", "bad")));
                    default -> a.add(oneOf("GET", "bogus"));
                }
            }
            return a;
        }

        private String bitType() {
            return r.nextInt(6) == 0 ? oneOf("u64", "i65", "i0", "I8", "x8", "i", "")
                    : (r.nextBoolean() ? "i" : "u") + (1 + r.nextInt(63));
        }

        private String bitfieldOffset() {
            return r.nextInt(3) == 0 ? "#" + r.nextInt(20) : bitOffset();
        }

        private String bitfieldValue() {
            return r.nextInt(3) == 0 ? integer() : Long.toString(r.nextLong() >> r.nextInt(64));
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

        /** An element of the SORT_BY list: mostly small numbers, in range of a double. */
        String sortElement() {
            return r.nextInt(6) == 0 ? oneOf("a", "b", "1.5", "-0", "") : Integer.toString(r.nextInt(12) - 3);
        }

        /** A SORT weight: numbers in strtod's forms, and some that are none. */
        String sortWeight() {
            return r.nextInt(3) == 0 ? oneOf("x", "", " 4", "4 ", "inf", "-inf", "0x1A", "1e3", "2.5", "nan", "b")
                    : Integer.toString(r.nextInt(10) - 2);
        }

        /**
         * SORT options after the key in a random order: LIMIT, ASC/DESC, ALPHA (always when
         * {@code alpha}), GET patterns, and STORE {@code store} unless null; sometimes a bad option
         * last (not shuffled in: a stray BY would take the next option as its pattern).
         */
        List<String> sortArgs(String command, String key, List<String> by, boolean alpha, String store) {
            List<List<String>> options = new ArrayList<>();
            if (!by.isEmpty()) {
                options.add(by);
            }
            boolean limit = r.nextInt(3) == 0;
            if (limit) {
                options.add(List.of("LIMIT", oneOf("0", "1", "2", "-1", "5", "x"), oneOf("0", "1", "3", "-1", "10")));
            }
            if (r.nextBoolean()) {
                options.add(List.of(oneOf("ASC", "DESC", "desc")));
            }
            if (alpha || (r.nextInt(3) == 0 && (by.isEmpty() || !limit))) {
                options.add(List.of(oneOf("ALPHA", "alpha")));
            }
            for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; i > 0; i--) {
                options.add(List.of("GET", oneOf("#", prefix + "w_*", prefix + "h_*->f", prefix + "h_*->g",
                        "nostar", prefix + "h_*->")));
            }
            if (store != null) {
                options.add(List.of("STORE", store));
            }
            java.util.Collections.shuffle(options, new java.util.Random(r.nextLong()));
            List<String> a = new ArrayList<>(List.of(command, key));
            options.forEach(a::addAll);
            if (r.nextInt(15) == 0) {
                a.add(oneOf("FOO", "LIMIT", "BY", "GET", "STORE"));
            }
            return a;
        }

        /** Hash fields: mostly a few shared names, so commands meet; sometimes any value. */
        String field() {
            return r.nextInt(5) == 0 ? value() : "f" + r.nextInt(6);
        }

        /** Set members: small integers (intsets), a few words, sometimes any value. */
        String setMember() {
            return switch (r.nextInt(6)) {
                case 0, 1, 2 -> Integer.toString(r.nextInt(12) - 2);
                case 3 -> "m" + r.nextInt(6);
                default -> r.nextInt(3) == 0 ? value() : integer();
            };
        }

        /**
         * SRANDMEMBER and HRANDFIELD counts, negative ones and bad ones included; never a huge
         * valid negative count, whose reply makes redis-server run out of memory.
         */
        String randomCount() {
            return oneOf("0", "1", "2", "5", "100", "-1", "-3", "-20", "x", "1.5", "-9223372036854775808",
                    "9223372036854775807", "4611686018427387904");
        }

        List<String> withFields(List<String> base, int n) {
            List<String> a = new ArrayList<>(base);
            for (int i = 0; i < n; i++) {
                a.add(field());
            }
            return a;
        }

        List<String> withMembers(List<String> base, int n) {
            List<String> a = new ArrayList<>(base);
            for (int i = 0; i < n; i++) {
                a.add(setMember());
            }
            return a;
        }

        List<String> withFieldValues(List<String> base) {
            List<String> a = new ArrayList<>(base);
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                a.add(field());
                a.add(r.nextInt(20) == 0 ? "y".repeat(60 + r.nextInt(10)) : value());
            }
            if (r.nextInt(10) == 0) {
                a.add(field()); // odd count: wrong arity
            }
            return a;
        }

        /**
         * A cursor and options; COUNT is large so a hashtable is scanned in one call and the
         * replies do not depend on either server's table layout.
         */
        List<String> withScanOptions(List<String> base) {
            List<String> a = new ArrayList<>(base);
            a.add(r.nextInt(10) == 0 ? oneOf("x", "-1", "", " 0", "18446744073709551616") : "0");
            a.addAll(List.of("COUNT", "10000"));
            switch (r.nextInt(6)) {
                case 0 -> a.addAll(List.of("MATCH", oneOf("*", "f?", "1*", "m[0-2]", "x*", "*\\*")));
                case 1 -> a.addAll(List.of(oneOf("COUNT", "count"), oneOf("0", "-1", "x", "1000")));
                case 2 -> a.add(oneOf("MATCH", "TYPE", "FOO"));
                case 3 -> a.addAll(List.of("TYPE", "set"));
                default -> {
                }
            }
            return a;
        }

        /** A sorted-set member from a small pool of short ones (sets stay listpacks). */
        String member() {
            return switch (r.nextInt(10)) {
                case 0 -> "";
                case 1 -> "bin\u0000\u00ff";
                case 2 -> oneOf("a", "b", "c", "ab", "B");
                default -> "m" + r.nextInt(25);
            };
        }

        /** Mostly keys that only sorted-set commands write, sometimes the shared ones (wrong types). */
        String zkey() {
            return r.nextInt(8) == 0 ? key() : prefix + "z" + r.nextInt(5);
        }

        String zscore() {
            if (r.nextInt(12) == 0) {
                return oneOf("nan", "abc", "", " 1", "1e400", "1 ", "(1");
            }
            return r.nextInt(3) == 0 ? Integer.toString(r.nextInt(21) - 10) : oneOf("0", "1", "-1", "2.5", "-3", "1.1",
                    "1e3", "inf", "-inf", "+inf", "0x10", "-0", "3.0", "1e-5", "0.1", "5e-324", "1.7976931348623157e308");
        }

        String scoreBound() {
            return oneOf("-inf", "+inf", "inf", "0", "1", "(1", "(2.5", "-1", "(-inf", "10", "(0", "5", "-5", "1.1",
                    "x", "(", "", "nan", " 1", "(x");
        }

        String lexBound() {
            return oneOf("-", "+", "[a", "(a", "[m1", "(m2", "[m", "(m", "[", "(", "[c", "x", "", "+x");
        }

        String zcount() {
            return oneOf("0", "1", "2", "3", "10", "-1", "-3", "-10", "x", "1.5");
        }

        List<String> withScores(List<String> base) {
            List<String> a = new ArrayList<>(base);
            if (r.nextBoolean()) {
                a.add(oneOf("WITHSCORES", "withscores", "FOO"));
            }
            return a;
        }

        List<String> withLimit(List<String> base) {
            List<String> a = new ArrayList<>(base);
            if (r.nextInt(3) == 0) {
                a.addAll(List.of("LIMIT", oneOf("0", "1", "2", "-1", "x", "100"), oneOf("0", "1", "2", "-1", "5", "x")));
            }
            return a;
        }

        /** Keys for lex ranges: only ZADD with score 0 writes them. */
        String lexKey() {
            return prefix + "lz" + r.nextInt(3);
        }

        /** ZRANGE / ZRANGESTORE (dst not null): by rank, score or lex, any options in any order. */
        List<String> zrangeArgs(List<String> base, String dst) {
            List<String> a = new ArrayList<>(base);
            int type = r.nextInt(3);
            if (dst != null) {
                a.add(dst);
            }
            a.add(type == 2 ? lexKey() : zkey());
            switch (type) {
                case 0 -> a.addAll(List.of(index(), index()));
                case 1 -> a.addAll(List.of(scoreBound(), scoreBound()));
                default -> a.addAll(List.of(lexBound(), lexBound()));
            }
            List<String> o = new ArrayList<>();
            if (type == 1 || (type == 0 && r.nextInt(8) == 0)) {
                o.add(oneOf("BYSCORE", "byscore"));
            }
            // BYLEX over rank arguments is an error whatever the set; over score bounds it could be a
            // lex range on mixed scores
            if (type == 2 || (type == 0 && r.nextInt(10) == 0)) {
                o.add(oneOf("BYLEX", "bylex"));
            }
            if (r.nextInt(3) == 0) {
                o.add("REV");
            }
            if (r.nextInt(3) == 0) {
                o.add(oneOf("WITHSCORES", "WITHSCORES", "FOO"));
            }
            if (r.nextInt(3) == 0) {
                o.add("LIMIT " + oneOf("0", "1", "-1", "x") + " " + oneOf("0", "1", "3", "-1"));
            }
            java.util.Collections.shuffle(o, new java.util.Random(r.nextLong()));
            for (String opt : o) {
                a.addAll(Arrays.asList(opt.split(" ")));
            }
            return a;
        }

        /** numkeys and that many keys, sometimes a wrong count. */
        List<String> numKeys(List<String> base) {
            List<String> a = new ArrayList<>(base);
            int n = 1 + r.nextInt(3);
            a.add(r.nextInt(12) == 0 ? oneOf("0", "-1", "x", "5") : Integer.toString(n));
            for (int i = 0; i < n; i++) {
                a.add(key());
            }
            return a;
        }

        List<String> zsetOperation(List<String> base, boolean weighted, boolean reply) {
            List<String> a = numKeys(base);
            int n = a.size() - base.size() - 1;
            if (weighted && r.nextInt(3) == 0) {
                a.add("WEIGHTS");
                for (int i = r.nextInt(8) == 0 ? n + 1 : n; i > 0; i--) {
                    a.add(oneOf("1", "2", "-1", "0.5", "inf", "-inf", "0", "x", "nan"));
                }
            }
            if (weighted && r.nextInt(3) == 0) {
                a.addAll(List.of("AGGREGATE", oneOf("SUM", "MIN", "MAX", "max", "FOO")));
            }
            if (reply && r.nextBoolean()) {
                a.add("WITHSCORES");
            }
            if (r.nextInt(15) == 0) {
                a.add(oneOf("WITHSCORES", "WEIGHTS", "AGGREGATE", "LIMIT"));
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
