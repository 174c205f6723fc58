package io.jredis.application.command;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.blocking.BlockedClients;
import io.jredis.application.command.acl.AclDenials;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.PropagationUnit;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.List;

/**
 * The driving port: an adapter hands it a client, a command's arguments and a reply sink. It
 * finds the command, applies Redis's checks in Redis's order (existence, arity, authentication,
 * transaction queuing), runs it and feeds what it changed to the write log.
 */
public final class CommandExecutor {

    private static final String NO_COMMAND = "NULL";

    private final ServerState server;
    private final CommandRegistry registry;
    private final CommandContext ctx;
    /** Error replies already counted as some command's failure (so nesting counts each once). */
    private long attributedErrors;
    private final BlockedClients blocked = new BlockedClients();
    /** Commands running now: 1 for a top-level command, 2 inside EXEC. */
    private int depth;
    /** The time of the outermost running command, which the commands EXEC runs share. */
    private long unitNow;

    public CommandExecutor(ServerState server, CommandRegistry registry) {
        this.server = server;
        this.registry = registry;
        this.ctx = new CommandContext(server, this);
        server.setRegistry(registry);
    }

    public ServerState server() {
        return server;
    }

    /**
     * A new connection becomes a client of the default user; it starts authenticated when that
     * user is on and nopass (no requirepass), as in Redis.
     */
    public ClientSession connect(io.jredis.application.port.ClientConnection connection) {
        AclUser user = server.acl().defaultUser();
        ClientSession s = server.clients().connect(connection, server.clock().millis(),
                user.nopass() && user.enabled());
        s.setUser(user);
        return s;
    }

    public BlockedClients blockedClients() {
        return blocked;
    }

    int depth() {
        return depth;
    }

    /** The connection is gone: forget the client and everything it held. */
    public void disconnect(ClientSession session) {
        if (session.blocked() && !postponed.isEmpty()) {
            postponed.removeIf(p -> p.session() == session);
        }
        blocked.unblock(session);
        server.watchedKeys().unwatchAll(session);
        server.pubsub().forget(session);
        if (session.monitoring()) {
            server.monitors().remove(session);
        }
        server.clients().disconnect(session);
        server.replicaLinks().disconnected(session);
    }

