package io.jredis.application.server;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.port.AclFileStore;
import io.jredis.application.port.AppendOnlyFile;
import io.jredis.application.port.BusyScriptPump;
import io.jredis.application.port.Clock;
import io.jredis.application.port.CommandThread;
import io.jredis.application.port.MasterLink;
import io.jredis.application.port.MigrationLink;
import io.jredis.application.port.ReplicaLinks;
import io.jredis.application.port.ReplicationStatus;
import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.port.SnapshotStore;
import io.jredis.application.port.ValueCodec;
import io.jredis.application.port.WriteLog;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.pubsub.PubSub;
import io.jredis.application.session.ClientSession;
import io.jredis.application.session.Clients;
import io.jredis.application.session.WatchedKeys;
import io.jredis.application.snapshot.BackgroundSnapshot;
import io.jredis.application.snapshot.RdbBackgroundSave;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Everything a command can reach besides its own client: the keyspace, configuration, clients,
 * counters and the driven ports. Owned by the single command thread.
 */
public final class ServerState {

    private final ServerConfig config;
    private final Clock clock;
    private final Keyspace keyspace;
    private final Clients clients = new Clients();
    private final AclUsers acl;
    private final WatchedKeys watchedKeys;
    private final PropagationUnit propagation = new PropagationUnit(this);
    private final Stats stats = new Stats();
    private final PubSub pubsub = new PubSub();
    private final KeyspaceEvents keyspaceEvents;
    private final SplittableRandom random = new SplittableRandom();
    private final String runId;
    private final long startMillis;
    private final long startNanos;
    private CommandRegistry registry;
    private io.jredis.application.script.ScriptEngine scripts;
    private WriteLog writeLog = WriteLog.NONE;
    private final List<WriteLog> writeLogs = new ArrayList<>();
    private CommandThread commandThread = CommandThread.DIRECT;
    private BusyScriptPump busyScriptPump = BusyScriptPump.NONE;
    /** A script ran past busy-reply-threshold: other clients get BUSY but for the allow-busy commands. */
    private boolean busyScript;
    private ReplicationStatus replication;
    private MasterLink masterLink = MasterLink.NONE;
    private ReplicaLinks replicaLinks = ReplicaLinks.NONE;
    private ExpiredKeyPropagation expiredKeys;
    private ServerLifecycle lifecycle = ServerLifecycle.NONE;
    private SnapshotStore snapshots = SnapshotStore.NONE;
    private ValueCodec valueCodec = ValueCodec.NONE;
    private MigrationLink migrationLink = MigrationLink.NONE;
    private AppendOnlyFile appendOnlyFile = AppendOnlyFile.NONE;
    private final Persistence persistence;
    private final BackgroundSnapshot backgroundSnapshot;
    private final RdbBackgroundSave rdbBackgroundSave;
    private final Eviction eviction;

    public ServerState(ServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.keyspaceEvents = new KeyspaceEvents(pubsub, config);
        config.applyEncodingLimits();
        this.acl = new AclUsers(config);
        acl.setRequirepass(config.requirepass);
        config.requirepassListener = acl::setRequirepass;
        acl.onPermissionsChanged(this::closeRevokedSubscribers);
        this.expiredKeys = new ExpiredKeyPropagation(this);
        this.keyspace = new Keyspace(config.databases, expiredKeys);
        this.watchedKeys = new WatchedKeys(keyspace);
        this.startMillis = clock.millis();
        this.startNanos = clock.nanos();
        this.runId = randomHex(random, 40);
        this.replication = new StandaloneReplicationStatus(this);
        this.persistence = new Persistence(startMillis);
        this.backgroundSnapshot = new BackgroundSnapshot(this);
        this.rdbBackgroundSave = new RdbBackgroundSave(this);
        this.eviction = new Eviction(this);
        eviction.applyAccessMode();
    }

    /** A changed user's clients subscribed to a channel the user may no longer use are closed, as Redis does. */
    private void closeRevokedSubscribers(AclUser user) {
        List<ClientSession> revoked = new ArrayList<>();
        for (ClientSession c : clients.all()) {
            if (c.user() == user && c.subscriptions() != null && c.subscriptions().total() > 0
                    && !c.subscriptions().allAllowed((name, pattern) -> acl.channelAllowed(user, name, pattern))) {
                revoked.add(c);
            }
        }
        revoked.forEach(clients::kill);
    }

    private final Slowlog slowlog = new Slowlog();
    private final Monitors monitors = new Monitors();
    private final ClientPause clientPause = new ClientPause();
    private final LatencyMonitor latency = new LatencyMonitor();
    private boolean activeExpireEnabled = true;

    /** False after DEBUG SET-ACTIVE-EXPIRE 0: expired keys go only when touched. */
    public boolean activeExpireEnabled() {
        return activeExpireEnabled;
    }

