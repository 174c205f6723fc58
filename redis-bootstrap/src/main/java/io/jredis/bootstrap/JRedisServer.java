package io.jredis.bootstrap;

import io.jredis.adapter.net.EventLoop;
import io.jredis.adapter.replication.aof.AppendOnlyLog;
import io.jredis.adapter.replication.master.MasterReplication;
import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.adapter.replication.rdb.RdbValueCodec;
import io.jredis.adapter.replication.migrate.SocketMigrationLink;
import io.jredis.adapter.replication.replica.ReplicaReplication;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Commands;
import io.jredis.application.port.Clock;
import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.port.SnapshotStore;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerCron;
import io.jredis.application.server.ServerState;

import java.io.IOException;

/** The wired server: application state, the network adapter and the replication adapter. */
public final class JRedisServer implements AutoCloseable {

    private final ServerState state;
    private final EventLoop loop;
    private final ReplicaReplication replica;
    private final MasterReplication master;
    private final CommandExecutor executor;
    private final AppendOnlyLog appendOnlyLog;

    public JRedisServer(ServerConfig config, Clock clock) throws IOException {
        this(config, clock, ServerLifecycle.NONE);
    }

    /** A server whose SHUTDOWN and CONFIG SET port/bind/dir go to {@code lifecycle}. */
    public JRedisServer(ServerConfig config, Clock clock, ServerLifecycle lifecycle) throws IOException {
        this.state = new ServerState(config, clock);
        state.setLifecycle(lifecycle);
        RdbSnapshotStore snapshots = new RdbSnapshotStore(config, ConfigLoader.REDIS_VERSION);
        state.setSnapshots(snapshots);
        state.setValueCodec(new RdbValueCodec(config));
        state.setMigrationLink(new SocketMigrationLink());
        // Redis feeds the AOF before the replicas (propagateNow); the order is theirs here too.
        this.appendOnlyLog = new AppendOnlyLog(state, snapshots);
        state.addWriteLog(appendOnlyLog);
        state.setAppendOnlyFile(appendOnlyLog);
        this.master = new MasterReplication(state, snapshots);
        state.setReplicaLinks(master);
        state.addWriteLog(master);
        this.executor = new CommandExecutor(state, Commands.registry());
        state.setAclFiles(new AclFileOnDisk(() -> config.dir));
        loadUsers(config);
        this.replica = new ReplicaReplication(state, executor, master);
        state.setReplication(replica); // INFO replication and ROLE for both roles
        state.setMasterLink(replica);
        this.loop = new EventLoop(executor, new ServerCron(state));
        // a replica saves where it is in its master's stream, a master with a backlog where its own stream is
        snapshots.setReplicationInfo(() -> replica.replicating() ? replica.replicationInfo() : master.savedPosition());
        // runs once the loop serves, after the snapshot was loaded
        replica.start(snapshots::loadedReplicationInfo);
    }

    /**
     * The redis.conf "user" lines, then the aclfile, as Redis loads them at start-up; both at
     * once, a bad rule or a bad file stop the start (Redis exits).
     */
    private void loadUsers(ServerConfig config) throws IOException {
        if (!config.aclfile.isEmpty() && !config.users.isEmpty()) {
            throw new IOException("Configuring Redis with users defined in redis.conf and at the same setting an ACL "
                    + "file path is invalid. This setup is very likely to lead to configuration errors and security "
                    + "holes, please define either an ACL file or declare users directly in your redis.conf, but not "
                    + "both.");
        }
        String error = state.acl().loadConfigured(state.registry(), config.users);
        if (error != null) {
            throw new IOException(error);
        }
        if (!config.aclfile.isEmpty()) {
            java.util.List<String> lines;
            try {
                lines = state.aclFiles().read(config.aclfile);
            } catch (io.jredis.application.port.AclFileStore.Failure e) {
                throw new IOException("Aborting Redis startup because of ACL errors: Error loading ACLs, opening file '"
                        + config.aclfile + "': " + e.getMessage());
            }
            String errors = state.acl().loadFile(state.registry(), lines, config.aclfile);
            if (errors != null) {
                throw new IOException("Aborting Redis startup because of ACL errors: " + errors);
            }
        }
    }

    /** Binds the listening sockets; throws when a required address cannot be bound. */
    public void bind() throws IOException {
        loop.bind();
    }

    /**
     * Loads the data before serving: with appendonly yes the append-only directory (created
     * when missing; dump.rdb is then not read, as in Redis 7.0), else {@code dir/dbfilename}.
     * A missing RDB file loads nothing; anything else that stops the load throws.
     */
    public SnapshotStore.LoadResult loadSnapshot() throws SnapshotStore.SnapshotFailure {
        if (state.config().appendonly) {
            return appendOnlyLog.load(executor);
        }
        return state.loadSnapshot();
    }

    /**
     * The final save when the process is told to stop by a signal and save points are set, as
     * Redis does; called on the serving thread once {@link #run()} returned. False when it failed.
     */
    public boolean saveOnExit() {
        state.backgroundSnapshot().kill(); // as Redis: a child saving is killed and its temp file removed
        if (state.config().save.isBlank()) {
            return true;
        }
        return state.saveSnapshot();
    }

    /** Listens where the configuration now says (CONFIG SET port/bind); false keeps the old sockets. */
    public boolean rebind() {
        return loop.rebind();
    }

    /** Serves until {@link #close()}; runs on the calling thread. */
    public void run() {
        loop.run();
    }

    /** The master side of replication (the replica side chains and promotes through it). */
    public MasterReplication master() {
        return master;
    }

    public ServerState state() {
        return state;
    }

    @Override
    public void close() {
        replica.close();
        loop.stop();
        appendOnlyLog.close();
    }
}