    /** Runs one command for a client; the reply (or error) goes to {@code reply}. */
    public void execute(ClientSession session, Arguments args, ReplySink reply) {
        if (args.count() == 0) {
            return;
        }
        long now = server.clock().millis();
        Command command = registry.lookup(args);
        if (command == null) {
            session.touch(now, NO_COMMAND);
            reject(session, reply, Errors.unknownCommand(args), null);
            return;
        }
        if (registry.isContainer(command) && args.count() >= 2) {
            Command sub = registry.lookupSubcommand(command, args);
            if (sub == null) {
                session.touch(now, NO_COMMAND);
                reject(session, reply, Errors.unknownSubcommand(args), null);
                return;
            }
            command = sub;
        }
        CommandSpec spec = command.spec();
        // CLIENT LIST's cmd= names the command as soon as it is known, even if refused or queued.
        session.touch(now, spec.fullName());
        if (!spec.arityAccepts(args.count())) {
            reject(session, reply, Errors.wrongArity(spec.fullName()), command);
            return;
        }
        if (spec.has(CommandFlag.PROTECTED)
                && !io.jredis.application.command.ops.DebugCommand.allowed(server.config(), session)) {
            reject(session, reply, Errors.DEBUG_NOT_ALLOWED, command);
            return;
        }
        if (!session.authenticated() && !spec.has(CommandFlag.NO_AUTH) && server.acl().authRequired()) {
            reject(session, reply, Errors.NOAUTH, command);
            return;
        }
        if (session.inMulti() && spec.has(CommandFlag.NO_MULTI)) {
            reject(session, reply, Errors.NOT_ALLOWED_IN_MULTI, command);
            return;
        }
        // One field read for a user allowed everything (the default user); the checks otherwise.
        AclUser user = session.user();
        if (!user.unrestricted()) {
            AclUsers.Denial denial = server.acl().check(user, command, args, 0);
            if (denial != null) {
                ctx.bind(session, args, reply, now);
                ctx.setOutermostArgs(args);
                AclDenials.log(ctx, denial, spec, args, 0, session.inMulti() ? "multi" : "toplevel");
                reject(session, reply, AclUsers.denialMessage(denial, spec, args, 0, false), command);
                return;
            }
        }
        // The AOF replay (Redis: while loading) and the master's stream neither evict nor are refused.
        if (server.config().maxmemory != 0 && !session.mustObey() && refusedForMemory(session, spec)) {
            reject(session, reply, Errors.OOM, command);
            return;
        }
        // The master's stream is obeyed whatever our disk says, as Redis does.
        String diskError = writesDeniedByDiskError(); // null in the normal case: nothing else is looked at
        if (diskError != null && !session.master() && (writes(session, spec) || spec.fullName().equals("ping"))) {
            reject(session, reply, diskError, command);
            return;
        }
        if (server.readOnlyReplica() && !session.master() && writes(session, spec)) {
            reject(session, reply, Errors.READONLY_REPLICA, command);
            return;
        }
        if (session.inPubSubContext() && session.protocol() == 2 && !runsWhileSubscribed(spec)) {
            reject(session, reply, Errors.subscribedContext(spec.fullName()), command);
            return;
        }
        // A monitor is a replica to Redis: any command that reads or writes keys is refused.
        if (session.monitoring() && (spec.has(CommandFlag.READONLY) || spec.has(CommandFlag.WRITE)
                || spec.has(CommandFlag.MAY_REPLICATE))) {
            reject(session, reply, Errors.REPLICA_KEYSPACE, command);
            return;
        }
        if (!server.config().replicaServeStaleData && server.masterLink().replicating()
                && !server.masterLink().linkUp() && deniedWhenStale(session, spec)) {
            reject(session, reply, Errors.MASTERDOWN, command);
            return;
        }
        if (server.busyScript()) {
            // Redis's processCommand while a script runs past busy-reply-threshold
            if (!spec.has(CommandFlag.ALLOW_BUSY)) {
                reject(session, reply, Errors.SCRIPT_BUSY, command);
                return;
            }
            executeBesideScript(session, command, args, reply, now);
            return;
        }
        // CLIENT PAUSE holds the command (queued ones too) until the pause ends; replicas,
        // monitors, the master's stream and the AOF replay are never held.
        if (server.clientPause().mode() != null && heldByPause(session, spec)) {
            session.setBlocked(true);
            postponed.add(new Postponed(session, args.copy()));
            return;
        }
        if (session.inMulti()) {
            if (!runsInsideMulti(spec)) {
                // A doomed transaction keeps no more commands (Redis 7.0 neither), yet says QUEUED.
                if (!session.queueDoomed()) {
                    session.queue(args.copy());
                }
                reply.status("QUEUED");
                return;
            }
        }
        long offsetBefore = server.replicaLinks().masterOffset();
        invoke(session, command, args, reply, now, null);
        // WAIT counts replicas that got this client's last propagated write (Redis's c->woff).
        long offsetAfter = server.replicaLinks().masterOffset();
        if (offsetAfter != offsetBefore) {
            session.setWriteOffset(offsetAfter);
        }
        // Clients waiting on keys this command (or the whole EXEC) made ready are served now,
        // never in the middle of a transaction.
        if (blocked.hasReadyKeys()) {
            serveReadyKeys();
        }
    }

    /**
     * An allow-busy command (SCRIPT KILL, SHUTDOWN, AUTH, MULTI...) of another client, run from
     * inside the script that made the server busy: the script's command context is saved and put
     * back, and no blocked client is served in the middle of the script.
     */
    private void executeBesideScript(ClientSession session, Command command, Arguments args, ReplySink reply,
                                     long now) {
        if (session.inMulti() && !runsInsideMulti(command.spec())) {
            if (!session.queueDoomed()) {
                session.queue(args.copy());
            }
            reply.status("QUEUED");
            return;
        }
        CommandContext.Saved saved = ctx.save();
        try {
            invoke(session, command, args, reply, now, null);
        } finally {
            ctx.load(saved);
        }
    }

    /**
     * Runs a command that passed every check as part of the running one (EXEC's queue): it
     * shares the outer command's time, and its writes join the outer command's unit.
     */
    public void call(ClientSession session, Command command, Arguments args, ReplySink reply) {
        if (depth == 0) {
            invoke(session, command, args, reply, server.clock().millis(), null);
            return;
        }
        ClientSession outerSession = ctx.session();
        Arguments outerArgs = ctx.args();
        ReplySink outerReply = ctx.reply();
        long outerNow = ctx.now();
        try {
            invoke(session, command, args, reply, unitNow, null);
        } finally {
            ctx.restore(outerSession, outerArgs, outerReply, outerNow);
        }
    }

