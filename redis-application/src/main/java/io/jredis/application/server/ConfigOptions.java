package io.jredis.application.server;

import io.jredis.application.port.ServerLifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one table of configuration options over the typed fields of {@link ServerConfig}: each
 * option's redis.conf name and aliases, how its value is parsed (with Redis 7.0's exact error
 * reasons), whether CONFIG SET may change it, and how CONFIG GET prints it. The config file, the
 * command line and CONFIG GET/SET all go through here, so they accept exactly the same input.
 */
public final class ConfigOptions {

    /** Redis's CONFIG_MIN_HZ and CONFIG_MAX_HZ: hz is clamped into this range. */
    private static final int MIN_HZ = 1;
    private static final int MAX_HZ = 500;
    /** Redis's CONFIG_REPL_BACKLOG_MIN_SIZE. */
    private static final long MIN_BACKLOG = 16 * 1024;
    /** Redis's CONFIG_BINDADDR_MAX. */
    private static final int MAX_BIND_ADDRESSES = 16;

    private static final List<String> LOGLEVELS = List.of("debug", "verbose", "notice", "warning");
    private static final List<String> POLICIES = List.of("volatile-lru", "volatile-lfu", "volatile-random",
            "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction");
    private static final List<String> FSYNC = List.of("everysec", "always", "no");

    /** A value was refused; the message is Redis's reason, e.g. "argument must be 'yes' or 'no'". */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Where a value comes from: the config file (and command line) or CONFIG SET. */
    public static final class Source {
        private final ServerLifecycle lifecycle;
        private final boolean file;
        private boolean saveSeen;

        private Source(ServerLifecycle lifecycle, boolean file) {
            this.lifecycle = lifecycle;
            this.file = file;
        }

        /** Reading redis.conf and the command line: repeated {@code save} lines add up. */
        public static Source file(ServerLifecycle lifecycle) {
            return new Source(lifecycle, true);
        }

        public static Source runtime(ServerLifecycle lifecycle) {
            return new Source(lifecycle, false);
        }

        public boolean fromFile() {
            return file;
        }
    }

    @FunctionalInterface
    interface Setter {
        void set(ServerConfig c, List<String> args, Source source) throws ConfigException;
    }

    /** What a successful CONFIG SET must still do to the running server; may fail with a reason. */
    public enum Effect {
        NONE(null),
        REBIND_PORT("Unable to listen on this port. Check server logs."),
        REBIND_ADDRESSES("Failed to bind to specified addresses."),
        /** appendonly or appendfsync: the append-only file is switched on or off. */
        APPEND_ONLY(null),
        /** maxmemory and the eviction options: keys record LRU or LFU use, and eviction runs at once. */
        MAXMEMORY(null);

        private final String failure;

        Effect(String failure) {
            this.failure = failure;
        }

        /** Applies the effect; returns the failure reason or null. */
        public String apply(ServerState server) {
            if (this == NONE) {
                return null;
            }
            if (this == APPEND_ONLY) {
                return server.appendOnlyFile().reconfigure();
            }
            if (this == MAXMEMORY) {
                server.eviction().reconfigure();
                return null;
            }
            return server.lifecycle().rebindListeners() ? null : failure;
        }
    }

    /** One option: its name, aliases, how it is parsed and printed. */
    public static final class Option {
        private final String name;
        private final List<String> aliases;
        private final boolean mutable;
        private final boolean protectedConfig;
        private final boolean multiArg;
        private final Effect effect;
        private final Setter setter;
        private final Function<ServerConfig, String> getter;
        private boolean bytes;

        private Option(String name, List<String> aliases, boolean mutable, boolean protectedConfig,
                       boolean multiArg, Effect effect, Setter setter, Function<ServerConfig, String> getter) {
            this.name = name;
            this.aliases = aliases;
            this.mutable = mutable;
            this.protectedConfig = protectedConfig;
            this.multiArg = multiArg;
            this.effect = effect;
            this.setter = setter;
            this.getter = getter;
        }

        public String name() {
            return name;
        }

        public List<String> aliases() {
            return aliases;
        }

