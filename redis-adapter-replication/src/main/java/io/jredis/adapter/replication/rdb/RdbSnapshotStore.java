package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.CommandThread;
import io.jredis.application.port.SnapshotOutput;
import io.jredis.application.port.SnapshotStore;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The snapshot file {@code dir/dbfilename} in Redis's RDB format. Saving writes a temp file in
 * the same directory, fsyncs it, renames it over the old file and fsyncs the directory, so a
 * crash at any moment leaves either the old or the new complete file. Loading reads into a fresh
 * keyspace and moves it into the server's only once the whole file was read and verified.
 */
public final class RdbSnapshotStore implements SnapshotStore {

    /** A stream in the codec's neutral form (the writer packs it into listpack nodes as Redis 7.0). */
    static LoadedValue stream(io.jredis.domain.value.StreamValue s) {
        java.util.List<LoadedValue.StreamEntry> entries = new java.util.ArrayList<>((int) s.length());
        io.jredis.domain.value.StreamValue.Cursor c = s.cursor(0, 0, -1L, -1L, false);
        while (c.next()) {
            entries.add(new LoadedValue.StreamEntry(c.ms(), c.seq(), java.util.List.of(c.fieldsAndValues())));
        }
        java.util.List<LoadedValue.ConsumerGroup> groups = new java.util.ArrayList<>();
        for (io.jredis.domain.value.StreamGroup g : s.groups().values()) {
            java.util.List<LoadedValue.PendingEntry> pending = new java.util.ArrayList<>();
            for (var e : g.pending().entrySet()) {
                pending.add(new LoadedValue.PendingEntry(e.getKey().ms(), e.getKey().seq(), e.getValue().deliveryTime(),
                        e.getValue().deliveryCount(), e.getValue().consumer().name()));
            }
            java.util.List<LoadedValue.StreamConsumer> consumers = new java.util.ArrayList<>();
            for (io.jredis.domain.value.StreamConsumer sc : g.consumers().values()) {
                consumers.add(new LoadedValue.StreamConsumer(sc.name(), sc.seenTime(), sc.seenTime()));
            }
            groups.add(new LoadedValue.ConsumerGroup(g.name(), g.lastMs(), g.lastSeq(), g.entriesRead(), pending,
                    consumers));
        }
        io.jredis.domain.value.StreamId first = s.firstId();
        io.jredis.domain.value.StreamId maxDel = s.maxDeletedId();
        return new LoadedValue.StreamValue(entries, s.length(), s.lastMs(), s.lastSeq(), first.ms(), first.seq(),
                maxDel.ms(), maxDel.seq(), s.entriesAdded(), groups);
    }

    private static final Logger LOG = LoggerFactory.getLogger("jredis");

    private final ServerConfig config;
    private final String redisVersion;
    /**
     * A replica's position in its master's stream (repl-stream-db, repl-id, repl-offset, in
     * that order), saved as aux fields so that after a restart it can resync partially.
     */
    private java.util.function.Supplier<java.util.Map<String, String>> replicationInfo = java.util.Map::of;
    private volatile java.util.Map<String, String> loadedReplicationInfo = java.util.Map.of();

    /** {@code redisVersion}: what the redis-ver aux field says (the version jredis reports). */
    public RdbSnapshotStore(ServerConfig config, String redisVersion) {
        this.config = config;
        this.redisVersion = redisVersion;
    }

    /** Where the replication aux fields to save come from (the replica side). */
    public void setReplicationInfo(java.util.function.Supplier<java.util.Map<String, String>> info) {
        this.replicationInfo = info;
    }

    /** The redis-ver aux field this store writes. */
    public String redisVersion() {
        return redisVersion;
    }

    /** The replica side's position in its master's stream, as saved with a snapshot (empty when none). */
    public java.util.Map<String, String> replicationInfo() {
        return replicationInfo.get();
    }

    /** The repl-* aux fields of the snapshot loaded last (empty when it had none). */
    public java.util.Map<String, String> loadedReplicationInfo() {
        return loadedReplicationInfo;
    }

    Path file() {
        return Path.of(config.dir).resolve(config.dbfilename);
    }

