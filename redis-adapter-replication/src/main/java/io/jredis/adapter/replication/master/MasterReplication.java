package io.jredis.adapter.replication.master;

import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.adapter.replication.replica.ReplicationHistory;
import io.jredis.application.port.ReplicaLinks;
import io.jredis.application.port.ReplySink;
import io.jredis.application.port.WriteLog;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jredis.adapter.replication.rdb.RdbFileTarget;
import io.jredis.adapter.replication.rdb.RdbOutput;
import io.jredis.adapter.replication.rdb.RdbTarget;
import io.jredis.application.snapshot.BackgroundSnapshot;
import io.jredis.application.snapshot.RdbBackgroundSave;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * This server as a master, as Redis 7.0 behaves: the replication ids and offset, the backlog,
 * the PSYNC/SYNC handshake with full (RDB, plain or diskless EOF-marked) and partial
 * resynchronization, the live stream (every write RESP-encoded, SELECT where the database
 * changes, MULTI/EXEC around transactions), acknowledgements, pings and the replica output
 * limits. Everything runs on the command thread.
 *
 * <p>It is this server's {@link ReplicationHistory}: when this server is itself a replica (the
 * replica side calls {@link #follow()}), its own writes are not encoded: the master's stream is
 * fed verbatim ({@link #append(byte[], int, int)}) to the backlog and sub-replicas, so a chain
 * carries the same bytes and offsets. INFO replication and ROLE are the replica side's, which
 * asks this class for the lines it owns ({@link #describe}) and for a master's ROLE.
 */
public final class MasterReplication implements ReplicaLinks, WriteLog, ReplicationHistory {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    private static final byte[] PING = {'p', 'i', 'n', 'g'};
    private static final byte[] REPLCONF = "REPLCONF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GETACK = "GETACK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STAR = {'*'};
    private static final byte[] MULTI = "MULTI".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXEC = "EXEC".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEWLINE = {'\n'};
    private static final int EOF_MARK_SIZE = 40;

    private final ServerState state;
    private final ServerConfig config;
    private final RdbSnapshotStore rdb;
    private final Map<ClientSession, ReplicaLink> links = new IdentityHashMap<>();
    /** Replicas in the order they asked to sync (INFO slaveN, ROLE). */
    private final List<ReplicaLink> replicas = new ArrayList<>();
    private final StreamEncoder encoder = new StreamEncoder();

    private String replId;
    private String replId2 = NO_ID;
    private long secondReplOffset = -1;
    private long masterReplOffset;
    private ReplicationBacklog backlog;
    /** The database the stream last selected; -1 forces a SELECT before the next write. */
    private int streamDb = -1;
    /** A transaction began and its MULTI waits for its first write (which decides the SELECT). */
    private boolean multiPending;
    private boolean inTransaction;
    /** A replica ourselves: the stream is our master's, fed verbatim. */
    private boolean proxying;
    /** While proxying: the link to our master is synchronized (sub-replicas may sync). */
    private boolean upstreamInSync;
    private boolean ackRequested;
    private long cronLoops;
    private long nextCronMillis;
    private long syncFull;
    private long syncPartialOk;
    private long syncPartialErr;

    public MasterReplication(ServerState state, RdbSnapshotStore rdb) {
        this.state = state;
        this.config = state.config();
        this.rdb = rdb;
        this.replId = newReplicationId();
    }

    /** 40 random hex characters, as Redis's changeReplicationId (and the EOF marks). */
    static String newReplicationId() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- ids and offsets (also for the replica side)

    /** master_replid: the history our stream belongs to. */
    @Override
    public String replicationId() {
        return replId;
    }

    @Override
    public String secondaryId() {
        return replId2;
    }

    @Override
    public long secondaryOffset() {
        return secondReplOffset;
    }

    @Override
    public long offset() {
        return masterReplOffset;
    }

    /** master_repl_offset. */
    public long masterReplOffset() {
        return masterReplOffset;
    }

    @Override
    public long fullSyncs() {
        return syncFull;
    }

    @Override
    public long partialSyncsAccepted() {
        return syncPartialOk;
    }

    @Override
    public long partialSyncsRefused() {
        return syncPartialErr;
    }

    // ---------------------------------------------------------------- the replica side's calls (chaining, promotion)

    @Override
    public void follow() {
        becomeReplica();
    }

    @Override
    public void adopt(String masterReplId, long offset) {
        syncedWithMaster(masterReplId, offset);
    }

    @Override
    public void switchId(String newReplId) {
        continuedWithMaster(newReplId);
    }

    @Override
    public void linked() {
        continuedWithMaster(null);
    }

    @Override
    public void linkLost() {
        lostMaster();
    }

    @Override
    public void append(byte[] buf, int off, int len) {
        feedFromMaster(buf, off, len);
    }

    /**
     * REPLICAOF host port: from now on the stream is our master's. Our replicas are disconnected
     * (they reconnect and can continue partially once we are in sync), as Redis's replicationSetMaster.
     */
    public void becomeReplica() {
        proxying = true;
        upstreamInSync = false;
        multiPending = false;
        inTransaction = false;
        disconnectReplicas();
    }

    /**
     * We loaded our master's snapshot after +FULLRESYNC {@code masterReplId} {@code offset}: our
     * history is now the master's, starting at {@code offset}; sub-replicas must resync.
     */
    public void syncedWithMaster(String masterReplId, long offset) {
        disconnectReplicas();
        upstreamInSync = true;
        replId = masterReplId;
        replId2 = NO_ID;
        secondReplOffset = -1;
        masterReplOffset = offset;
        backlog = new ReplicationBacklog(config.replBacklogSize);
    }

    /**
     * +CONTINUE {@code masterReplId} from our master: when the id changed (the master was
     * promoted), our old id stays valid up to here as replid2 and sub-replicas reconnect to learn
     * the new one, as Redis does.
     */
    public void continuedWithMaster(String masterReplId) {
        upstreamInSync = true;
        if (masterReplId != null && !masterReplId.equals(replId)) {
            replId2 = replId;
            secondReplOffset = masterReplOffset + 1;
            replId = masterReplId;
            disconnectReplicas();
        }
        if (backlog == null) {
            backlog = new ReplicationBacklog(config.replBacklogSize);
        }
    }

    /** The link to our master is down: sub-replicas asking to sync get NOMASTERLINK until it is back. */
    public void lostMaster() {
        upstreamInSync = false;
    }

    /** Bytes of our master's stream, exactly as received: into our backlog and to our replicas. */
    public void feedFromMaster(byte[] bytes, int offset, int length) {
        if (backlog == null) {
            // a replica keeps a backlog whether or not it has replicas (it may be promoted)
            backlog = new ReplicationBacklog(config.replBacklogSize);
        }
        feed(bytes, offset, length);
    }

    /**
     * REPLICAOF NO ONE: we continue our history under a new id; the old one stays valid up to
     * here (replid2, second_repl_offset), so the other replicas of our old master, re-pointed to
     * us, continue partially. Our replicas are disconnected to learn the new id.
     */
    @Override
    public void promote() {
        proxying = false;
        upstreamInSync = false;
        replId2 = replId;
        secondReplOffset = masterReplOffset + 1;
        replId = newReplicationId();
        disconnectReplicas();
        streamDb = -1;
    }

    // ---------------------------------------------------------------- WriteLog: our own writes

    @Override
    public boolean active() {
        return backlog != null && !proxying;
    }

    @Override
    public void append(int db, List<byte[]> argv) {
        encoder.clear();
        if (multiPending) {
            // MULTI goes after the SELECT of the transaction's first write, as Redis 7.0 sends it
            selectIfNeeded(db);
            encoder.command(MULTI);
            multiPending = false;
        }
        selectIfNeeded(db);
        encoder.command(argv);
        feed(encoder.array(), 0, encoder.length());
    }

    @Override
    public void beginTransaction() {
        multiPending = true;
        inTransaction = true;
    }

    @Override
    public void endTransaction() {
        if (inTransaction && !multiPending) {
            encoder.clear();
            encoder.command(EXEC);
            feed(encoder.array(), 0, encoder.length());
        }
        multiPending = false;
        inTransaction = false;
    }

    private void selectIfNeeded(int db) {
        if (db != streamDb) {
            encoder.select(db);
            streamDb = db;
        }
    }

    /** Bytes of the stream: counted in the offset, kept in the backlog, sent to every replica. */
    private void feed(byte[] bytes, int offset, int length) {
        if (backlog == null) {
            return;
        }
        backlog.append(bytes, offset, length);
        masterReplOffset += length;
        long now = state.clock().millis();
        for (int i = 0; i < replicas.size(); i++) {
            ReplicaLink r = replicas.get(i);
            switch (r.state) {
                case ONLINE -> r.write(bytes, offset, length);
                case SNAPSHOT, SEND_BULK, WAIT_FIRST_ACK -> r.held.write(bytes, offset, length);
                default -> {
                    continue; // gets this write in its snapshot
                }
            }
            if (enforceLimits(r, now)) {
                i--;
            }
        }
    }

    // ---------------------------------------------------------------- ReplicaLinks: the handshake

    private ReplicaLink link(ClientSession client) {
        return links.computeIfAbsent(client, ReplicaLink::new);
    }

    @Override
    public void listeningPort(ClientSession client, long port) {
        link(client).listeningPort = port;
    }

    @Override
    public void ipAddress(ClientSession client, String ip) {
        link(client).announcedIp = ip;
    }

    @Override
    public void capability(ClientSession client, String capa) {
        if (capa.equals("eof")) {
            link(client).capaEof = true;
        } else if (capa.equals("psync2")) {
            link(client).capaPsync2 = true;
        }
    }

    @Override
    public boolean isReplica(ClientSession client) {
        ReplicaLink r = links.get(client);
        return r != null && r.state != ReplicaLink.State.HANDSHAKE;
    }

    @Override
    public void disconnected(ClientSession client) {
        ReplicaLink r = links.remove(client);
        if (r != null) {
            r.closing = true;
            if (replicas.remove(r)) {
                LOG.info("Connection with replica {} lost.", r.name());
            }
            abandonTransfer(r);
        }
    }

    @Override
    public void sync(ClientSession client, String replid, long offset, ReplySink reply) {
        if (proxying && !upstreamInSync) {
            reply.error(io.jredis.application.command.Errors.SYNC_WITHOUT_MASTER_LINK);
            return;
        }
        ReplicaLink r = link(client);
        LOG.info("Replica {} asks for synchronization", r.name());
        if (replid != null) {
            if (tryPartialResync(r, replid, offset)) {
                syncPartialOk++;
                return;
            }
            if (!replid.startsWith("?")) {
                syncPartialErr++;
            }
        } else {
            r.prePsync = true;
        }
        syncFull++;
        r.state = ReplicaLink.State.WAIT_SNAPSHOT;
        r.syncAskedMillis = state.clock().millis();
        r.connection.markReplica();
        r.session.markReplica();
        replicas.add(r);
        if (replicas.size() == 1 && backlog == null) {
            // a new history starts with the first replica, as Redis's syncCommand
            replId = newReplicationId();
            replId2 = NO_ID;
            secondReplOffset = -1;
            backlog = new ReplicationBacklog(config.replBacklogSize);
            LOG.info("Replication backlog created, my new replication IDs are '{}' and '{}'", replId, replId2);
        }
        if (config.replDisklessSync && r.capaEof && config.replDisklessSyncDelay > 0) {
            LOG.info("Delay next BGSAVE for diskless SYNC");
        } else {
            startFullResync();
        }
    }

    /** Redis's masterTryPartialResynchronization. */
    private boolean tryPartialResync(ReplicaLink r, String replid, long from) {
        if (!replid.equalsIgnoreCase(replId)
                && (!replid.equalsIgnoreCase(replId2) || from > secondReplOffset)) {
            if (replid.charAt(0) != '?') {
                if (!replid.equalsIgnoreCase(replId) && !replid.equalsIgnoreCase(replId2)) {
                    LOG.info("Partial resynchronization not accepted: Replication ID mismatch (Replica asked for"
                            + " '{}', my replication IDs are '{}' and '{}')", replid, replId, replId2);
                } else {
                    LOG.info("Partial resynchronization not accepted: Requested offset for second ID was {}, but I"
                            + " can reply up to {}", from, secondReplOffset);
                }
            } else {
                LOG.info("Full resync requested by replica {}", r.name());
            }
            return false;
        }
        if (backlog == null || !backlog.holds(from, masterReplOffset)) {
            LOG.info("Unable to partial resync with replica {} for lack of backlog (Replica request was: {}).",
                    r.name(), from);
            return false;
        }
        r.state = ReplicaLink.State.ONLINE;
        r.ackSeconds = state.clock().millis() / 1000;
        r.connection.markReplica();
        r.session.markReplica();
        replicas.add(r);
        String line = r.capaPsync2 ? "+CONTINUE " + replId + "\r\n" : "+CONTINUE\r\n";
        byte[] head = line.getBytes(StandardCharsets.US_ASCII);
        r.write(head, 0, head.length);
        byte[] missing = backlog.copyFrom(from, masterReplOffset);
        r.write(missing, 0, missing.length);
        LOG.info("Partial resynchronization request from {} accepted. Sending {} bytes of backlog starting from"
                + " offset {}.", r.name(), missing.length, from);
        return true;
    }

    /**
     * Every replica waiting for a snapshot gets one, started now in the background unless another
     * snapshot runs (the cron tries again, as Redis does while an RDB child exists): +FULLRESYNC
     * with the offset of this point, the RDB (EOF-marked, streamed as it is written, when all of
     * them take it and diskless sync is on; else saved to the RDB file first, then sent
     * length-prefixed), then the stream from this point, held for them meanwhile.
     */
    private void startFullResync() {
        List<ReplicaLink> waiting = new ArrayList<>();
        boolean allEof = true;
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.WAIT_SNAPSHOT) {
                waiting.add(r);
                allEof &= r.capaEof;
            }
        }
        BackgroundSnapshot snap = state.backgroundSnapshot();
        if (waiting.isEmpty() || snap.inProgress()) {
            return;
        }
        boolean diskless = config.replDisklessSync && allEof;
        RdbTarget target;
        SnapshotTransfer transfer = null;
        if (diskless) {
            byte[] mark = newReplicationId().getBytes(StandardCharsets.US_ASCII);
            byte[] head = ("$EOF:" + new String(mark, StandardCharsets.US_ASCII) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            transfer = new SnapshotTransfer(state.commandThread(), waiting, head, mark);
            target = transfer;
        } else {
            try {
                target = RdbFileTarget.open(Path.of(config.dir), config.dbfilename);
            } catch (IOException e) {
                LOG.warn("BGSAVE for replication failed: {}", e.toString());
                for (ReplicaLink r : waiting) {
                    close(r);
                }
                return;
            }
        }
        // THE point of the snapshot: its offset, and the database the stream after it starts in
        long at = masterReplOffset;
        String streamDbAux = Integer.toString(proxying
                ? Integer.parseInt(rdb.replicationInfo().getOrDefault("repl-stream-db", "0"))
                : Math.max(0, streamDb));
        RdbOutput out = new RdbOutput(target, config, rdb.redisVersion(), state.commandThread(),
                diskless ? null : "DB saved on disk");
        out.aux("repl-stream-db", streamDbAux).aux("repl-id", replId).aux("repl-offset", Long.toString(at));
        LOG.info("Starting BGSAVE for SYNC with target: {}", diskless ? "replicas sockets" : "disk");
        for (ReplicaLink r : waiting) {
            if (!r.prePsync) {
                byte[] line = ("+FULLRESYNC " + replId + " " + at + "\r\n").getBytes(StandardCharsets.US_ASCII);
                r.write(line, 0, line.length);
            }
            r.state = ReplicaLink.State.SNAPSHOT;
            r.held.reset();
            r.transfer = transfer;
            r.lastProgressSeconds = state.clock().millis() / 1000;
        }
        if (!proxying) {
            streamDb = -1; // the stream after a snapshot starts with a SELECT, whatever was selected before
        }
        List<ReplicaLink> group = List.copyOf(waiting);
        ServerState.Persistence p = state.persistence();
        long dirtyBefore = state.stats().dirty;
        if (!diskless) {
            p.saves++; // saved to the RDB file: a BGSAVE as far as INFO persistence goes, as in Redis
        }
        snap.start(RdbBackgroundSave.SYNC, out, outcome -> {
            if (!diskless) {
                saveDone(outcome, dirtyBefore);
            }
            snapshotDone(group, diskless, outcome);
        });
    }

    /** The disk form wrote the RDB file: lastsave, the dirty counter and the bgsave status move as for BGSAVE. */
    private void saveDone(BackgroundSnapshot.Outcome outcome, long dirtyBefore) {
        ServerState.Persistence p = state.persistence();
        long now = state.clock().millis();
        switch (outcome.status()) {
            case OK -> {
                state.stats().dirty = Math.max(0, state.stats().dirty - dirtyBefore);
                p.lastSaveMillis = now;
                p.lastSaveOk = true;
            }
            case FAILED -> p.lastSaveOk = false;
            case KILLED -> { }
        }
        p.lastBgsaveSeconds = now / 1000 - (now - outcome.millis()) / 1000;
        p.lastCowBytes = outcome.earlyBytes();
    }

    /**
     * What a master with a backlog saves with its snapshots (repl-stream-db, repl-id, repl-offset,
     * as Redis's rdbPopulateSaveInfo); empty without a backlog or while following a master (the
     * replica side then says where it is in its master's stream).
     */
    public java.util.Map<String, String> savedPosition() {
        if (backlog == null || proxying) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> info = new java.util.LinkedHashMap<>();
        info.put("repl-stream-db", Integer.toString(Math.max(0, streamDb)));
        info.put("repl-id", replId);
        info.put("repl-offset", Long.toString(masterReplOffset));
        return info;
    }

    /** True while a full resync is being prepared or sent to some replica. */
    boolean transferring() {
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.SNAPSHOT || r.state == ReplicaLink.State.SEND_BULK) {
                return true;
            }
        }
        return false;
    }

    /** The snapshot of a full resync ended (command thread). */
    private void snapshotDone(List<ReplicaLink> group, boolean diskless, BackgroundSnapshot.Outcome outcome) {
        List<ReplicaLink> live = new ArrayList<>();
        for (ReplicaLink r : group) {
            if (!r.closing && r.state == ReplicaLink.State.SNAPSHOT) {
                live.add(r);
            }
        }
        if (!outcome.ok()) {
            LOG.warn("SYNC failed. BGSAVE child returned an error{}",
                    outcome.failure() != null ? ": " + outcome.failure() : "");
            for (ReplicaLink r : live) {
                close(r);
            }
            return;
        }
        if (diskless) {
            long now = state.clock().millis();
            for (ReplicaLink r : live) {
                // the stream starts on the replica's first ACK: nothing glued to the EOF mark
                r.state = ReplicaLink.State.WAIT_FIRST_ACK;
                r.transfer = null;
                r.ackSeconds = now / 1000;
                LOG.info("Streamed RDB transfer with replica {} succeeded (socket). Waiting for REPLCONF ACK from"
                        + " replica to enable streaming", r.name());
            }
            return;
        }
        if (live.isEmpty()) {
            return;
        }
        sendSnapshotFile(live);
    }

    /** The disk form: {@code $<len>\r\n} and the saved file, read by a thread of its own, paced by the sockets. */
    private void sendSnapshotFile(List<ReplicaLink> live) {
        Path file = Path.of(config.dir).resolve(config.dbfilename);
        FileChannel ch;
        long size;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ); // open now: a later save may replace the file
            size = ch.size();
        } catch (IOException e) {
            LOG.warn("SYNC failed. Can't open/stat DB after BGSAVE: {}", e.toString());
            for (ReplicaLink r : live) {
                close(r);
            }
            return;
        }
        byte[] head = ("$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII);
        SnapshotTransfer transfer = new SnapshotTransfer(state.commandThread(), live, head, new byte[0]);
        for (ReplicaLink r : live) {
            r.state = ReplicaLink.State.SEND_BULK;
            r.transfer = transfer;
            r.lastProgressSeconds = state.clock().millis() / 1000;
        }
        Thread.ofPlatform().name("jredis-sync-sender").daemon().start(() -> {
            boolean ok = false;
            try (ch) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64 * 1024);
                while (true) {
                    buf.clear();
                    int n = ch.read(buf);
                    if (n < 0) {
                        break;
                    }
                    transfer.write(buf.array(), 0, n);
                }
                transfer.complete();
                ok = true;
            } catch (IOException e) {
                LOG.warn("SYNC failed. Error reading the DB file for the replica: {}", e.toString());
            }
            boolean sent = ok;
            state.commandThread().submit(() -> fileSent(transfer, sent));
        });
    }

    private void fileSent(SnapshotTransfer transfer, boolean ok) {
        for (ReplicaLink r : transfer.replicas) {
            if (r.closing || r.transfer != transfer) {
                continue;
            }
            if (!ok) {
                close(r);
                continue;
            }
            r.ackSeconds = state.clock().millis() / 1000;
            r.startStream();
            LOG.info("Synchronization with replica {} succeeded", r.name());
            enforceLimits(r, state.clock().millis());
        }
    }

    // ---------------------------------------------------------------- acknowledgements, WAIT, ROLE

    @Override
    public boolean ack(ClientSession client, long offset) {
        ReplicaLink r = links.get(client);
        if (r == null || r.state == ReplicaLink.State.HANDSHAKE) {
            return false;
        }
        if (offset > r.ackOffset) {
            r.ackOffset = offset;
        }
        r.ackSeconds = state.clock().millis() / 1000;
        if (r.state == ReplicaLink.State.WAIT_FIRST_ACK) {
            r.startStream();
            enforceLimits(r, state.clock().millis());
        }
        return true;
    }

    @Override
    public long masterOffset() {
        return masterReplOffset;
    }

    @Override
    public int acknowledged(long offset) {
        int n = 0;
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.ONLINE && r.ackOffset >= offset) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void requestAcks() {
        if (ackRequested) {
            return;
        }
        ackRequested = true;
        // once per turn of the event loop, after the commands of this turn (Redis's beforeSleep)
        state.commandThread().submit(() -> {
            ackRequested = false;
            if (!proxying) {
                encoder.clear();
                encoder.command(REPLCONF, GETACK, STAR);
                feed(encoder.array(), 0, encoder.length());
            }
        });
    }

    @Override
    public void role(ReplySink reply) {
        List<ReplicaLink> online = new ArrayList<>();
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.ONLINE) {
                online.add(r);
            }
        }
        reply.array(3);
        reply.bulk("master");
        reply.integer(masterReplOffset);
        reply.array(online.size());
        for (ReplicaLink r : online) {
            reply.array(3);
            reply.bulk(r.ip());
            reply.bulk(Long.toString(r.listeningPort));
            reply.bulk(Long.toString(r.ackOffset));
        }
    }

    // ---------------------------------------------------------------- cron

    @Override
    public void cron(long nowMillis) {
        if (nowMillis < nextCronMillis) {
            return;
        }
        nextCronMillis = nowMillis + 1000; // Redis's replicationCron runs once a second
        if (backlog != null && backlog.size() != (int) Math.min(config.replBacklogSize, Integer.MAX_VALUE - 8)) {
            backlog = backlog.resized(config.replBacklogSize, masterReplOffset);
        }
        long nowSeconds = nowMillis / 1000;
        // replicas that stopped acknowledging are gone
        for (ReplicaLink r : List.copyOf(replicas)) {
            if (r.state == ReplicaLink.State.ONLINE && !r.prePsync && !r.sendingSnapshot()
                    && nowSeconds - r.ackSeconds > config.replTimeout) {
                LOG.warn("Disconnecting timedout replica (streaming sync): {}", r.name());
                close(r);
            } else if (r.transfer != null) {
                // a snapshot transfer the replica stopped taking holds the snapshot (and every other sync) back
                long flushed = r.queued - r.connection.outputBufferLength();
                if (flushed != r.lastFlushed) {
                    r.lastFlushed = flushed;
                    r.lastProgressSeconds = nowSeconds;
                } else if (nowSeconds - r.lastProgressSeconds > config.replTimeout) {
                    LOG.warn("Disconnecting timedout replica (full sync): {}", r.name());
                    close(r);
                }
            }
        }
        if (!proxying && cronLoops % Math.max(1, config.replPingReplicaPeriod) == 0 && !replicas.isEmpty()) {
            encoder.clear();
            encoder.command(PING); // no SELECT: a PING belongs to no database
            feed(encoder.array(), 0, encoder.length());
        }
        // replicas waiting for their snapshot get a newline a second, so they know we are alive
        boolean waiting = false;
        long maxIdle = 0;
        int count = 0;
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.WAIT_SNAPSHOT) {
                r.write(NEWLINE, 0, 1);
                waiting = true;
                count++;
                maxIdle = Math.max(maxIdle, nowSeconds - r.syncAskedMillis / 1000);
            } else if (r.state == ReplicaLink.State.SNAPSHOT && r.transfer == null) {
                r.write(NEWLINE, 0, 1); // saving to disk: the replica waits for the $<len> line
            }
        }
        if (waiting && (maxIdle >= config.replDisklessSyncDelay
                || (config.replDisklessSyncMaxReplicas > 0 && count >= config.replDisklessSyncMaxReplicas))) {
            startFullResync();
        }
        for (ReplicaLink r : List.copyOf(replicas)) {
            enforceLimits(r, nowMillis);
        }
        cronLoops++;
    }

    // ---------------------------------------------------------------- limits and closing

    /** Closes a replica past its output limits; true when it was closed (and removed). */
    private boolean enforceLimits(ReplicaLink r, long now) {
        long[] limit = config.outputLimitReplica;
        long used = r.limitedOutput();
        boolean over = limit[0] > 0 && used >= limit[0];
        if (!over && limit[1] > 0 && used >= limit[1]) {
            if (r.softLimitSince < 0) {
                r.softLimitSince = now;
            } else if (now - r.softLimitSince > limit[2] * 1000) {
                over = true;
            }
        } else if (!over) {
            r.softLimitSince = -1;
        }
        if (!over) {
            return false;
        }
        LOG.warn("Client {} scheduled to be closed ASAP for overcoming of output buffer limits.", r.name());
        close(r);
        return true;
    }

    private void close(ReplicaLink r) {
        r.closing = true;
        replicas.remove(r);
        links.remove(r.session);
        r.connection.close();
        abandonTransfer(r);
    }

    /**
     * A replica of a diskless transfer is gone: when it was the last one, the snapshot stops, as
     * Redis kills the child when the last replica of a socket transfer drops.
     */
    private void abandonTransfer(ReplicaLink r) {
        SnapshotTransfer t = r.transfer;
        if (t == null) {
            return;
        }
        t.giveBackSent();
        BackgroundSnapshot snap = state.backgroundSnapshot();
        if (r.state == ReplicaLink.State.SNAPSHOT && !t.anyoneLeft() && snap.inProgress()
                && RdbBackgroundSave.SYNC.equals(snap.purpose())) {
            LOG.warn("Diskless rdb transfer, last replica dropped, killing fork child.");
            snap.kill();
        }
    }

    private void disconnectReplicas() {
        for (ReplicaLink r : List.copyOf(replicas)) {
            close(r);
        }
    }

    // ---------------------------------------------------------------- INFO replication

    /** INFO replication from connected_slaves on, for either role (the role's own lines come first). */
    @Override
    public void describe(Consumer<String> line) {
        describeReplicas(line);
        describeStream(line);
    }

    /** connected_slaves and a slaveN line per replica (also part of a replica's INFO). */
    public void describeReplicas(Consumer<String> line) {
        line.accept("connected_slaves:" + replicas.size());
        long nowSeconds = state.clock().millis() / 1000;
        for (int i = 0; i < replicas.size(); i++) {
            ReplicaLink r = replicas.get(i);
            String st = switch (r.state) {
                case WAIT_SNAPSHOT, SNAPSHOT -> "wait_bgsave";
                case SEND_BULK -> "send_bulk";
                case WAIT_FIRST_ACK, ONLINE -> "online";
                case HANDSHAKE -> "handshake";
            };
            line.accept("slave" + i + ":ip=" + r.ip() + ",port=" + r.listeningPort + ",state=" + st
                    + ",offset=" + r.ackOffset + ",lag=" + (nowSeconds - r.ackSeconds));
        }
    }

    /** From master_failover_state to repl_backlog_histlen (also part of a replica's INFO). */
    public void describeStream(Consumer<String> line) {
        line.accept("master_failover_state:no-failover");
        line.accept("master_replid:" + replId);
        line.accept("master_replid2:" + replId2);
        line.accept("master_repl_offset:" + masterReplOffset);
        line.accept("second_repl_offset:" + secondReplOffset);
        line.accept("repl_backlog_active:" + (backlog != null ? 1 : 0));
        line.accept("repl_backlog_size:" + config.replBacklogSize);
        line.accept("repl_backlog_first_byte_offset:" + (backlog != null ? backlog.firstByteOffset(masterReplOffset) : 0));
        line.accept("repl_backlog_histlen:" + (backlog != null ? backlog.histlen() : 0));
    }
}