        /** CONFIG SET may change it (Redis's MODIFIABLE_CONFIG). */
        public boolean mutable() {
            return mutable;
        }

        /** CONFIG SET refuses it while enable-protected-configs is no, its default. */
        public boolean protectedConfig() {
            return protectedConfig;
        }

        /** Takes several arguments (save, bind, ...): one string is split into words. */
        public boolean multiArg() {
            return multiArg;
        }

        public Effect effect() {
            return effect;
        }

        /** A memory amount (units accepted; CONFIG REWRITE writes it with the largest exact unit). */
        public boolean bytes() {
            return bytes;
        }

        /** The value as CONFIG GET prints it. */
        public String get(ServerConfig config) {
            return getter.apply(config);
        }

        /** Sets the value from already split arguments. */
        public void set(ServerConfig config, List<String> args, Source source) throws ConfigException {
            if (!multiArg && args.size() != 1) {
                throw new ConfigException("wrong number of arguments");
            }
            setter.set(config, args, source);
        }

        /** Sets the value from one CONFIG SET argument; several words are split at each space. */
        public void set(ServerConfig config, String value, Source source) throws ConfigException {
            set(config, multiArg ? splitSpaces(value) : List.of(value), source);
        }
    }

    private static final List<Option> OPTIONS = new ArrayList<>();
    private static final Map<String, Option> BY_NAME = new LinkedHashMap<>();