    /**
     * Counts the command, runs it, and propagates its effect as part of the current unit.
     * {@code readyKey} is non-null when a blocked client's command runs again for that key (it
     * was counted when it first ran). Returns true when the command asked to block.
     */
    private boolean invoke(ClientSession session, Command command, Arguments args, ReplySink reply, long now,
                           byte[] readyKey) {
        long dirtyBefore = server.stats().dirty;
        long errorsBefore = server.stats().errorReplies;
        long attributedBefore = attributedErrors;
        long started = server.clock().nanos();
        CommandSpec spec = command.spec();
        PropagationUnit unit = server.propagation();
        if (depth++ == 0) {
            unitNow = now;
            ctx.setOutermostArgs(args);
        }
        unit.open();
        // While a background snapshot walks the keyspace, a command that may write hands the
        // keys it looks up to the snapshot before it can change them (copy-on-write per key).
        io.jredis.domain.keyspace.SnapshotWalk walk = server.keyspace().walk();
        boolean wasWriting = walk != null && walk.writing(!spec.has(CommandFlag.READONLY));
        try {
            ctx.bind(session, args, reply, now);
            ctx.serving(readyKey);
            command.execute(ctx);
            boolean blockRequested = ctx.blockRequested() && depth == 1;
            if (blockRequested && readyKey == null) {
                blocked.block(session, command, ctx.blockArgs() != null ? ctx.blockArgs() : args.copy(), session.db(),
                        ctx.blockKeys(), ctx.blockDeadline());
            }
            long nanos = server.clock().nanos() - started;
            long micros = nanos / 1000;
            // A blocked client's command is shown once, when it first runs (Redis: not when reprocessed).
            if (readyKey == null && server.monitors().active() && !spec.has(CommandFlag.ADMIN)
                    && !spec.has(CommandFlag.SKIP_MONITOR) && !session.aofReplay()) {
                server.monitors().feed(server.clock().micros(), session.db(), session.connection().remoteAddress(),
                        spec.fullName(), args);
            }
            if (!blockRequested) {
                slowlog(session, spec, args, micros);
            }
            if (readyKey == null) {
                CallStats cs = registry.stats(command);
                cs.calls++;
                cs.micros += micros;
                cs.record(nanos);
                if (server.config().latencyMonitorThreshold != 0) {
                    server.latency().sample(server.config(), spec.has(CommandFlag.FAST) ? "fast-command" : "command",
                            micros / 1000, server.clock().millis() / 1000);
                }
                // Errors of commands run inside this one (EXEC) count for them, not for this one.
                long own = server.stats().errorReplies - errorsBefore - (attributedErrors - attributedBefore);
                if (own > 0) {
                    cs.failed++;
                    attributedErrors += own;
                }
                server.stats().commandsProcessed++;
            }
            // EXEC is not a write itself: the commands it runs propagate one by one, in its unit.
            // A forced propagation may come from a read-only command too (PFCOUNT refreshing its cache).
            if (server.writeLog().active()
                    && (spec.has(CommandFlag.WRITE) && server.stats().dirty != dirtyBefore || ctx.propagationForced())
                    && !ctx.propagationSuppressed()) {
                List<byte[]> argv = ctx.propagation();
                unit.append(session.db(), argv != null ? argv : args.toList());
            }
            return blockRequested;
        } finally {
            if (walk != null && !walk.closed()) {
                walk.writing(wasWriting);
            }
            depth--;
            unit.close(!spec.has(CommandFlag.TOUCHES_ARBITRARY_KEYS));
        }
    }

    /**
     * Logs a finished command in SLOWLOG when it took long enough, as Redis's call(): not the
     * AOF replay, not commands flagged skip_slowlog (EXEC: its commands are logged one by one),
     * and a blocked command only once its wait ended.
     */
    private void slowlog(ClientSession session, CommandSpec spec, Arguments args, long micros) {
        if (!io.jredis.application.server.Slowlog.wanted(server.config(), micros)
                || spec.has(CommandFlag.SKIP_SLOWLOG) || session.aofReplay()) {
            return;
        }
        server.slowlog().push(server.config(), args, spec.fullName(), micros, server.clock().millis() / 1000,
                session.connection().remoteAddress(), session.name());
    }

    // ---------------------------------------------------------------- blocked clients