    public void setActiveExpireEnabled(boolean enabled) {
        this.activeExpireEnabled = enabled;
    }

    /** LATENCY's event samples. */
    public LatencyMonitor latency() {
        return latency;
    }

    /** CLIENT PAUSE's state. */
    public ClientPause clientPause() {
        return clientPause;
    }

    /** The clients in MONITOR mode. */
    public Monitors monitors() {
        return monitors;
    }

    /** SLOWLOG's entries. */
    public Slowlog slowlog() {
        return slowlog;
    }

    /** maxmemory: the estimate of used memory and the eviction that keeps it under the limit. */
    public Eviction eviction() {
        return eviction;
    }

    /** The ACL users and log. */
    public AclUsers acl() {
        return acl;
    }

    private AclFileStore aclFiles = AclFileStore.NONE;

    public AclFileStore aclFiles() {
        return aclFiles;
    }

    public void setAclFiles(AclFileStore aclFiles) {
        this.aclFiles = aclFiles;
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public Clients clients() {
        return clients;
    }

    public WatchedKeys watchedKeys() {
        return watchedKeys;
    }

    public Stats stats() {
        return stats;
    }

    /** Keyspace notifications (notify-keyspace-events), published through {@link #pubsub()}. */
    public KeyspaceEvents keyspaceEvents() {
        return keyspaceEvents;
    }

    /** Channel, pattern and shard-channel subscriptions, and message delivery. */
    public PubSub pubsub() {
        return pubsub;
    }

    public SplittableRandom random() {
        return random;
    }

    /** run_id of INFO server: 40 random hex characters fixed for the process. */
    public String runId() {
        return runId;
    }

    public long startMillis() {
        return startMillis;
    }

    public long uptimeSeconds() {
        return (clock.nanos() - startNanos) / 1_000_000_000L;
    }

    /** The Lua scripting engine and its script cache, made on first use. */
    public io.jredis.application.script.ScriptEngine scripts() {
        if (scripts == null) {
            scripts = new io.jredis.application.script.ScriptEngine();
        }
        return scripts;
    }

    /** True once a script was loaded or run (INFO reports an empty cache otherwise). */
    public boolean scriptsStarted() {
        return scripts != null;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public void setRegistry(CommandRegistry registry) {
        this.registry = registry;
    }

    /** Where writes go on their way to the write log: grouped per top-level command. */
    public PropagationUnit propagation() {
        return propagation;
    }

    public WriteLog writeLog() {
        return writeLog;
    }

    public void setWriteLog(WriteLog writeLog) {
        this.writeLog = writeLog;
        this.writeLogs.clear();
        this.writeLogs.add(writeLog);
    }

    /**
     * Adds a subscriber of the write stream next to those already attached (the AOF and the
     * replicas each add theirs); a subscriber that is not {@link WriteLog#active()} costs nothing.
     */
    public void addWriteLog(WriteLog log) {
        if (writeLog == WriteLog.NONE) {
            writeLogs.clear();
        }
        writeLogs.add(log);
        writeLog = writeLogs.size() == 1 ? log : new WriteLogFanOut(writeLogs);
    }

    /** Every subscriber of the write stream (those only replicas see are picked from these). */
    List<WriteLog> writeLogs() {
        return writeLogs;
    }

    /** Hands work from other threads to the command thread (the event loop once it runs). */
    public CommandThread commandThread() {
        return commandThread;
    }

    public void setCommandThread(CommandThread commandThread) {
        this.commandThread = commandThread;
    }

    /** Serves the other clients while a script runs past busy-reply-threshold. */
    public BusyScriptPump busyScriptPump() {
        return busyScriptPump;
    }

    public void setBusyScriptPump(BusyScriptPump busyScriptPump) {
        this.busyScriptPump = busyScriptPump;
    }

    /** Whether a script has run past busy-reply-threshold and still runs. */
    public boolean busyScript() {
        return busyScript;
    }

    public void setBusyScript(boolean busy) {
        this.busyScript = busy;
    }

    public ReplicationStatus replication() {
        return replication;
    }

    public void setReplication(ReplicationStatus replication) {
        this.replication = replication;
    }

    /** The replica side: REPLICAOF moves it; the executor asks it whether writes are refused. */
    public MasterLink masterLink() {
        return masterLink;
    }

    public void setMasterLink(MasterLink masterLink) {
        this.masterLink = masterLink;
    }

    /**
     * Writes from ordinary clients get READONLY: this server follows a master and
     * replica-read-only is yes (Redis's masterhost && repl_slave_ro).
     */
    public boolean readOnlyReplica() {
        return config.replicaReadOnly && masterLink.replicating();
    }

    /** This server as a master: its replicas (REPLCONF, PSYNC, WAIT, ROLE). */
    public ReplicaLinks replicaLinks() {
        return replicaLinks;
    }

    public void setReplicaLinks(ReplicaLinks replicaLinks) {
        this.replicaLinks = replicaLinks;
    }

    /** The process around the server: SHUTDOWN, CONFIG SET port/bind/dir. */
    public ServerLifecycle lifecycle() {
        return lifecycle;
    }

    public void setLifecycle(ServerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** MIGRATE's connection to its target server. */
    public MigrationLink migrationLink() {
        return migrationLink;
    }

    public void setMigrationLink(MigrationLink migrationLink) {
        this.migrationLink = migrationLink;
    }

    /** DUMP and RESTORE's serialized form of a value. */
    public ValueCodec valueCodec() {
        return valueCodec;
    }

    public void setValueCodec(ValueCodec valueCodec) {
        this.valueCodec = valueCodec;
    }

    /** Where SAVE writes and start-up reads the snapshot (the RDB file). */
    public SnapshotStore snapshots() {
        return snapshots;
    }

    public void setSnapshots(SnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    /** The append-only file (BGREWRITEAOF, CONFIG SET appendonly, INFO, replies held until durable). */
    public AppendOnlyFile appendOnlyFile() {
        return appendOnlyFile;
    }

    public void setAppendOnlyFile(AppendOnlyFile appendOnlyFile) {
        this.appendOnlyFile = appendOnlyFile;
    }

    public Persistence persistence() {
        return persistence;
    }

    /** The one background snapshot (BGSAVE, AOF rewrite base, replica sync) that may run at a time. */
    public BackgroundSnapshot backgroundSnapshot() {
        return backgroundSnapshot;
    }

    /** BGSAVE of the RDB file, save points and scheduled saves. */
    public RdbBackgroundSave rdbBackgroundSave() {
        return rdbBackgroundSave;
    }

    /**
     * Saves every database now, on the command thread (SAVE, SHUTDOWN, the final save on a
     * signal, FLUSHALL with save points). On success the dirty counter restarts and LASTSAVE
     * moves, as in Redis's rdbSave; rdb_saves counts SAVE and BGSAVE only (their commands do).
     */
    public boolean saveSnapshot() {
        long now = clock.millis();
        try {
            snapshots.save(keyspace, now);
        } catch (SnapshotStore.SnapshotFailure e) {
            return false;
        }
        stats.dirty = 0;
        persistence.lastSaveMillis = now;
        persistence.lastSaveOk = true;
        return true;
    }

    /** Loads the snapshot at start-up into the (empty) keyspace. */
    public SnapshotStore.LoadResult loadSnapshot()
            throws SnapshotStore.SnapshotFailure {
        var result = snapshots.load(keyspace, clock.millis());
        persistence.lastLoadKeysLoaded = result.keysLoaded();
        persistence.lastLoadKeysExpired = result.keysExpired();
        return result;
    }

    /** The RDB counters INFO persistence and LASTSAVE report. Written by the command thread only. */
    public static final class Persistence {
        /** Unix ms of the last successful save; the start time until then, as Redis. */
        public long lastSaveMillis;
        public boolean lastSaveOk = true;
        public long saves;
        public long lastLoadKeysLoaded;
        public long lastLoadKeysExpired;
        /** Seconds the last BGSAVE took, -1 before the first (rdb_last_bgsave_time_sec). */
        public long lastBgsaveSeconds = -1;
        /** Bytes the last background snapshot wrote early for keys a write was about to change (rdb_last_cow_size). */
        public long lastCowBytes;

        Persistence(long startMillis) {
            this.lastSaveMillis = startMillis;
        }
    }

    public static String randomHex(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** Keys that expire are replayed as DEL to replicas and the AOF, and end WATCHes on them. */
    private static final class ExpiredKeyPropagation implements KeyspaceListener {
        private static final byte[] DEL = {'D', 'E', 'L'};
        private final ServerState server;

        ExpiredKeyPropagation(ServerState server) {
            this.server = server;
        }

        @Override
        public void keyExpired(int db, byte[] key) {
            server.watchedKeys.touch(db, key);
            server.keyspaceEvents.notify(KeyspaceEvents.EXPIRED, "expired", db, key);
            if (server.writeLog.active()) {
                server.propagation.append(db, List.of(DEL, key));
            }
        }
    }

    /** Until a replication adapter is attached: a master with nothing more to say. */
    private static final class StandaloneReplicationStatus implements ReplicationStatus {
        StandaloneReplicationStatus(ServerState server) {
        }

        @Override
        public void describe(Consumer<String> line) {
            line.accept("role:master");
            line.accept("connected_slaves:0");
        }

        @Override
        public String role() {
            return "master";
        }
    }
}
