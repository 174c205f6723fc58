package io.jredis.adapter.replication.replica;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.port.MasterLink;
import io.jredis.application.port.ReplicationStatus;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import io.jredis.domain.keyspace.ExpiryPolicy;
import io.jredis.domain.keyspace.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The replica side of replication, as the rest of the server sees it: REPLICAOF's moves
 * ({@link MasterLink}), INFO replication and ROLE ({@link ReplicationStatus}), and the command
 * thread's half of the link — swapping in a loaded dataset, applying the master's commands as
 * the master client, keeping the offsets. The network half is {@link ReplicaLink}, one per
 * master followed. Methods not named for the link thread run on the command thread.
 */
public final class ReplicaReplication implements MasterLink, ReplicationStatus {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");

    private final ServerState state;
    private final ServerConfig config;
    private final CommandExecutor executor;
    private final ReplicationHistory history;
    private final MasterReplies replies = new MasterReplies();

    private String masterHost;
    private int masterPort;
    private ReplicaLink link;
    private ClientSession masterSession;
    /** The master client's database, kept across a lost link for the partial resync. */
    private int cachedDb;
    /** Bytes of a transaction from the master not yet applied (its EXEC has not arrived). */
    private final ByteArrayOutputStream pendingTransaction = new ByteArrayOutputStream();
    /** slave_repl_offset: the master offset of the last byte applied; read by the link thread. */
    private volatile long appliedOffset;
    /**
     * No history to continue (Redis has no cached master): started as a replica by the
     * configuration without a saved position; PSYNC asks ? -1 until a full sync gave us one.
     */
    private boolean noCachedMaster;
    /** Unix ms when the link was lost, 0 when it never was (master_link_down_since_seconds). */
    private long downSinceMillis;
    /**
     * Stream bytes read but not yet applied: the link stops reading past this much, so a
     * command thread that falls behind slows the master's stream (TCP back-pressure) instead
     * of queuing without bound.
     */
    private static final int MAX_UNAPPLIED_BYTES = 32 << 20;
    private final java.util.concurrent.Semaphore unapplied = new java.util.concurrent.Semaphore(MAX_UNAPPLIED_BYTES);

    public ReplicaReplication(ServerState state, CommandExecutor executor, ReplicationHistory history) {
        this.state = state;
        this.config = state.config();
        this.executor = executor;
        this.history = history;
    }

    public ReplicationHistory history() {
        return history;
    }

    /**
     * Follows the master of the {@code replicaof} option, if set, once the command thread runs
     * (after the snapshot was loaded). {@code loadedInfo} gives the repl-* aux fields of that
     * snapshot: a replica restarted from its own save resumes its master's stream from there,
     * so the master can answer with a partial resync, as Redis does.
     */
    public void start(Supplier<Map<String, String>> loadedInfo) {
        if (config.replicaof.isBlank()) {
            return;
        }
        String[] hp = config.replicaof.trim().split("\\s+");
        state.commandThread().submit(() -> {
            noCachedMaster = !resumeFrom(loadedInfo.get());
            follow(hp[0], Integer.parseInt(hp[1]));
        });
    }

    /** True when the snapshot gave a position to continue from. */
    private boolean resumeFrom(Map<String, String> info) {
        String id = info.get("repl-id");
        String offset = info.get("repl-offset");
        if (id == null || id.length() != 40 || offset == null) {
            return false;
        }
        try {
            long off = Long.parseLong(offset);
            int db = Integer.parseInt(info.getOrDefault("repl-stream-db", "0"));
            if (off < 0 || db < 0 || db >= state.keyspace().count()) {
                return false;
            }
            history.adopt(id, off);
            cachedDb = db;
            LOG.info("Loaded the replication ID {} and offset {} from the RDB file: trying a partial resync", id, off);
            return true;
        } catch (NumberFormatException e) {
            return false; // a snapshot without a usable position: a full resync it is
        }
    }

    /**
     * The position in the master's stream to save with a snapshot (repl-stream-db, repl-id,
     * repl-offset, Redis's aux fields and order); empty when not a replica.
     */
    public Map<String, String> replicationInfo() {
        if (masterHost == null) {
            return Map.of();
        }
        ClientSession m = masterSession;
        Map<String, String> info = new java.util.LinkedHashMap<>();
        info.put("repl-stream-db", Integer.toString(m != null ? m.db() : cachedDb));
        info.put("repl-id", history.replicationId());
        info.put("repl-offset", Long.toString(appliedOffset));
        return info;
    }

    // ---------------------------------------------------------------- MasterLink (command thread)

    @Override
    public boolean replicating() {
        return masterHost != null;
    }

    @Override
    public boolean linkUp() {
        ReplicaLink l = link;
        return l != null && l.state == LinkState.CONNECTED && masterSession != null;
    }

    @Override
    public String masterHost() {
        return masterHost == null ? "" : masterHost;
    }

    @Override
    public int masterPort() {
        return masterPort;
    }