    static {
        // network
        integer("port", 0, 65535, true, Effect.REBIND_PORT, c -> c.port, (c, v) -> c.port = (int) v);
        add(new Option("bind", List.of(), true, false, true, Effect.REBIND_ADDRESSES, ConfigOptions::setBind,
                c -> String.join(" ", c.bind)));
        integer("tcp-backlog", 0, Integer.MAX_VALUE, false, c -> c.tcpBacklog, (c, v) -> c.tcpBacklog = (int) v);
        integer("timeout", 0, Integer.MAX_VALUE, true, c -> c.timeoutSeconds, (c, v) -> c.timeoutSeconds = (int) v);
        integer("tcp-keepalive", 0, Integer.MAX_VALUE, true, c -> c.tcpKeepalive, (c, v) -> c.tcpKeepalive = (int) v);
        bool("protected-mode", true, c -> c.protectedMode, (c, v) -> c.protectedMode = v);
        // Redis's maxclients is an unsigned int; larger values than Java's int are held as its maximum
        integer("maxclients", 1, 4294967295L, true, c -> c.maxclients,
                (c, v) -> c.maxclients = (int) Math.min(v, Integer.MAX_VALUE));
        memory("proto-max-bulk-len", 1024 * 1024, Long.MAX_VALUE, true, c -> c.protoMaxBulkLen,
                (c, v) -> c.protoMaxBulkLen = v);
        memory("client-query-buffer-limit", 1024 * 1024, Long.MAX_VALUE, true, c -> c.clientQueryBufferLimit,
                (c, v) -> c.clientQueryBufferLimit = v);
        add(new Option("client-output-buffer-limit", List.of(), true, false, true, Effect.NONE,
                ConfigOptions::setOutputLimits, ConfigOptions::formatOutputLimits));

        // general
        integer("databases", 1, Integer.MAX_VALUE, false, c -> c.databases, (c, v) -> c.databases = (int) v);
        integer("hz", 0, Integer.MAX_VALUE, true, c -> c.hz,
                (c, v) -> c.hz = (int) Math.max(MIN_HZ, Math.min(MAX_HZ, v)));
        alias(integer("busy-reply-threshold", 0, Long.MAX_VALUE, true, c -> c.busyReplyThreshold,
                (c, v) -> c.busyReplyThreshold = v), "lua-time-limit");
        string("requirepass", true, c -> c.requirepass, (c, v) -> {
            c.requirepass = v;
            c.requirepassListener.accept(v);
        });
        string("aclfile", false, c -> c.aclfile, (c, v) -> c.aclfile = v);
        integer("slowlog-log-slower-than", -1, Long.MAX_VALUE, true, c -> c.slowlogLogSlowerThan,
                (c, v) -> c.slowlogLogSlowerThan = v);
        integer("slowlog-max-len", 0, Long.MAX_VALUE, true, c -> c.slowlogMaxLen, (c, v) -> c.slowlogMaxLen = v);
        integer("latency-monitor-threshold", 0, Long.MAX_VALUE, true, c -> c.latencyMonitorThreshold,
                (c, v) -> c.latencyMonitorThreshold = v);
        enumerated("enable-debug-command", List.of("no", "yes", "local"), false, c -> c.enableDebugCommand,
                (c, v) -> c.enableDebugCommand = v);
        integer("acllog-max-len", 0, Long.MAX_VALUE, true, c -> c.acllogMaxLen, (c, v) -> c.acllogMaxLen = v);
        enumerated("acl-pubsub-default", List.of("allchannels", "resetchannels"), true, c -> c.aclPubsubDefault,
                (c, v) -> c.aclPubsubDefault = v);
        add(new Option("notify-keyspace-events", List.of(), true, false, false, Effect.NONE,
                ConfigOptions::setKeyspaceEvents,
                c -> io.jredis.application.pubsub.KeyspaceEvents.format(c.notifyKeyspaceEvents)));
        integer("stream-node-max-entries", 0, Long.MAX_VALUE, true, c -> c.streamNodeMaxEntries,
                (c, v) -> c.streamNodeMaxEntries = v);
        memory("hll-sparse-max-bytes", 0, Long.MAX_VALUE, true, c -> c.hllSparseMaxBytes,
                (c, v) -> c.hllSparseMaxBytes = v);
        memory("stream-node-max-bytes", 0, Long.MAX_VALUE, true, c -> c.streamNodeMaxBytes,
                (c, v) -> c.streamNodeMaxBytes = v);
        alias(integer("hash-max-listpack-entries", 0, Long.MAX_VALUE, true, c -> c.hashMaxListpackEntries,
                (c, v) -> { c.hashMaxListpackEntries = v; c.applyEncodingLimits(); }), "hash-max-ziplist-entries");
        alias(memory("hash-max-listpack-value", 0, Long.MAX_VALUE, true, c -> c.hashMaxListpackValue,
                (c, v) -> { c.hashMaxListpackValue = v; c.applyEncodingLimits(); }), "hash-max-ziplist-value");
        alias(integer("zset-max-listpack-entries", 0, Long.MAX_VALUE, true, c -> c.zsetMaxListpackEntries,
                (c, v) -> { c.zsetMaxListpackEntries = v; c.applyEncodingLimits(); }), "zset-max-ziplist-entries");
        alias(memory("zset-max-listpack-value", 0, Long.MAX_VALUE, true, c -> c.zsetMaxListpackValue,
                (c, v) -> { c.zsetMaxListpackValue = v; c.applyEncodingLimits(); }), "zset-max-ziplist-value");
        integer("set-max-intset-entries", 0, Long.MAX_VALUE, true, c -> c.setMaxIntsetEntries,
                (c, v) -> { c.setMaxIntsetEntries = v; c.applyEncodingLimits(); });
        enumerated("loglevel", LOGLEVELS, true, c -> c.loglevel, (c, v) -> c.loglevel = v);
        string("logfile", false, c -> c.logfile, (c, v) -> c.logfile = v);
        bool("daemonize", false, c -> c.daemonize, (c, v) -> c.daemonize = v);
        string("pidfile", false, c -> c.pidfile, (c, v) -> c.pidfile = v);
        memory("maxmemory", 0, Long.MAX_VALUE, true, Effect.MAXMEMORY, c -> c.maxmemory, (c, v) -> c.maxmemory = v);
        add(new Option("maxmemory-policy", List.of(), true, false, false, Effect.MAXMEMORY,
                (c, a, s) -> c.maxmemoryPolicy = oneOf(a.get(0), POLICIES), c -> c.maxmemoryPolicy));
        integer("maxmemory-samples", 1, Integer.MAX_VALUE, true, c -> c.maxmemorySamples, (c, v) -> c.maxmemorySamples = (int) v);
        integer("maxmemory-eviction-tenacity", 0, 100, true, c -> c.maxmemoryEvictionTenacity,
                (c, v) -> c.maxmemoryEvictionTenacity = (int) v);
        integer("lfu-log-factor", 0, Integer.MAX_VALUE, true, Effect.MAXMEMORY, c -> c.lfuLogFactor,
                (c, v) -> c.lfuLogFactor = (int) v);
        integer("lfu-decay-time", 0, Integer.MAX_VALUE, true, Effect.MAXMEMORY, c -> c.lfuDecayTime,
                (c, v) -> c.lfuDecayTime = (int) v);

        // persistence
        add(new Option("dir", List.of(), true, true, false, Effect.NONE, ConfigOptions::setDir, c -> c.dir));
        add(new Option("dbfilename", List.of(), true, true, false, Effect.NONE,
                (c, a, s) -> c.dbfilename = baseName(a.get(0), "dbfilename can't be a path, just a filename"),
                c -> c.dbfilename));
        add(new Option("save", List.of(), true, false, true, Effect.NONE, ConfigOptions::setSave, c -> c.save));
        add(new Option("appendonly", List.of(), true, false, false, Effect.APPEND_ONLY,
                (c, a, s) -> c.appendonly = parseBool(a.get(0)), c -> c.appendonly ? "yes" : "no"));
        add(new Option("appendfsync", List.of(), true, false, false, Effect.APPEND_ONLY,
                (c, a, s) -> c.appendfsync = oneOf(a.get(0), FSYNC), c -> c.appendfsync));
        add(new Option("appendfilename", List.of(), false, false, false, Effect.NONE,
                (c, a, s) -> c.appendfilename = baseName(a.get(0), "appendfilename can't be a path, just a filename"),
                c -> c.appendfilename));
        add(new Option("appenddirname", List.of(), false, false, false, Effect.NONE,
                (c, a, s) -> c.appenddirname = baseName(a.get(0), "appenddirname can't be a path, just a dirname"),
                c -> c.appenddirname));
        bool("aof-load-truncated", true, c -> c.aofLoadTruncated, (c, v) -> c.aofLoadTruncated = v);
        bool("aof-use-rdb-preamble", true, c -> c.aofUseRdbPreamble, (c, v) -> c.aofUseRdbPreamble = v);
        // the rewrite fsyncs its base once at the end; the option is kept for redis.conf compatibility
        bool("aof-rewrite-incremental-fsync", true, c -> c.aofRewriteIncrementalFsync,
                (c, v) -> c.aofRewriteIncrementalFsync = v);
        bool("aof-timestamp-enabled", true, c -> c.aofTimestampEnabled, (c, v) -> c.aofTimestampEnabled = v);
        bool("aof-disable-auto-gc", true, c -> c.aofDisableAutoGc, (c, v) -> c.aofDisableAutoGc = v);
        integer("auto-aof-rewrite-percentage", 0, Integer.MAX_VALUE, true, c -> c.autoAofRewritePercentage,
                (c, v) -> c.autoAofRewritePercentage = (int) v);
        memory("auto-aof-rewrite-min-size", 0, Long.MAX_VALUE, true, c -> c.autoAofRewriteMinSize,
                (c, v) -> c.autoAofRewriteMinSize = v);
        bool("rdbcompression", true, c -> c.rdbcompression, (c, v) -> c.rdbcompression = v);
        bool("rdbchecksum", false, c -> c.rdbchecksum, (c, v) -> c.rdbchecksum = v);
        bool("stop-writes-on-bgsave-error", true, c -> c.stopWritesOnBgsaveError,
                (c, v) -> c.stopWritesOnBgsaveError = v);

        // replication
        add(new Option("replicaof", List.of("slaveof"), false, false, true, Effect.NONE,
                ConfigOptions::setReplicaOf, c -> c.replicaof));
        string("masterauth", true, c -> c.masterauth, (c, v) -> c.masterauth = v);
        string("masteruser", true, c -> c.masteruser, (c, v) -> c.masteruser = v);
        alias(bool("replica-read-only", true, c -> c.replicaReadOnly, (c, v) -> c.replicaReadOnly = v),
                "slave-read-only");
        memory("repl-backlog-size", 1, Long.MAX_VALUE, true, c -> c.replBacklogSize,
                (c, v) -> c.replBacklogSize = Math.max(MIN_BACKLOG, v));
        alias(integer("repl-ping-replica-period", 1, Integer.MAX_VALUE, true, c -> c.replPingReplicaPeriod,
                (c, v) -> c.replPingReplicaPeriod = (int) v), "repl-ping-slave-period");
        integer("repl-timeout", 1, Integer.MAX_VALUE, true, c -> c.replTimeout, (c, v) -> c.replTimeout = (int) v);
        // in Redis's table order (CONFIG GET slave* lists them so)
        alias(string("replica-announce-ip", true, c -> c.replicaAnnounceIp, (c, v) -> c.replicaAnnounceIp = v),
                "slave-announce-ip");
        alias(integer("replica-announce-port", 0, 65535, true, c -> c.replicaAnnouncePort,
                (c, v) -> c.replicaAnnouncePort = (int) v), "slave-announce-port");
        alias(integer("replica-priority", 0, Integer.MAX_VALUE, true, c -> c.replicaPriority,
                (c, v) -> c.replicaPriority = (int) v), "slave-priority");
        bool("replica-announced", true, c -> c.replicaAnnounced, (c, v) -> c.replicaAnnounced = v);
        alias(bool("replica-serve-stale-data", true, c -> c.replicaServeStaleData,
                (c, v) -> c.replicaServeStaleData = v), "slave-serve-stale-data");
        bool("repl-diskless-sync", true, c -> c.replDisklessSync, (c, v) -> c.replDisklessSync = v);
        integer("repl-diskless-sync-delay", 0, Integer.MAX_VALUE, true, c -> c.replDisklessSyncDelay,
                (c, v) -> c.replDisklessSyncDelay = (int) v);
        integer("repl-diskless-sync-max-replicas", 0, Integer.MAX_VALUE, true, c -> c.replDisklessSyncMaxReplicas,
                (c, v) -> c.replDisklessSyncMaxReplicas = (int) v);
    }

