package io.jredis.application.server;

import java.util.List;

/**
 * The configuration in force, as typed fields read on the hot path. Names follow redis.conf;
 * parsing, formatting, CONFIG GET/SET and the config file go through {@link ConfigOptions}, which
 * is the one table of option names, so that every way in accepts exactly the same input.
 */
public final class ServerConfig {

    /** Absolute path of the config file the server was started with; empty when none (CONFIG REWRITE). */
    public String configFile = "";

    // network
    public int port = 6379;
    public List<String> bind = List.of("127.0.0.1", "-::1");
    public int tcpBacklog = 511;
    public int timeoutSeconds;
    public int tcpKeepalive = 300;
    public boolean protectedMode = true;
    public int maxclients = 10000;
    public long protoMaxBulkLen = 512L * 1024 * 1024;
    public long clientQueryBufferLimit = 1024L * 1024 * 1024;
    /** Output limits per class: hard bytes, soft bytes, soft seconds (0 = none). */
    public long[] outputLimitNormal = {0, 0, 0};
    public long[] outputLimitReplica = {256L << 20, 64L << 20, 60};
    public long[] outputLimitPubsub = {32L << 20, 8L << 20, 60};

    // general
    public int databases = 16;
    public int hz = 10;
    /** Milliseconds a script runs before other clients are served BUSY and SCRIPT KILL may stop it. */
    public long busyReplyThreshold = 5000;
    /** Stream nodes: entries (deleted ones included) and listpack bytes before a new node starts. */
    public long streamNodeMaxEntries = 100;
    // Encoding thresholds (Redis 7.0's defaults); server-wide in the domain, see applyEncodingLimits.
    public long hashMaxListpackEntries = 512;
    public long hashMaxListpackValue = 64;
    public long zsetMaxListpackEntries = 128;
    public long zsetMaxListpackValue = 64;
    public long setMaxIntsetEntries = 512;
    public long streamNodeMaxBytes = 4096;
    /** A sparse HyperLogLog (header included) longer than this becomes dense. */
    public long hllSparseMaxBytes = 3000;
    public String requirepass = "";
    /** Told when requirepass changes: the default user's password follows it, as in Redis. */
    public transient java.util.function.Consumer<String> requirepassListener = v -> { };
    public String aclfile = "";
    /** The rules of each redis.conf "user" line, name first, in file order. */
    public final java.util.List<java.util.List<String>> users = new java.util.ArrayList<>();
    public long acllogMaxLen = 128;
    /** Microseconds a command must take to enter the slow log; 0 logs all, negative none. */
    public long slowlogLogSlowerThan = 10000;
    public long slowlogMaxLen = 128;
    /** Milliseconds an event must take to be recorded by the latency monitor; 0 turns it off. */
    public long latencyMonitorThreshold;
    /** enable-debug-command: no, yes or local (from loopback connections only). */
    public String enableDebugCommand = "no";
    public String aclPubsubDefault = "resetchannels";
    /** notify-keyspace-events as KeyspaceEvents flags (empty: none). */
    public int notifyKeyspaceEvents;
    public String loglevel = "notice";
    public String logfile = "";
    public boolean daemonize;
    public String pidfile = "";
    public long maxmemory;
    public String maxmemoryPolicy = "noeviction";
    public int maxmemorySamples = 5;
    public int maxmemoryEvictionTenacity = 10;
    public int lfuLogFactor = 10;
    public int lfuDecayTime = 1;

    // persistence (used by the persistence adapter)
    public String dir = ".";
    public String dbfilename = "dump.rdb";
    public String save = "3600 1 300 100 60 10000";
    public boolean appendonly;
    public String appendfsync = "everysec";
    public String appendfilename = "appendonly.aof";
    public String appenddirname = "appendonlydir";
    public boolean aofLoadTruncated = true;
    public boolean aofUseRdbPreamble = true;
    public boolean aofRewriteIncrementalFsync = true;
    /** Keeps the files a rewrite replaced, as history entries of the manifest. */
    public boolean aofDisableAutoGc;
    /** Writes {@code #TS:<unix seconds>} annotations into the incremental files. */
    public boolean aofTimestampEnabled;
    public int autoAofRewritePercentage = 100;
    public long autoAofRewriteMinSize = 64L * 1024 * 1024;
    public boolean rdbcompression = true;
    public boolean rdbchecksum = true;
    /** stop-writes-on-bgsave-error: with save points set, a failed BGSAVE refuses writes (MISCONF) until one succeeds. */
    public boolean stopWritesOnBgsaveError = true;

    // replication (used by the replication adapter)
    public String replicaof = "";
    public String masterauth = "";
    public String masteruser = "";
    public boolean replicaReadOnly = true;
    public long replBacklogSize = 1024L * 1024;
    public int replPingReplicaPeriod = 10;
    public int replTimeout = 60;
    public int replicaPriority = 100;
    public String replicaAnnounceIp = "";
    public int replicaAnnouncePort;
    public boolean replicaAnnounced = true;
    public boolean replicaServeStaleData = true;
    public boolean replDisklessSync = true;
    public int replDisklessSyncDelay = 5;
    public int replDisklessSyncMaxReplicas;

    /**
     * Makes this configuration's encoding thresholds the ones every later write uses (they are
     * server-wide in the domain, as in Redis): at start-up and whenever CONFIG SET changes one.
     */
    public void applyEncodingLimits() {
        io.jredis.domain.value.EncodingLimits.set(hashMaxListpackEntries, hashMaxListpackValue,
                zsetMaxListpackEntries, zsetMaxListpackValue, setMaxIntsetEntries);
    }
}
