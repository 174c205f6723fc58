package io.jredis.adapter.replication.aof;

import io.jredis.adapter.replication.aof.AofManifest.Entry;
import io.jredis.adapter.replication.aof.AofManifest.Type;
import io.jredis.adapter.replication.rdb.RdbOutput;
import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.port.AppendOnlyFile;
import io.jredis.application.port.SnapshotOutput;
import io.jredis.application.port.SnapshotStore.LoadResult;
import io.jredis.application.port.SnapshotStore.SnapshotFailure;
import io.jredis.application.port.WriteLog;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import io.jredis.application.snapshot.BackgroundSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * Redis 7's multi-part append-only file: {@code dir/appenddirname} holds a manifest, a base
 * file (RDB, or commands when aof-use-rdb-preamble is no) and incremental files of commands.
 *
 * <p>Every write the write log hands over is encoded as Redis writes it (a SELECT where the
 * database changes, MULTI/EXEC around units) into a buffer; the buffer goes to the file before
 * the transport sends the replies of the batch ({@link #beforeReplies()}), fsynced there with
 * appendfsync always, once a second by a background thread with everysec, never with no.
 *
 * <p>Loading at start-up replays the base and the incremental files through the executor as a
 * client of its own. A rewrite (BGREWRITEAOF, the automatic one, switching appendonly on) starts
 * a new incremental file and has the background snapshot write a new base as of that moment
 * (RDB, or commands through {@link RespBaseOutput}) while clients are served; when it is done
 * the manifest is replaced atomically and the files it no longer names are deleted. It shares
 * the one snapshot slot with BGSAVE and replicas' full syncs: while the slot is taken it is
 * scheduled and started by the cron, as Redis does with its one child.
 *
 * <p>Everything runs on the command thread except the everysec fsync and the snapshot's writer.
 */
public final class AppendOnlyLog implements WriteLog, AppendOnlyFile, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    private static final byte[] SELECT = "SELECT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MULTI = "MULTI".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXEC = "EXEC".getBytes(StandardCharsets.US_ASCII);
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final ServerState server;
    private final ServerConfig config;
    private final RdbSnapshotStore rdb;
    private final CommandBuffer pending = new CommandBuffer();

    /** What is on disk; null until loaded or first written. */
    private AofManifest manifest;
    /** The incremental file being appended to; null while the AOF is off. Read by the fsync thread. */
    private volatile FileChannel incr;
    private boolean loading;
    private int selectedDb = -1;
    private boolean multiPending;
    /** The unix second of the last #TS annotation (aof-timestamp-enabled). */
    private long annotatedSecond;

    private long baseSize;
    /** Bytes of the incremental files before the current one. */
    private long earlierIncrSize;
    private long incrSize;
    /** aof_base_size: the whole size after the last rewrite or load, for the automatic rewrite. */
    private long rewriteBaseSize;

    private long lastRewriteSeconds = -1;
    private long lastCowBytes;
    /** Failed rewrites in a row from which the cron slows down (AOF_REWRITE_LIMITE_THRESHOLD). */
    static final int LIMIT_FAILURES = 3;
    private static final int LIMIT_MAX_MINUTES = 60;
    private int limitDelayMinutes;
    private long limitUntilSecond;
    /** The background rewrite running, or null. */
    private Rewrite running;
    /** aof_rewrite_scheduled: to start from the cron once no other background snapshot runs. */
    private boolean scheduled;
    /** Redis's AOF_WAIT_REWRITE: switched on, the first rewrite not done yet. */
    private boolean waitingRewrite;
    private long rewrites;
    private long consecutiveFailures;
    private boolean lastRewriteOk = true;
    private boolean lastWriteOk = true;
    /** Why the last write failed (INFO says err, writes get MISCONF); null after a good one. */
    private String lastWriteError;
    /** Why the last everysec fsync failed, set by the fsync thread; null after a good one. */
    private volatile String fsyncError;

    /** Bytes written and bytes known fsynced, for the everysec thread. */
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong synced = new AtomicLong();
    private volatile boolean closed;
    private final Thread fsyncer;

    public AppendOnlyLog(ServerState server, RdbSnapshotStore rdb) {
        this.server = server;
        this.config = server.config();
        this.rdb = rdb;
        this.fsyncer = Thread.ofPlatform().daemon().name("aof-fsync").unstarted(this::fsyncEverySecond);
    }

    /** The file is open from now on: the everysec thread starts the first time (never while off). */
    private void opened(FileChannel ch) {
        incr = ch;
        if (fsyncer.getState() == Thread.State.NEW) {
            fsyncer.start();
        }
    }

    // ------------------------------------------------------------------ the write log

    @Override
    public boolean active() {
        return incr != null && !loading;
    }

    /** PUBLISH and SPUBLISH go to replicas only, as in Redis 7.0: never into the file. */
    @Override
    public boolean feedsReplicas() {
        return false;
    }

    @Override
    public void append(int db, List<byte[]> argv) {
        if (config.aofTimestampEnabled) {
            long second = server.clock().millis() / 1000;
            if (second > annotatedSecond) {
                // Redis's annotation for point-in-time recovery, before the SELECT and MULTI
                pending.raw("#TS:" + second + "\r\n");
                annotatedSecond = second;
            }
        }
        if (db != selectedDb) {
            pending.command(SELECT, Integer.toString(db).getBytes(StandardCharsets.US_ASCII));
            selectedDb = db;
        }
        if (multiPending) {
            // Redis 7.0 gives MULTI the first write's database, so its SELECT comes first
            pending.command(MULTI);
            multiPending = false;
        }
        pending.command(argv);
    }

    @Override
    public void beginTransaction() {
        multiPending = true;
    }

    @Override
    public void endTransaction() {
        if (multiPending) {
            multiPending = false; // never empty by contract; nothing to close if it were
            return;
        }
        pending.command(EXEC);
    }

    // ------------------------------------------------------------------ durability

    @Override
    public boolean holdsReplies() {
        // after a failed write (everysec, no) replies go out and the cron retries the write, as
        // Redis does; holding them would stall every client until the disk recovers
        return pending.length() > 0 && lastWriteOk;
    }

    @Override
    public String writeError() {
        if (incr == null) {
            return null; // the AOF is off
        }
        return lastWriteError != null ? lastWriteError : fsyncError;
    }

    @Override
    public void beforeReplies() {
        if (pending.length() > 0) {
            flush(config.appendfsync.equals("always"));
        }
    }

    /** Writes the buffer to the incremental file, fsyncing it when asked. */
    private void flush(boolean fsync) {
        FileChannel ch = incr;
        if (ch == null) {
            pending.clear();
            return;
        }
        int n = pending.length();
        try {
            pending.writeTo(ch);
            incrSize += n;
            written.addAndGet(n);
            if (fsync) {
                long w = written.get();
                ch.force(false);
                synced.set(w);
            }
            if (!lastWriteOk) {
                LOG.warn("AOF write error looks solved, Redis can write again.");
                lastWriteOk = true;
                lastWriteError = null;
            }
        } catch (IOException e) {
            lastWriteOk = false;
            lastWriteError = reason(e);
            LOG.warn("Error writing to the AOF file: {}", reason(e));
            if (fsync) {
                // an acknowledged write must be on disk: as Redis, stop rather than reply
                LOG.error("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
                Runtime.getRuntime().halt(1);
            }
        }
    }

    private void fsyncEverySecond() {
        while (!closed) {
            LockSupport.parkNanos(SECOND_NANOS);
            if (closed || !config.appendfsync.equals("everysec")) {
                continue;
            }
            FileChannel ch = incr;
            long w = written.get();
            if (ch == null || w == synced.get()) {
                continue;
            }
            try {
                ch.force(false);
                synced.set(w);
                fsyncError = null;
            } catch (ClosedChannelException e) {
                // a rewrite or a switch-off replaced the file, having fsynced it itself
            } catch (IOException e) {
                LOG.warn("Error fsyncing the AOF file: {}", reason(e));
                fsyncError = reason(e);
            }
        }
    }

    // ------------------------------------------------------------------ periodic work

    @Override
    public void cron() {
        if (pending.length() > 0) {
            flush(config.appendfsync.equals("always"));
        }
        if (loading) {
            return;
        }
        boolean slotFree = !server.backgroundSnapshot().inProgress();
        if (scheduled && slotFree && !rewriteLimited()) {
            // requested while another snapshot ran (BGSAVE, a replica's sync) or inside EXEC;
            // stays scheduled when it cannot start, as Redis retries it each cron
            startRewrite();
            return;
        }
        if (incr == null || waitingRewrite || !slotFree || config.autoAofRewritePercentage <= 0) {
            return;
        }
        long current = currentSize();
        if (current <= config.autoAofRewriteMinSize) {
            return;
        }
        long base = rewriteBaseSize == 0 ? 1 : rewriteBaseSize;
        long growth = current * 100 / base - 100;
        if (growth >= config.autoAofRewritePercentage && !rewriteLimited()) {
            LOG.info("Starting automatic rewriting of AOF on {}% growth", growth);
            startRewrite();
        }
    }

    /**
     * As Redis's aofRewriteLimited: after {@link #LIMIT_FAILURES} failed rewrites in a row the
     * cron waits 1, 2, 4... up to 60 minutes between tries (BGREWRITEAOF by hand resets it).
     */
    private boolean rewriteLimited() {
        if (consecutiveFailures < LIMIT_FAILURES) {
            limitDelayMinutes = 0;
            limitUntilSecond = 0;
            return false;
        }
        long nowSecond = server.clock().millis() / 1000;
        if (limitUntilSecond != 0) {
            if (nowSecond < limitUntilSecond) {
                return true;
            }
            limitUntilSecond = 0;
            return false;
        }
        limitDelayMinutes = limitDelayMinutes == 0 ? 1 : Math.min(LIMIT_MAX_MINUTES, limitDelayMinutes * 2);
        limitUntilSecond = nowSecond + limitDelayMinutes * 60L;
        LOG.warn("Background AOF rewrite has repeatedly failed and triggered the limit, will retry in {} minutes",
                limitDelayMinutes);
        return true;
    }

    private long currentSize() {
        return baseSize + earlierIncrSize + incrSize;
    }

    // ------------------------------------------------------------------ commands and config

    @Override
    public RewriteStart rewrite(boolean inTransaction) {
        if (running != null) {
            return RewriteStart.IN_PROGRESS;
        }
        if (inTransaction || server.backgroundSnapshot().inProgress()) {
            scheduled = true;
            consecutiveFailures = 0; // as Redis: a rewrite asked for by hand is not held back by earlier failures
            return RewriteStart.SCHEDULED;
        }
        return startRewrite() ? RewriteStart.STARTED : RewriteStart.FAILED;
    }

    @Override
    public String reconfigure() {
        if (config.appendonly && incr == null && !waitingRewrite) {
            return switchOn();
        } else if (!config.appendonly && (incr != null || waitingRewrite)) {
            switchOff();
        } else if (incr != null && config.appendfsync.equals("always")) {
            flush(true); // switching to always fsyncs what is already written, as Redis
            forceQuietly(incr);
        }
        return null;
    }

    /**
     * As Redis's startAppendOnly: the AOF waits for a rewrite (aof_state WAIT_REWRITE), which
     * starts now or, while another snapshot runs, from the cron; writes from its start go to a
     * temporary incremental file that joins the manifest when the rewrite succeeds.
     */
    private String switchOn() {
        BackgroundSnapshot snapshot = server.backgroundSnapshot();
        if (snapshot.inProgress() && running == null) {
            scheduled = true;
            LOG.warn("AOF was enabled but there is already another background operation. An AOF background was "
                    + "scheduled to start when possible.");
        } else {
            if (running != null) {
                // the running one writes no incremental file: it cannot complete the switch
                LOG.warn("AOF was enabled but there is already an AOF rewriting in background. Stopping background "
                        + "AOF and starting a rewrite now.");
                killRewrite();
            }
            waitingRewrite = true;
            if (!startRewrite()) {
                waitingRewrite = false;
                LOG.warn("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. Check "
                        + "the above logs for more info about the error.");
                return "Unable to turn on AOF. Check server logs.";
            }
        }
        waitingRewrite = true;
        return null;
    }

    private void switchOff() {
        flush(true);
        FileChannel ch = incr;
        incr = null;
        if (ch != null) {
            forceQuietly(ch);
            closeQuietly(ch);
        }
        selectedDb = -1;
        multiPending = false;
        waitingRewrite = false;
        scheduled = false;
        killRewrite();
    }

    /** As Redis's killAppendOnlyChild: stops a running rewrite, leaving its status and times as they were. */
    private void killRewrite() {
        if (running != null) {
            LOG.info("Killing running AOF rewrite");
            server.backgroundSnapshot().kill(); // the listener cleans up before this returns
        }
    }

    @Override
    public void describe(BiConsumer<String, Object> field) {
        field.accept("aof_enabled", config.appendonly ? 1 : 0);
        field.accept("aof_rewrite_in_progress", running != null ? 1 : 0);
        field.accept("aof_rewrite_scheduled", scheduled ? 1 : 0);
        field.accept("aof_last_rewrite_time_sec", lastRewriteSeconds);
        field.accept("aof_current_rewrite_time_sec",
                running == null ? -1 : server.clock().millis() / 1000 - running.startMillis / 1000);
        field.accept("aof_last_bgrewrite_status", lastRewriteOk ? "ok" : "err");
        field.accept("aof_rewrites", rewrites);
        field.accept("aof_rewrites_consecutive_failures", consecutiveFailures);
        field.accept("aof_last_write_status", lastWriteOk ? "ok" : "err");
        // the bytes written early for keys a write was about to change: jredis's copy-on-write
        field.accept("aof_last_cow_size", lastCowBytes);
    }

    @Override
    public void describeSizes(BiConsumer<String, Object> field) {
        if (!config.appendonly) {
            return;
        }
        field.accept("aof_current_size", currentSize());
        field.accept("aof_base_size", rewriteBaseSize);
        field.accept("aof_pending_rewrite", scheduled ? 1 : 0);
        field.accept("aof_buffer_length", pending.length());
        field.accept("aof_pending_bio_fsync", 0);
        field.accept("aof_delayed_fsync", 0);
    }

    // ------------------------------------------------------------------ rewriting

    private Path aofDir() {
        return Path.of(config.dir).resolve(config.appenddirname);
    }

    private Path manifestPath() {
        return aofDir().resolve(config.appendfilename + ".manifest");
    }

    /** Where writes go while the AOF waits for its first rewrite (Redis's getTempIncrAofName). */
    private String tempIncrName() {
        return "temp-" + config.appendfilename + ".incr";
    }

    /**
     * A background rewrite in progress: its temporary base, its format, when it started, and
     * whether writes go to the temporary incremental file (switching the AOF on).
     */
    private record Rewrite(Path temp, boolean rdbPreamble, long startNanos, long startMillis, boolean tempIncr) {
    }

    /**
     * As Redis's rewriteAppendOnlyFileBackground: the buffer goes to the current file, a new
     * incremental file is opened (named in the manifest at once while the AOF is on; the
     * temporary one while it waits for this rewrite; none while off), and the base is written
     * by the background snapshot as of this moment, so every later write is in the new
     * incremental file. {@link #rewriteDone} completes it on the command thread.
     *
     * @return false when it could not start (the slot must be free: callers check)
     */
    private boolean startRewrite() {
        Path dir = aofDir();
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            LOG.warn("Can't open or create append-only dir {}: Not a directory", config.appenddirname);
            lastRewriteOk = false;
            return false;
        } catch (IOException e) {
            LOG.warn("Can't open or create append-only dir {}: {}", config.appenddirname, reason(e));
            lastRewriteOk = false;
            return false;
        }
        if (manifest == null) {
            manifest = readManifestIfAny();
        }
        Path temp = Path.of(config.dir).resolve("temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof");
        AofBaseTarget target;
        try {
            target = AofBaseTarget.open(temp);
        } catch (IOException e) {
            LOG.warn("Can't open the temporary AOF base file {}: {}", temp.getFileName(), reason(e));
            lastRewriteOk = false;
            return false;
        }
        if (pending.length() > 0) {
            flush(config.appendfsync.equals("always"));
        }
        if (waitingRewrite) {
            try {
                FileChannel ch = FileChannel.open(dir.resolve(tempIncrName()), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                LOG.info("Creating AOF incr file {} on background rewrite", tempIncrName());
                opened(ch);
                earlierIncrSize = 0;
                incrSize = 0;
            } catch (IOException e) {
                LOG.warn("Can't open the append-only file {}: {}", tempIncrName(), reason(e));
                target.discard();
                lastRewriteOk = false;
                return false;
            }
        } else if (incr != null && !openNewIncr(target)) {
            return false;
        }
        selectedDb = -1;
        multiPending = false;
        rewrites++;
        scheduled = false;
        boolean rdbPreamble = config.aofUseRdbPreamble;
        SnapshotOutput out = rdbPreamble
                ? new RdbOutput(target, config, rdb.redisVersion(), server.commandThread(), null).aofBase()
                : new RespBaseOutput(target, server.commandThread(), config.aofTimestampEnabled);
        running = new Rewrite(temp, rdbPreamble, System.nanoTime(), server.clock().millis(), waitingRewrite);
        LOG.info("Background append only file rewriting started");
        // the point in time: from here every write goes to the incremental file opened above
        server.backgroundSnapshot().start("aof", out, this::rewriteDone);
        return true;
    }

    /** The next incremental file, named in the manifest before any write goes to it (Redis's openNewIncrAofForAppend). */
    private boolean openNewIncr(AofBaseTarget target) {
        AofManifest next = manifest.copy();
        long seq = next.incrSeq + 1;
        Entry e = new Entry(config.appendfilename + "." + seq + ".incr.aof", seq, Type.INCR);
        Path file = aofDir().resolve(e.name());
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException ex) {
            LOG.warn("Can't open the append-only file {}: {}", e.name(), reason(ex));
            target.discard();
            lastRewriteOk = false;
            return false;
        }
        next.incrs.add(e);
        next.incrSeq = seq;
        try {
            writeManifest(next);
        } catch (IOException ex) {
            LOG.warn("Can't persist the AOF manifest: {}", reason(ex));
            closeQuietly(ch);
            deleteQuietly(file);
            target.discard();
            lastRewriteOk = false;
            return false;
        }
        manifest = next;
        LOG.info("Creating AOF incr file {} on background rewrite", e.name());
        FileChannel old = incr;
        opened(ch);
        earlierIncrSize += incrSize;
        incrSize = 0;
        synced.set(written.get());
        // the old file is complete: its fsync and close need not hold the command thread (Redis's bio)
        Thread.ofVirtual().start(() -> {
            forceQuietly(old);
            closeQuietly(old);
        });
        return true;
    }

    /** As Redis's backgroundRewriteDoneHandler, on the command thread. */
    private void rewriteDone(BackgroundSnapshot.Outcome outcome) {
        Rewrite r = running;
        running = null;
        if (outcome.status() == BackgroundSnapshot.Status.KILLED) {
            cleanUp(r); // on purpose (SHUTDOWN, switching off or on again): no error, no time
            return;
        }
        lastRewriteSeconds = (System.nanoTime() - r.startNanos) / SECOND_NANOS;
        lastCowBytes = outcome.earlyBytes();
        if (!outcome.ok()) {
            LOG.warn("Background AOF rewrite terminated with error");
            failed(r);
            return;
        }
        LOG.info("Background AOF rewrite terminated with success");
        install(r);
    }

    /** The new base (and, switching on, the first incremental file) replaces the old files in the manifest. */
    private void install(Rewrite r) {
        Path dir = aofDir();
        AofManifest next = manifest.copy();
        long baseSeq = next.baseSeq + 1;
        Entry baseEntry = new Entry(config.appendfilename + "." + baseSeq
                + (r.rdbPreamble ? ".base.rdb" : ".base.aof"), baseSeq, Type.BASE);
        // the incremental file being written stays; every other one is history (markRewrittenIncrAofAsHistory)
        Entry current = incr != null && !r.tempIncr && !next.incrs.isEmpty() ? next.incrs.getLast() : null;
        List<Entry> obsolete = new java.util.ArrayList<>();
        for (Entry e : next.incrs) {
            if (e != current) {
                obsolete.add(e);
            }
        }
        if (next.base != null) {
            obsolete.add(next.base);
        }
        obsolete.addAll(next.history);
        next.base = baseEntry;
        next.baseSeq = baseSeq;
        next.history.clear();
        next.incrs.clear();
        if (current != null) {
            next.incrs.add(current);
        }
        Entry firstIncr = null;
        if (r.tempIncr) {
            long seq = next.incrSeq + 1;
            firstIncr = new Entry(config.appendfilename + "." + seq + ".incr.aof", seq, Type.INCR);
            next.incrs.add(firstIncr);
            next.incrSeq = seq;
        }
        if (config.aofDisableAutoGc) {
            for (Entry e : obsolete) {
                next.history.add(new Entry(e.name(), e.seq(), Type.HISTORY));
            }
            obsolete.clear();
        }
        Path basePath = dir.resolve(baseEntry.name());
        boolean incrMoved = false;
        try {
            move(r.temp, basePath);
            if (firstIncr != null) {
                move(dir.resolve(tempIncrName()), dir.resolve(firstIncr.name()));
                incrMoved = true;
            }
            writeManifest(next);
        } catch (IOException e) {
            LOG.warn("Error trying to rename the temporary AOF base file or persist the manifest: {}", reason(e));
            deleteQuietly(basePath);
            if (incrMoved) {
                try {
                    move(dir.resolve(firstIncr.name()), dir.resolve(tempIncrName()));
                } catch (IOException again) {
                    LOG.warn("Could not move {} back: {}", firstIncr.name(), reason(again));
                }
            }
            failed(r);
            return;
        }
        LOG.info("Successfully renamed the temporary AOF base file {} into {}", r.temp.getFileName(),
                baseEntry.name());
        if (firstIncr != null) {
            LOG.info("Successfully renamed the temporary AOF incr file {} into {}", tempIncrName(), firstIncr.name());
        }
        manifest = next;
        waitingRewrite = false;
        baseSize = sizeOf(basePath);
        earlierIncrSize = 0;
        rewriteBaseSize = currentSize();
        for (Entry e : obsolete) {
            LOG.info("Removing the history file {} in the background", e.name());
            unlinkInBackground(dir.resolve(e.name()));
        }
        consecutiveFailures = 0;
        lastRewriteOk = true;
        LOG.info("Background AOF rewrite finished successfully");
    }

    private void failed(Rewrite r) {
        lastRewriteOk = false;
        consecutiveFailures++;
        cleanUp(r);
    }

    /**
     * The temporary base goes; the incremental file opened at the start stays in the manifest
     * (Redis 7.0 keeps it: the next rewrite makes it history). Switching on, the temporary
     * incremental file goes too and the rewrite is scheduled again.
     */
    private void cleanUp(Rewrite r) {
        deleteQuietly(r.temp);
        if (!r.tempIncr) {
            return;
        }
        if (waitingRewrite) {
            FileChannel ch = incr;
            incr = null;
            if (ch != null) {
                closeQuietly(ch);
            }
            pending.clear();
            selectedDb = -1;
            multiPending = false;
            scheduled = true;
        }
        deleteQuietly(aofDir().resolve(tempIncrName()));
    }

    /**
     * Start-up with appendonly yes and no AOF yet: nothing was loaded, so the base (empty) is
     * written on the spot, then the first incremental file and the manifest, as Redis 7.0 does.
     */
    private boolean createOnStart() {
        Path dir = aofDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            LOG.warn("Can't open or create append-only dir {}: {}", config.appenddirname, reason(e));
            return false;
        }
        AofManifest next = readManifestIfAny();
        long baseSeq = next.baseSeq + 1;
        Entry baseEntry = new Entry(config.appendfilename + "." + baseSeq
                + (config.aofUseRdbPreamble ? ".base.rdb" : ".base.aof"), baseSeq, Type.BASE);
        long seq = next.incrSeq + 1;
        Entry incrEntry = new Entry(config.appendfilename + "." + seq + ".incr.aof", seq, Type.INCR);
        Path temp = Path.of(config.dir).resolve("temp-rewriteaof-" + ProcessHandle.current().pid() + ".aof");
        if (!writeBaseSynchronously(temp)) {
            return false;
        }
        FileChannel ch = null;
        try {
            move(temp, dir.resolve(baseEntry.name()));
            LOG.info("Creating AOF base file {} on server start", baseEntry.name());
            ch = FileChannel.open(dir.resolve(incrEntry.name()), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            LOG.info("Creating AOF incr file {} on server start", incrEntry.name());
            next.base = baseEntry;
            next.baseSeq = baseSeq;
            next.incrs.clear();
            next.incrs.add(incrEntry);
            next.incrSeq = seq;
            writeManifest(next);
        } catch (IOException e) {
            LOG.warn("Can't create the append-only files: {}", reason(e));
            deleteQuietly(temp);
            if (ch != null) {
                closeQuietly(ch);
            }
            return false;
        }
        manifest = next;
        opened(ch);
        baseSize = sizeOf(dir.resolve(baseEntry.name()));
        earlierIncrSize = 0;
        incrSize = 0;
        rewriteBaseSize = baseSize;
        selectedDb = -1;
        return true;
    }

    /** Writes the (start-up) base file synchronously: the keyspace as it is now, to {@code temp}, fsynced. */
    private boolean writeBaseSynchronously(Path temp) {
        long now = server.clock().millis();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (config.aofUseRdbPreamble) {
                OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                rdb.write(server.keyspace(), now, os);
                os.flush();
            } else {
                RespBaseWriter.write(server.keyspace(), now, config.aofTimestampEnabled, ch);
            }
            ch.force(true);
        } catch (IOException e) {
            LOG.warn("Error writing the AOF base file {}: {}", temp.getFileName(), reason(e));
            deleteQuietly(temp);
            return false;
        }
        return true;
    }

    private AofManifest readManifestIfAny() {
        Path mf = manifestPath();
        if (Files.exists(mf)) {
            try {
                return AofManifest.parse(Files.readString(mf, StandardCharsets.ISO_8859_1));
            } catch (IOException | AofManifest.InvalidManifest e) {
                LOG.warn("Ignoring the unreadable AOF manifest {}: {}", mf.getFileName(), e.getMessage());
            }
        }
        return new AofManifest();
    }

    /** Temp file, fsync, rename over the manifest, fsync the directory: the switch is atomic. */
    private void writeManifest(AofManifest m) throws IOException {
        Path dir = aofDir();
        Path temp = dir.resolve("temp-" + config.appendfilename + ".manifest");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, m.format().getBytes(StandardCharsets.ISO_8859_1));
            ch.force(true);
        }
        move(temp, manifestPath());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
            d.force(true); // makes the rename itself durable
        } catch (IOException e) {
            LOG.warn("Could not fsync the directory {}: {}", to.getParent(), reason(e));
        }
    }

    // ------------------------------------------------------------------ loading

    /**
     * Start-up with appendonly yes: loads the AOF directory (in preference to the RDB file) by
     * replaying it through {@code executor}, then appends to its last incremental file. With no
     * AOF yet, creates a fresh one and loads nothing (as Redis 7.0, which then ignores dump.rdb).
     */
    public LoadResult load(CommandExecutor executor) throws SnapshotFailure {
        Path mf = manifestPath();
        Path legacy = Path.of(config.dir).resolve(config.appendfilename);
        if (!Files.exists(mf) && Files.isRegularFile(legacy)) {
            upgrade(legacy);
        }
        if (!Files.exists(mf)) {
            if (!createOnStart()) {
                throw new SnapshotFailure("Can't create the append-only directory " + aofDir());
            }
            return LoadResult.NOTHING;
        }
        try {
            manifest = AofManifest.parse(Files.readString(mf, StandardCharsets.ISO_8859_1));
        } catch (AofManifest.InvalidManifest e) {
            throw new SnapshotFailure(e.getMessage());
        } catch (IOException e) {
            throw new SnapshotFailure("Can't read the AOF manifest " + mf + ": " + reason(e), e);
        }
        long start = System.nanoTime();
        Path dir = aofDir();
        loading = true;
        try {
            List<Entry> files = new java.util.ArrayList<>();
            if (manifest.base != null) {
                files.add(manifest.base);
            }
            files.addAll(manifest.incrs);
            for (int i = 0; i < files.size(); i++) {
                Entry e = files.get(i);
                Path p = dir.resolve(e.name());
                if (!Files.exists(p)) {
                    throw new SnapshotFailure("The AOF file " + e.name() + " doesn't exist");
                }
                boolean last = i == files.size() - 1;
                long skip = 0;
                if (startsWithRdbHeader(p)) {
                    LOG.info("Reading RDB preamble from AOF file...");
                    skip = rdb.loadPreamble(p, server.keyspace(), server.clock().millis());
                    if (skip < sizeOf(p)) {
                        LOG.info("Reading the remaining AOF tail...");
                    }
                }
                replay(executor, p, e.name(), last, skip);
                LOG.info("DONE loading AOF file {}", e.name());
            }
        } finally {
            loading = false;
        }
        baseSize = manifest.base == null ? 0 : sizeOf(dir.resolve(manifest.base.name()));
        earlierIncrSize = 0;
        for (int i = 0; i + 1 < manifest.incrs.size(); i++) {
            earlierIncrSize += sizeOf(dir.resolve(manifest.incrs.get(i).name()));
        }
        openLastIncr();
        rewriteBaseSize = currentSize();
        LOG.info("DB loaded from append only file: {} seconds",
                String.format("%.3f", (System.nanoTime() - start) / 1e9));
        long keys = 0;
        for (int i = 0; i < server.keyspace().count(); i++) {
            keys += server.keyspace().db(i).size();
        }
        return new LoadResult(keys, 0);
    }

    /**
     * An append-only file of Redis before 7 ({@code dir/appendfilename}, one file) becomes the
     * base of a new directory, as Redis 7.0 upgrades it: manifest first, then the file moves in.
     */
    private void upgrade(Path legacy) throws SnapshotFailure {
        try {
            Files.createDirectories(aofDir());
            AofManifest m = new AofManifest();
            m.base = new Entry(config.appendfilename, 1, Type.BASE);
            m.baseSeq = 1;
            writeManifest(m);
            move(legacy, aofDir().resolve(config.appendfilename));
        } catch (IOException e) {
            throw new SnapshotFailure("Can't move the old-style AOF " + legacy.getFileName() + " into "
                    + config.appenddirname + ": " + reason(e), e);
        }
        LOG.info("Successfully migrated an old-style AOF file ({}) into the AOF directory ({}).",
                config.appendfilename, config.appenddirname);
    }

    /** Appends to the last incremental file, or starts one when the manifest names none. */
    private void openLastIncr() throws SnapshotFailure {
        Path dir = aofDir();
        try {
            if (manifest.incrs.isEmpty()) {
                long seq = manifest.incrSeq + 1;
                Entry e = new Entry(config.appendfilename + "." + seq + ".incr.aof", seq, Type.INCR);
                FileChannel ch = FileChannel.open(dir.resolve(e.name()), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                AofManifest next = manifest.copy();
                next.incrs.add(e);
                next.incrSeq = seq;
                writeManifest(next);
                manifest = next;
                LOG.info("Creating AOF incr file {} on server start", e.name());
                opened(ch);
                incrSize = 0;
            } else {
                Entry e = manifest.incrs.get(manifest.incrs.size() - 1);
                FileChannel ch = FileChannel.open(dir.resolve(e.name()), StandardOpenOption.WRITE);
                ch.position(ch.size());
                incrSize = ch.size();
                opened(ch);
            }
        } catch (IOException e) {
            throw new SnapshotFailure("Can't open the append-only file: " + reason(e), e);
        }
        selectedDb = -1;
    }

    private static boolean startsWithRdbHeader(Path p) throws SnapshotFailure {
        try (InputStream in = Files.newInputStream(p)) {
            return Arrays.equals(in.readNBytes(5), "REDIS".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new SnapshotFailure("Can't read the AOF file " + p.getFileName() + ": " + reason(e), e);
        }
    }

    /** Replays one file of commands; a cut-off end is truncated when allowed (last file). */
    private void replay(CommandExecutor executor, Path path, String name, boolean last, long skip)
            throws SnapshotFailure {
        ReplayClient client = new ReplayClient();
        ClientSession session = executor.connect(client);
        session.setAuthenticated(true);
        session.markAofReplay();
        long beforeMulti = -1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            in.skipNBytes(skip);
            RespCommandReader reader = new RespCommandReader(in, skip);
            while (true) {
                long before = reader.validUpTo();
                List<byte[]> argv;
                try {
                    argv = reader.next();
                } catch (RespCommandReader.Truncated t) {
                    LOG.warn("!!! Warning: short read while loading the AOF file {}!!!", name);
                    truncate(path, name, last, beforeMulti >= 0 ? beforeMulti : reader.validUpTo());
                    return;
                } catch (RespCommandReader.BadFormat b) {
                    String why = "Bad file format reading the append only file " + name + " at offset " + b.offset
                            + ": make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>";
                    LOG.warn(why);
                    throw new SnapshotFailure(why);
                }
                if (argv == null) {
                    if (beforeMulti >= 0) {
                        LOG.warn("Revert incomplete MULTI/EXEC transaction in AOF file {}", name);
                        truncate(path, name, last, beforeMulti);
                    }
                    return;
                }
                Arguments args = Arguments.of(argv.toArray(new byte[0][]));
                if (executor.resolve(args) == null) {
                    String why = "Unknown command '" + args.text(0) + "' reading the append only file " + name;
                    LOG.warn(why);
                    throw new SnapshotFailure(why);
                }
                if (args.is(0, "multi")) {
                    beforeMulti = before;
                } else if (args.is(0, "exec")) {
                    beforeMulti = -1;
                }
                executor.execute(session, args, client);
            }
        } catch (IOException e) {
            throw new SnapshotFailure("Can't read the AOF file " + name + ": " + reason(e), e);
        } finally {
            executor.disconnect(session);
        }
    }

    private void truncate(Path path, String name, boolean last, long validUpTo) throws SnapshotFailure {
        if (!last || !config.aofLoadTruncated) {
            String why = "Unexpected end of file reading the append only file " + name + ". You can: "
                    + "1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. "
                    + "2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart "
                    + "the server.";
            LOG.warn(why);
            throw new SnapshotFailure(why);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(validUpTo);
            ch.force(true);
        } catch (IOException e) {
            throw new SnapshotFailure("Error truncating the AOF file " + name + ": " + reason(e), e);
        }
        LOG.warn("!!! Truncating the AOF {} at offset {} !!!", name, validUpTo);
        LOG.warn("AOF {} loaded anyway because aof-load-truncated is enabled", name);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Writes and fsyncs what is buffered and closes the file (shutdown). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(fsyncer);
        FileChannel ch = incr;
        if (ch != null) {
            flush(true);
            forceQuietly(ch);
            closeQuietly(ch);
            incr = null;
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void forceQuietly(FileChannel ch) {
        try {
            ch.force(false);
        } catch (IOException e) {
            LOG.warn("Error fsyncing the AOF file: {}", reason(e));
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * As Redis's bg_unlink: the name goes at once, while the file stays open; the last close,
     * which frees its blocks (long for a large file), happens on another thread.
     */
    private static void unlinkInBackground(Path p) {
        FileChannel open;
        try {
            open = FileChannel.open(p, StandardOpenOption.READ);
        } catch (IOException e) {
            deleteQuietly(p);
            return;
        }
        deleteQuietly(p);
        Thread.ofVirtual().start(() -> closeQuietly(open));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", p.getFileName(), reason(e));
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(bytes);
        while (bb.hasRemaining()) {
            ch.write(bb);
        }
    }
}