    /**
     * Serves clients blocked on keys that writes made ready, first come first served, until no
     * key is ready: a served BLMOVE may make its destination ready in turn. Each waiter's
     * command runs again for the ready key with its own reply sink; one that still finds
     * nothing keeps its place and deadline.
     */
    private void serveReadyKeys() {
        while (blocked.hasReadyKeys()) {
            BlockedClients.BlockedKey key = blocked.nextReady();
            for (BlockedClients.Waiter w : blocked.waitersOf(key)) {
                if (blocked.waiter(w.session()) != w) {
                    continue; // served meanwhile through another of its keys
                }
                long now = server.clock().millis();
                if (server.keyspace().db(key.db()).peek(key.key(), now) == null
                        && !w.command().servesDeletedKey()) {
                    continue;
                }
                ClientSession s = w.session();
                if (!invoke(s, w.command(), w.args(), s.connection().replySink(), now, key.key())) {
                    blocked.unblock(s);
                    s.connection().wake();
                }
            }
        }
    }

    /** Clients whose command waits for a CLIENT PAUSE to end (INFO counts them as blocked). */
    public int pausedClients() {
        return postponed.size();
    }

    /** The nearest deadline of a blocked client or of a pause in unix ms of the server clock, 0 when none. */
    public long nearestBlockDeadline() {
        long d = blocked.nearestDeadline();
        long pauseEnd = server.clientPause().end();
        if (pauseEnd != 0 && (d == 0 || pauseEnd < d)) {
            return pauseEnd;
        }
        return d;
    }

    // ---------------------------------------------------------------- CLIENT PAUSE

    /** A command held by CLIENT PAUSE, run again when the pause ends. */
    private record Postponed(ClientSession session, Arguments args) {
    }

    private final java.util.ArrayDeque<Postponed> postponed = new java.util.ArrayDeque<>();