    @Override
    public void follow(String host, int port) {
        if (masterHost == null && !noCachedMaster) {
            LOG.info("Before turning into a replica, using my own master parameters to synthesize a cached master: "
                    + "I may be able to synchronize with the new master with just a partial transfer.");
        }
        boolean wasLinked = masterSession != null;
        if (masterHost == null) {
            downSinceMillis = 0;
        }
        dropLink();
        if (wasLinked) {
            downSinceMillis = now(); // leaving a live master counts as losing the link
        }
        masterHost = host;
        masterPort = port;
        config.replicaof = host + " " + port;
        history.follow();
        appliedOffset = history.offset();
        state.keyspace().setExpiryPolicy(ExpiryPolicy.HIDE);
        executor.unblockAllForReplication();
        link = new ReplicaLink(this, config, host, port);
        link.start();
        LOG.info("REPLICAOF {}:{} enabled", host, port);
    }

    @Override
    public void promote() {
        dropLink();
        masterHost = null;
        masterPort = 0;
        config.replicaof = "";
        noCachedMaster = false; // a later REPLICAOF continues from our own history
        String old = history.replicationId();
        history.promote();
        state.keyspace().setExpiryPolicy(ExpiryPolicy.RECLAIM);
        LOG.info("Setting secondary replication ID to {}, valid up to offset: {}. New replication ID is {}",
                old, history.secondaryOffset(), history.replicationId());
        LOG.info("MASTER MODE enabled");
    }

    /** Stops following now (shutdown). */
    public void close() {
        if (link != null) {
            link.stop();
        }
    }

    private void dropLink() {
        if (link != null) {
            link.stop();
            link = null;
        }
        disconnectMaster();
    }

    private void disconnectMaster() {
        if (masterSession != null) {
            cachedDb = masterSession.db();
            executor.disconnect(masterSession);
            masterSession = null;
        }
        pendingTransaction.reset();
    }

    private void connectMaster(ReplicaLink from) {
        masterSession = executor.connect(new MasterClientConnection(from));
        masterSession.setAuthenticated(true);
        masterSession.markMaster();
        masterSession.selectDb(cachedDb);
    }

    // ---------------------------------------------------------------- the link's calls (link thread)

    long now() {
        return state.clock().millis();
    }

    long appliedOffset() {
        return appliedOffset;
    }