    private ConfigOptions() {
    }

    /** The option with this name or alias (case-insensitive), or null. */
    public static Option lookup(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every option in table order. */
    public static List<Option> all() {
        return Collections.unmodifiableList(OPTIONS);
    }


    // ------------------------------------------------------------------ option kinds

    private interface LongSetter {
        void set(ServerConfig c, long v);
    }

    private interface BoolSetter {
        void set(ServerConfig c, boolean v);
    }

    private interface StringSetter {
        void set(ServerConfig c, String v);
    }

    private static Option add(Option o) {
        OPTIONS.add(o);
        BY_NAME.put(o.name, o);
        for (String a : o.aliases) {
            BY_NAME.put(a, o);
        }
        return o;
    }

    private static void alias(Option o, String alias) {
        Option aliased = new Option(o.name, List.of(alias), o.mutable, o.protectedConfig, o.multiArg, o.effect,
                o.setter, o.getter);
        OPTIONS.set(OPTIONS.indexOf(o), aliased);
        BY_NAME.put(o.name, aliased);
        BY_NAME.put(alias, aliased);
    }

    private static Option integer(String name, long min, long max, boolean mutable,
                                  Function<ServerConfig, Number> get, LongSetter set) {
        return integer(name, min, max, mutable, Effect.NONE, get, set);
    }

    private static Option integer(String name, long min, long max, boolean mutable, Effect effect,
                                  Function<ServerConfig, Number> get, LongSetter set) {
        return add(new Option(name, List.of(), mutable, false, false, effect,
                (c, a, s) -> set.set(c, inRange(parseInteger(a.get(0)), min, max)),
                c -> String.valueOf(get.apply(c).longValue())));
    }

    private static Option memory(String name, long min, long max, boolean mutable,
                                 Function<ServerConfig, Number> get, LongSetter set) {
        return memory(name, min, max, mutable, Effect.NONE, get, set);
    }

    private static Option memory(String name, long min, long max, boolean mutable, Effect effect,
                                 Function<ServerConfig, Number> get, LongSetter set) {
        Option o = add(new Option(name, List.of(), mutable, false, false, effect,
                (c, a, s) -> set.set(c, inRange(parseMemory(a.get(0)), min, max)),
                c -> String.valueOf(get.apply(c).longValue())));
        o.bytes = true;
        return o;
    }

    private static Option bool(String name, boolean mutable, Function<ServerConfig, Boolean> get, BoolSetter set) {
        return add(new Option(name, List.of(), mutable, false, false, Effect.NONE,
                (c, a, s) -> set.set(c, parseBool(a.get(0))),
                c -> get.apply(c) ? "yes" : "no"));
    }

    private static Option string(String name, boolean mutable, Function<ServerConfig, String> get, StringSetter set) {
        return add(new Option(name, List.of(), mutable, false, false, Effect.NONE,
                (c, a, s) -> set.set(c, a.get(0)), get));
    }

    private static Option enumerated(String name, List<String> values, boolean mutable,
                                     Function<ServerConfig, String> get, StringSetter set) {
        return add(new Option(name, List.of(), mutable, false, false, Effect.NONE,
                (c, a, s) -> set.set(c, oneOf(a.get(0), values)), get));
    }

    // ------------------------------------------------------------------ parsing

    /** A canonical 64-bit integer as Redis's string2ll accepts it: no '+', spaces or leading zeros. */
    public static long parseInteger(String s) throws ConfigException {
        try {
            long v = Long.parseLong(s);
            if (Long.toString(v).equals(s)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to Redis's reason
        }
        throw new ConfigException("argument couldn't be parsed into an integer");
    }

    /**
     * A memory amount as Redis's memtoull reads it: digits and an optional unit, b, k (1000),
     * kb (1024), m, mb, g, gb, in any case.
     */
    public static long parseMemory(String s) throws ConfigException {
        long v = memory(s);
        if (v < 0) {
            throw new ConfigException("argument must be a memory value");
        }
        return v;
    }

    /** The amount, or -1 when {@code s} is not a memory value. */
    static long memory(String s) {
        int digits = 0;
        while (digits < s.length() && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') {
            digits++;
        }
        long mul;
        switch (s.substring(digits).toLowerCase(Locale.ROOT)) {
            case "", "b" -> mul = 1;
            case "k" -> mul = 1000L;
            case "kb" -> mul = 1024L;
            case "m" -> mul = 1000L * 1000;
            case "mb" -> mul = 1024L * 1024;
            case "g" -> mul = 1000L * 1000 * 1000;
            case "gb" -> mul = 1024L * 1024 * 1024;
            default -> {
                return -1;
            }
        }
        if (digits == 0) {
            return 0; // strtoull of no digits is 0, and Redis accepts it
        }
        try {
            return Math.multiplyExact(Long.parseLong(s.substring(0, digits)), mul);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    private static long inRange(long v, long min, long max) throws ConfigException {
        if (v < min || v > max) {
            throw new ConfigException("argument must be between " + min + " and " + max + " inclusive");
        }
        return v;
    }

    public static boolean parseBool(String s) throws ConfigException {
        if (s.equalsIgnoreCase("yes")) {
            return true;
        }
        if (s.equalsIgnoreCase("no")) {
            return false;
        }
        throw new ConfigException("argument must be 'yes' or 'no'");
    }

    private static String oneOf(String s, List<String> values) throws ConfigException {
        for (String v : values) {
            if (v.equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new ConfigException("argument(s) must be one of the following: " + String.join(", ", values));
    }

    private static String baseName(String s, String reason) throws ConfigException {
        if (s.indexOf('/') >= 0) {
            throw new ConfigException(reason);
        }
        return s;
    }

    /** CONFIG SET's split of a multi-word value: at every single space, empty words kept. */
    static List<String> splitSpaces(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(value.split(" ", -1));
    }

    // ------------------------------------------------------------------ special options

    private static void setBind(ServerConfig c, List<String> args, Source s) throws ConfigException {
        if (args.size() > MAX_BIND_ADDRESSES) {
            throw new ConfigException("Too many bind addresses specified.");
        }
        if (args.size() == 1 && args.get(0).isEmpty()) {
            c.bind = List.of();
        } else {
            c.bind = List.copyOf(args);
        }
    }

    /** "seconds changes" pairs; in the config file repeated lines add up, as in Redis. */
    private static void setSave(ServerConfig c, List<String> args, Source s) throws ConfigException {
        List<String> a = args.size() == 1 && args.get(0).isEmpty() ? List.of() : args;
        if (a.size() % 2 != 0) {
            throw new ConfigException("Invalid save parameters");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            long v = strtoll(a.get(i));
            if (v == Long.MIN_VALUE || (i % 2 == 0 && v < 1) || (i % 2 == 1 && v < 0)) {
                throw new ConfigException("Invalid save parameters");
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(v);
        }
        if (s.file && s.saveSeen && !c.save.isEmpty() && out.length() > 0) {
            c.save = c.save + " " + out; // redis.conf lists one save point a line
        } else {
            c.save = out.toString();
        }
        s.saveSeen = true;
    }

    /** strtoll with a check that the whole text was read; Long.MIN_VALUE when it was not. */
    private static long strtoll(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != s.length()) {
            return Long.MIN_VALUE;
        }
        if (i == digitsStart) {
            return 0;
        }
        try {
            String t = s.substring(start);
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return s.substring(start).startsWith("-") ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    private static void setKeyspaceEvents(ServerConfig c, List<String> args, Source s) throws ConfigException {
        int flags = io.jredis.application.pubsub.KeyspaceEvents.parse(args.get(0));
        if (flags < 0) {
            throw new ConfigException(io.jredis.application.pubsub.KeyspaceEvents.INVALID);
        }
        c.notifyKeyspaceEvents = flags;
    }

    private static void setOutputLimits(ServerConfig c, List<String> args, Source s) throws ConfigException {
        if (args.size() % 4 != 0) {
            throw new ConfigException("Wrong number of arguments in buffer limit configuration.");
        }
        long[][] updates = new long[3][];
        for (int i = 0; i < args.size(); i += 4) {
            int cls = switch (args.get(i).toLowerCase(Locale.ROOT)) {
                case "normal" -> 0;
                case "slave", "replica" -> 1;
                case "pubsub" -> 2;
                default -> throw new ConfigException("Invalid client class specified in buffer limit configuration.");
            };
            long hard = memory(args.get(i + 1));
            long soft = memory(args.get(i + 2));
            long seconds = strtoll(args.get(i + 3));
            if (hard < 0 || soft < 0 || seconds < 0) {
                throw new ConfigException("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            }
            updates[cls] = new long[] {hard, soft, seconds};
        }
        if (updates[0] != null) {
            c.outputLimitNormal = updates[0];
        }
        if (updates[1] != null) {
            c.outputLimitReplica = updates[1];
        }
        if (updates[2] != null) {
            c.outputLimitPubsub = updates[2];
        }
    }

    private static String formatOutputLimits(ServerConfig c) {
        return "normal " + limits(c.outputLimitNormal) + " slave " + limits(c.outputLimitReplica)
                + " pubsub " + limits(c.outputLimitPubsub);
    }

    private static String limits(long[] l) {
        return l[0] + " " + l[1] + " " + l[2];
    }

    private static void setDir(ServerConfig c, List<String> args, Source s) throws ConfigException {
        try {
            c.dir = s.lifecycle.directory(c.dir, args.get(0));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static void setReplicaOf(ServerConfig c, List<String> args, Source s) throws ConfigException {
        if (args.size() != 2) {
            throw new ConfigException("wrong number of arguments");
        }
        if (args.get(0).equalsIgnoreCase("no") && args.get(1).equalsIgnoreCase("one")) {
            c.replicaof = "";
            return;
        }
        long port = strtoll(args.get(1));
        if (port < 0 || port > 65535) {
            c.replicaof = "";
            throw new ConfigException("Invalid master port");
        }
        c.replicaof = args.get(0) + " " + port;
    }
}