    @Override
    public void save(Keyspace keyspace, long now) throws SnapshotFailure {
        Path dir = Path.of(config.dir);
        Path temp = dir.resolve("temp-" + ProcessHandle.current().pid() + ".rdb");
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            String reason = "Failed opening the temp RDB file " + temp.getFileName() + " (in server root dir "
                    + config.dir + ") for saving: " + reason(e);
            LOG.warn(reason);
            throw new SnapshotFailure(reason, e);
        }
        try (ch) {
            write(keyspace, now, Channels.newOutputStream(ch));
            ch.force(true);
        } catch (IOException e) {
            String reason = "Write error saving DB on disk: " + reason(e);
            LOG.warn(reason);
            deleteQuietly(temp);
            throw new SnapshotFailure(reason, e);
        }
        try {
            try {
                Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true); // makes the rename itself durable
            } catch (IOException e) {
                LOG.warn("Could not fsync the directory {}: {}", dir, reason(e));
            }
        } catch (IOException e) {
            String reason = "Error moving temp DB file " + temp.getFileName() + " on the final destination "
                    + config.dbfilename + " (in server root dir " + config.dir + "): " + reason(e);
            LOG.warn(reason);
            deleteQuietly(temp);
            throw new SnapshotFailure(reason, e);
        }
        LOG.info("DB saved on disk");
    }

    /** The RDB bytes of the keyspace as at {@code now}, to any stream (a file, a replica). */
    public void write(Keyspace keyspace, long now, OutputStream os) throws IOException {
        RdbWriter w = new RdbWriter(os, config.rdbcompression, config.rdbchecksum);
        writeHeader(w, redisVersion, now, replicationInfo.get(), false);
        IOException[] failure = new IOException[1];
        for (int i = 0; i < keyspace.count(); i++) {
            Database db = keyspace.db(i);
            if (db.size() == 0) {
                continue;
            }
            w.selectDb(i, db.size(), db.volatileCount());
            db.forEach(now, (key, value, expireAt) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    writeEntry(w, key, value, expireAt);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        w.end();
    }

    /** The RDB header and aux fields Redis 7.0 writes (aof-base 1 for an AOF's preamble base file). */
    /**
     * Redis's aux fields in its order: {@code extra} (a replica's repl-stream-db, repl-id and
     * repl-offset, or a full sync's) comes between used-mem and aof-base, as rdbSaveInfoAuxFields
     * writes them.
     */
    static void writeHeader(RdbWriter w, String redisVersion, long now, java.util.Map<String, String> extra,
                            boolean aofBase) throws IOException {
        w.header();
        w.aux("redis-ver", redisVersion);
        w.aux("redis-bits", "64");
        w.aux("ctime", Long.toString(now / 1000));
        Runtime rt = Runtime.getRuntime();
        w.aux("used-mem", Long.toString(rt.totalMemory() - rt.freeMemory()));
        for (java.util.Map.Entry<String, String> e : extra.entrySet()) {
            w.aux(e.getKey(), e.getValue());
        }
        w.aux("aof-base", aofBase ? "1" : "0");
    }

    /** One key of any type jredis stores, with its unix-ms expiry or {@link Database#NO_EXPIRY}. */
    static void writeEntry(RdbWriter w, byte[] key, Object value, long expireAt) throws IOException {
        long exp = expireAt == Database.NO_EXPIRY ? -1 : expireAt;
        if (value instanceof byte[] b) {
            w.stringEntry(key, b, b.length, exp);
        } else if (value instanceof MutableString m) {
            w.stringEntry(key, m.array(), m.length(), exp);
        } else {
            writeCollection(w, key, value, exp);
        }
    }

    /**
     * A collection in the plain encoding, written straight from the domain value (no neutral
     * copy first: a background snapshot encodes on the command thread, so allocation counts).
     */
    private static void writeCollection(RdbWriter w, byte[] key, Object value, long exp) throws IOException {
        IOException[] failure = new IOException[1];
        switch (value) {
            case ListValue list -> {
                w.beginCollection(RdbReader.TYPE_LIST, key, list.size(), exp);
                list.forEach(0, true, (buf, off, len) -> element(w, buf, off, len, failure));
            }
            case SetValue set -> {
                w.beginCollection(RdbReader.TYPE_SET, key, set.size(), exp);
                set.forEach((buf, off, len) -> element(w, buf, off, len, failure));
            }
            case HashValue hash -> {
                w.beginCollection(RdbReader.TYPE_HASH, key, hash.size(), exp);
                for (int p = hash.first(); p >= 0; p = hash.next(p)) {
                    byte[] f = hash.fieldAt(p);
                    byte[] v = hash.valueAt(p);
                    w.element(f, 0, f.length);
                    w.element(v, 0, v.length);
                }
            }
            case SortedSet z -> {
                w.beginCollection(RdbReader.TYPE_ZSET_2, key, z.size(), exp);
                z.visit(0, false, (member, score) -> {
                    if (element(w, member, 0, member.length, failure)) {
                        try {
                            w.score(score);
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }
                    return failure[0] == null;
                });
            }
            case io.jredis.domain.value.StreamValue st -> w.entry(key, stream(st), exp);
            default -> throw new IOException("jredis cannot write a value of type "
                    + io.jredis.domain.value.ValueType.of(value).redisName() + " to an RDB file yet");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static boolean element(RdbWriter w, byte[] buf, int off, int len, IOException[] failure) {
        if (failure[0] != null) {
            return false;
        }
        try {
            w.element(buf, off, len);
            return true;
        } catch (IOException e) {
            failure[0] = e;
            return false;
        }
    }

    @Override
    public SnapshotOutput backgroundOutput(CommandThread commandThread) {
        try {
            RdbFileTarget target = RdbFileTarget.open(Path.of(config.dir), config.dbfilename);
            LOG.info("Background saving started");
            RdbOutput output = new RdbOutput(target, config, redisVersion, commandThread, "DB saved on disk");
            replicationInfo.get().forEach(output::aux);
            return output;
        } catch (IOException e) {
            String reason = "Failed opening the temp RDB file for saving (in server root dir " + config.dir + "): "
                    + reason(e);
            LOG.warn(reason);
            return new FailedOutput(reason);
        }
    }

    @Override
    public LoadResult load(Keyspace keyspace, long now) throws SnapshotFailure {
        return load(file(), keyspace, now);
    }

    /** Loads an RDB file other than dbfilename (an append-only file's RDB base). */
    public LoadResult load(Path file, Keyspace keyspace, long now) throws SnapshotFailure {
        return load(file, keyspace, now, new long[1]);
    }

    /**
     * Loads the RDB image a file starts with and returns the bytes it took: an old-style
     * append-only file (Redis before 7) continues with commands after it.
     */
    public long loadPreamble(Path file, Keyspace keyspace, long now) throws SnapshotFailure {
        long[] length = new long[1];
        load(file, keyspace, now, length);
        return length[0];
    }

    private LoadResult load(Path file, Keyspace keyspace, long now, long[] length) throws SnapshotFailure {
        long start = System.nanoTime();
        Keyspace fresh = new Keyspace(keyspace.count(), KeyspaceListener.NONE);
        KeyspaceLoader loader = new KeyspaceLoader(fresh, now);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            length[0] = RdbReader.readMeasured(in, new LoggingSink(loader, now));
        } catch (NoSuchFileException e) {
            return LoadResult.NOTHING;
        } catch (RdbFormatException e) {
            String detail = "Bad RDB file " + file + " at byte offset " + e.offset() + ": " + e.getMessage();
            LOG.warn(detail);
            throw new SnapshotFailure(detail, e);
        } catch (IOException e) {
            String detail = "Fatal error loading the DB " + file + ": " + reason(e) + ". Exiting.";
            LOG.warn(detail);
            throw new SnapshotFailure(detail, e);
        }
        for (int i = 0; i < keyspace.count(); i++) {
            keyspace.db(i).swapContents(fresh.db(i));
        }
        loadedReplicationInfo = java.util.Map.copyOf(loader.replicationInfo);
        LOG.info("Done loading RDB, keys loaded: {}, keys expired: {}.", loader.loaded(), loader.expired());
        LOG.info("DB loaded from disk: {} seconds", String.format("%.3f", (System.nanoTime() - start) / 1e9));
        return new LoadResult(loader.loaded(), loader.expired());
    }

    /**
     * Reads a master's RDB transfer (a replica's full resync) from {@code in}, which must end
     * where the RDB ends, into {@code fresh}. Keys already expired are kept, as on a Redis
     * replica: the master sends their DEL.
     */
    public static LoadResult loadTransfer(InputStream in, Keyspace fresh, long now)
            throws IOException, RdbFormatException {
        return loadTransfer(in, fresh, now, new java.util.HashMap<>());
    }

    /** As {@link #loadTransfer(InputStream, Keyspace, long)}, putting the repl-* aux fields found into {@code replInfo}. */
    public static LoadResult loadTransfer(InputStream in, Keyspace fresh, long now, java.util.Map<String, String> replInfo)
            throws IOException, RdbFormatException {
        KeyspaceLoader loader = new KeyspaceLoader(fresh, now).keepingExpired();
        RdbReader.read(in, new LoggingSink(loader, now));
        replInfo.putAll(loader.replicationInfo);
        return new LoadResult(loader.loaded(), loader.expired());
    }

    /** Logs the file's origin as Redis does once the aux fields are read, at the first key or the end. */
    private static final class LoggingSink implements RdbSink {
        private final KeyspaceLoader target;
        private final long now;
        private boolean logged;

        LoggingSink(KeyspaceLoader target, long now) {
            this.target = target;
            this.now = now;
        }

        @Override
        public void aux(byte[] name, byte[] value) {
            target.aux(name, value);
            String n = new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (n.equals("redis-ver")) {
                LOG.info("Loading RDB produced by version {}", target.producedBy);
            } else if (n.equals("ctime") && target.createdAt >= 0) {
                long age = Math.max(0, now / 1000 - target.createdAt);
                LOG.info("RDB age {} seconds", age);
            } else if (n.equals("used-mem") && target.usedMem >= 0) {
                LOG.info("RDB memory usage when created {} Mb", String.format("%.2f", target.usedMem / 1024.0 / 1024.0));
            }
        }

        @Override
        public void resizeDb(int db, long size, long expires) {
            target.resizeDb(db, size, expires);
        }

        @Override
        public void functionLibrary(byte[] code) throws RdbFormatException {
            target.functionLibrary(code);
        }

        @Override
        public void moduleAux(long moduleId) throws RdbFormatException {
            target.moduleAux(moduleId);
        }

        @Override
        public void entry(int db, byte[] key, long expireAt, LoadedValue value) throws RdbFormatException {
            target.entry(db, key, expireAt, value);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do: the failure that led here is what gets reported
        }
    }

    /** The system's reason, as strerror would word it. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