    /** Runs {@code task} on the command thread and waits for its result. */
    private <T> T onCommandThread(Supplier<T> task) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        state.commandThread().submit(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What PSYNC asks for: this server's history id and the offset after its last byte; null when stale. */
    String[] psyncTarget(ReplicaLink from) throws InterruptedException {
        return onCommandThread(() -> from != link ? null
                : noCachedMaster ? new String[] {"?", "-1"}
                : new String[] {history.replicationId(), Long.toString(history.offset() + 1)});
    }

    /** The master's RDB was loaded into {@code fresh}: the old data goes, the new comes, at once. */
    boolean fullSyncLoaded(ReplicaLink from, Keyspace fresh, String replId, long offset, int streamDb)
            throws InterruptedException {
        return onCommandThread(() -> {
            if (from != link) {
                return false;
            }
            if (state.rdbBackgroundSave().rdbInProgress()) {
                // as Redis: a snapshot of the old data must not be saved over (or sent after) the new
                LOG.info("Replica is about to load the RDB file received from the master, but there is a pending"
                        + " RDB child running. Killing process and removing its temp file to avoid any race");
                state.rdbBackgroundSave().killRdb();
            }
            LOG.info("MASTER <-> REPLICA sync: Flushing old data");
            Keyspace keyspace = state.keyspace();
            long now = now();
            for (int i = 0; i < keyspace.count(); i++) {
                state.watchedKeys().touchReplacedDb(i, keyspace.db(i), fresh.db(i), now);
                keyspace.db(i).swapContents(fresh.db(i));
            }
            history.adopt(replId, offset);
            noCachedMaster = false;
            appliedOffset = offset;
            cachedDb = streamDb;
            pendingTransaction.reset();
            connectMaster(from);
            return true;
        });
    }

    /** +CONTINUE: the data and offset stay; a new master id shifts the history. Null when stale. */
    Long continued(ReplicaLink from, String newId) throws InterruptedException {
        return onCommandThread(() -> {
            if (from != link) {
                return null;
            }
            if (newId != null && !newId.equals(history.replicationId())) {
                LOG.info("Master replication ID changed to {}", newId);
                history.switchId(newId);
            }
            history.linked();
            appliedOffset = history.offset();
            connectMaster(from);
            return appliedOffset;
        });
    }

    /** The link broke: the master client goes, its database is remembered. False when stale. */
    boolean lost(ReplicaLink from) {
        try {
            return onCommandThread(() -> {
                if (from != link) {
                    return false;
                }
                LOG.info("Caching the disconnected master state.");
                disconnectMaster();
                history.linkLost();
                downSinceMillis = now();
                return true;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Hands a batch to the command thread; waits while too much is already waiting (link thread). */
    void submit(ReplicaLink from, byte[] chunk, List<Arguments> commands, int[] ends) throws InterruptedException {
        int permits = Math.min(chunk.length, MAX_UNAPPLIED_BYTES);
        unapplied.acquire(permits);
        state.commandThread().submit(() -> {
            try {
                apply(from, chunk, commands, ends);
            } finally {
                unapplied.release(permits);
            }
        });
    }

    // ---------------------------------------------------------------- applying the stream (command thread)

    /**
     * Runs the master's commands as the master client. The offset moves past a command once it
     * ran, except inside MULTI: a transaction counts (and goes to this server's own replicas)
     * when its EXEC ran, so a link lost mid-transaction resumes before its MULTI, as Redis does.
     */
    void apply(ReplicaLink from, byte[] chunk, List<Arguments> commands, int[] ends) {
        if (from != link || masterSession == null) {
            return; // read before the link was replaced or lost
        }
        Keyspace keyspace = state.keyspace();
        keyspace.setExpiryPolicy(ExpiryPolicy.KEEP); // the master's commands see keys as the master does
        int released = 0;
        try {
            for (int i = 0; i < commands.size(); i++) {
                Arguments args = commands.get(i);
                if (args.count() >= 2 && args.is(0, "replconf") && args.is(1, "getack")) {
                    from.sendAck(appliedOffset);
                } else if (args.count() > 0) {
                    replies.command = args;
                    executor.execute(masterSession, args, replies);
                }
                if (!masterSession.inMulti()) {
                    release(chunk, released, ends[i]);
                    released = ends[i];
                }
            }
        } finally {
            keyspace.setExpiryPolicy(ExpiryPolicy.HIDE);
        }
        if (released < chunk.length) {
            pendingTransaction.write(chunk, released, chunk.length - released);
        }
    }

    private void release(byte[] chunk, int from, int to) {
        if (pendingTransaction.size() > 0) {
            pendingTransaction.write(chunk, from, to - from);
            byte[] all = pendingTransaction.toByteArray();
            pendingTransaction.reset();
            applied(all, 0, all.length);
        } else if (to > from) {
            applied(chunk, from, to - from);
        }
    }

    private void applied(byte[] buf, int off, int len) {
        history.append(buf, off, len);
        appliedOffset += len;
    }

    // ---------------------------------------------------------------- INFO and ROLE (command thread)

    @Override
    public String role() {
        return masterHost != null ? "slave" : "master";
    }

    @Override
    public void describe(Consumer<String> line) {
        if (masterHost == null) {
            line.accept("role:master");
            history.describe(line);
            return;
        }
        ReplicaLink l = link;
        LinkState s = l == null ? LinkState.CONNECT : l.state;
        long nowMs = now();
        long nanos = System.nanoTime();
        line.accept("role:slave");
        line.accept("master_host:" + masterHost);
        line.accept("master_port:" + masterPort);
        line.accept("master_link_status:" + (s == LinkState.CONNECTED ? "up" : "down"));
        line.accept("master_last_io_seconds_ago:"
                + (masterSession != null && l != null ? (nanos - l.lastIoNanos) / 1_000_000_000L : -1));
        line.accept("master_sync_in_progress:" + (s == LinkState.TRANSFER ? 1 : 0));
        line.accept("slave_read_repl_offset:" + (masterSession != null && l != null ? l.readOffset : appliedOffset));
        line.accept("slave_repl_offset:" + appliedOffset);
        if (s == LinkState.TRANSFER && l != null) {
            long size = l.transferSize;
            long read = l.transferRead;
            double perc = size != 0 ? (double) read / size * 100 : 0;
            line.accept("master_sync_total_bytes:" + size);
            line.accept("master_sync_read_bytes:" + read);
            line.accept("master_sync_left_bytes:" + (size - read));
            line.accept("master_sync_perc:" + String.format(Locale.ROOT, "%.2f", perc));
            line.accept("master_sync_last_io_seconds_ago:" + (nanos - l.lastIoNanos) / 1_000_000_000L);
        }
        if (s != LinkState.CONNECTED) {
            line.accept("master_link_down_since_seconds:"
                    + (downSinceMillis == 0 ? -1 : Math.max(0, (nowMs - downSinceMillis) / 1000)));
        }
        line.accept("slave_priority:" + config.replicaPriority);
        line.accept("slave_read_only:" + (config.replicaReadOnly ? 1 : 0));
        line.accept("replica_announced:" + (config.replicaAnnounced ? 1 : 0));
        history.describe(line);
    }

    @Override
    public void roleReply(ReplySink reply) {
        if (masterHost == null) {
            state.replicaLinks().role(reply); // the master side knows its replicas
            return;
        }
        LinkState s = link == null ? LinkState.CONNECT : link.state;
        reply.array(5);
        reply.bulk("slave");
        reply.bulk(masterHost);
        reply.integer(masterPort);
        reply.bulk(s.roleName);
        reply.integer(masterSession != null ? appliedOffset : -1);
    }
}