    /** Redis's pause test: everything in ALL mode; in WRITE mode what may write (or an EXEC of such). */
    private boolean heldByPause(ClientSession session, CommandSpec spec) {
        if (session.mustObey() || session.isReplica() || session.monitoring()) {
            return false;
        }
        if (server.clientPause().mode() == io.jredis.application.server.ClientPause.Mode.ALL) {
            return true;
        }
        if (spec.has(CommandFlag.WRITE) || spec.has(CommandFlag.MAY_REPLICATE)) {
            return true;
        }
        if (session.inMulti() && spec.fullName().equals("exec")) {
            for (Arguments queued : session.queued()) {
                Command c = resolve(queued);
                if (c != null && (c.spec().has(CommandFlag.WRITE) || c.spec().has(CommandFlag.MAY_REPLICATE))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The pause ended (CLIENT UNPAUSE, its timeout): the held commands run in arrival order, each
     * replying to its client out of turn; their clients then resume their buffered commands.
     */
    public void resumePaused() {
        int n = postponed.size();
        for (int i = 0; i < n && server.clientPause().mode() == null; i++) {
            Postponed p = postponed.poll();
            ClientSession s = p.session();
            s.setBlocked(false);
            execute(s, p.args(), s.connection().replySink());
            s.connection().wake();
        }
    }

    /** Replies the timeout (a null array) to every blocked client whose deadline passed. */
    public void timeoutBlockedClients() {
        long now = server.clock().millis();
        long pauseEnd = server.clientPause().end();
        if (pauseEnd != 0 && pauseEnd <= now) {
            server.clientPause().unpause();
            resumePaused();
        }
        BlockedClients.Waiter w;
        while ((w = blocked.firstExpired(now)) != null) {
            ClientSession s = w.session();
            blocked.unblock(s);
            slowlog(s, w.command().spec(), w.args(), 0);
            timeoutReply(w.command(), s, s.connection().replySink());
            s.connection().wake();
        }
    }

    /**
     * CLIENT UNBLOCK: ends a client's wait with the timeout reply or, when {@code error}, the
     * UNBLOCKED error. False when the client was not blocked.
     */
    public boolean unblock(ClientSession session, boolean error) {
        BlockedClients.Waiter w = blocked.unblock(session);
        if (w == null) {
            return false;
        }
        ReplySink sink = session.connection().replySink();
        if (error) {
            sink.error(Errors.UNBLOCKED);
        } else {
            timeoutReply(w.command(), session, sink);
        }
        session.connection().wake();
        return true;
    }

    /**
     * A master became a replica: every blocked client's wait ends, as redis-server 7.0.15 ends
     * them — READONLY for a blocked write when the replica is read-only, otherwise UNBLOCKED
     * (the data they wait for would only come from the new master). Returns how many.
     */
    public int unblockAllForReplication() {
        List<ClientSession> waiting = new java.util.ArrayList<>();
        for (ClientSession s : server.clients().all()) {
            if (s.blocked() && blocked.waiter(s) != null) {
                waiting.add(s);
            }
        }
        for (ClientSession s : waiting) {
            BlockedClients.Waiter w = blocked.unblock(s);
            boolean write = w.command().spec().has(CommandFlag.WRITE);
            s.connection().replySink().error(server.readOnlyReplica() && write
                    ? Errors.READONLY_REPLICA : Errors.UNBLOCKED_BY_REPLICATION);
            s.connection().wake();
        }
        return waiting.size();
    }

    /** The null array of the blocking pops, or what the command says (WAIT: its count). */
    private void timeoutReply(Command command, ClientSession session, ReplySink sink) {
        if (command instanceof io.jredis.application.blocking.TimeoutReply t) {
            t.timedOut(server, session, sink);
        } else {
            sink.nullArray();
        }
    }

    /** Looks up the command a queued argument list names (EXEC), already checked when queued. */
    public Command resolve(Arguments args) {
        Command command = registry.lookup(args);
        if (command != null && registry.isContainer(command) && args.count() >= 2) {
            command = registry.lookupSubcommand(command, args);
        }
        return command;
    }

    /** Redis's is_write_command: a write, or an EXEC whose queue holds one. */
    private boolean writes(ClientSession session, CommandSpec spec) {
        if (spec.has(CommandFlag.WRITE)) {
            return true;
        }
        if (!session.inMulti() || !spec.fullName().equals("exec")) {
            return false;
        }
        for (Arguments queued : session.queued()) {
            Command c = resolve(queued);
            if (c != null && c.spec().has(CommandFlag.WRITE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * With maxmemory set, every command first evicts as the policy says; if memory stays over the
     * limit, a command that may add data is refused (denyoom, an EXEC whose queue holds one), and
     * inside MULTI every command but EXEC, DISCARD, QUIT and RESET, since queuing takes memory.
     */
    private boolean refusedForMemory(ClientSession session, CommandSpec spec) {
        if (server.eviction().performBeforeCommand() != io.jredis.application.server.Eviction.Result.FAIL) {
            return false;
        }
        if (spec.has(CommandFlag.DENYOOM)) {
            return true;
        }
        String n = spec.fullName();
        if (n.equals("exec")) {
            if (!session.inMulti()) {
                return false;
            }
            for (Arguments queued : session.queued()) {
                Command c = resolve(queued);
                if (c != null && c.spec().has(CommandFlag.DENYOOM)) {
                    return true;
                }
            }
            return false;
        }
        return session.inMulti() && !n.equals("discard") && !n.equals("quit") && !n.equals("reset");
    }

    /** Redis's is_denystale_command: not flagged stale, or an EXEC whose queue holds such a command. */
    private boolean deniedWhenStale(ClientSession session, CommandSpec spec) {
        if (!spec.has(CommandFlag.STALE)) {
            return true;
        }
        if (!session.inMulti() || !spec.fullName().equals("exec")) {
            return false;
        }
        for (Arguments queued : session.queued()) {
            Command c = resolve(queued);
            if (c != null && !c.spec().has(CommandFlag.STALE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Redis's writeCommandsDeniedByDiskError, as the error to reply: the RDB's (save points set and
     * the last BGSAVE failed) first, then the AOF's (its last write or fsync failed); null if none.
     */
    private String writesDeniedByDiskError() {
        if (server.config().stopWritesOnBgsaveError && !server.persistence().lastSaveOk
                && !server.config().save.isBlank()) {
            return Errors.MISCONF;
        }
        String aof = server.appendOnlyFile().writeError();
        return aof == null ? null : Errors.misconfAof(aof);
    }

    /** What a RESP2 client may run while subscribed (Redis's processCommand list). */
    private static boolean runsWhileSubscribed(CommandSpec spec) {
        return switch (spec.fullName()) {
            case "ping", "subscribe", "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe",
                 "quit", "reset" -> true;
            default -> false;
        };
    }

    private static boolean runsInsideMulti(CommandSpec spec) {
        String n = spec.fullName();
        return n.equals("exec") || n.equals("discard") || n.equals("multi") || n.equals("watch")
                || n.equals("quit") || n.equals("reset");
    }

    private void reject(ClientSession session, ReplySink reply, String error, Command command) {
        if (command != null) {
            registry.stats(command).rejected++;
        }
        if (command != null && command.spec().fullName().equals("exec")) {
            // A refused EXEC ends the transaction (and the watches) it would have run, saying
            // why, as Redis's execCommandAbort; even outside MULTI.
            session.endMulti();
            server.watchedKeys().unwatchAll(session);
            reply.error(Errors.execAbort(error));
            return;
        }
        session.failMulti();
        reply.error(error);
    }
}
