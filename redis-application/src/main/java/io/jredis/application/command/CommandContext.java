package io.jredis.application.command;

import io.jredis.application.port.ReplySink;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import io.jredis.domain.keyspace.Database;

import java.util.List;

/**
 * What a running command sees: its client, its arguments, where to reply, and the server. One
 * instance is reused for every command (the command thread is single), so nothing is allocated
 * per call.
 */
public final class CommandContext {

    private final ServerState server;
    private final CommandExecutor executor;
    private ClientSession session;
    private Arguments args;
    private ReplySink reply;
    private long now;
    private List<byte[]> propagateAs;
    private boolean suppressPropagation;
    private boolean forcePropagation;
    private Arguments outermostArgs;
    private boolean blockRequested;
    private List<byte[]> blockKeys;
    private long blockDeadline;
    private byte[] readyKey;
    private Arguments blockArgs;

    CommandContext(ServerState server, CommandExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** The executor running this command: EXEC runs the queued commands through it. */
    public CommandExecutor executor() {
        return executor;
    }

    void bind(ClientSession session, Arguments args, ReplySink reply, long now) {
        this.session = session;
        this.args = args;
        this.reply = reply;
        this.now = now;
        this.propagateAs = null;
        this.suppressPropagation = false;
        this.forcePropagation = false;
        this.blockRequested = false;
        this.blockKeys = null;
        this.blockArgs = null;
        this.readyKey = null;
    }

    public ServerState server() {
        return server;
    }

    public ClientSession session() {
        return session;
    }

    public Arguments args() {
        return args;
    }

    /**
     * The arguments of the command the client sent: EXEC's while EXEC runs its queue (what
     * CLIENT LIST's argv-mem measures, as in Redis), otherwise the same as {@link #args()}.
     */
    public Arguments outermostArgs() {
        return outermostArgs;
    }

    void setOutermostArgs(Arguments args) {
        this.outermostArgs = args;
    }

    public ReplySink reply() {
        return reply;
    }

    /** The time of this command in unix ms: read once per command, as Redis caches it. */
    public long now() {
        return now;
    }

    /** The client's selected database. */
    public Database db() {
        return server.keyspace().db(session.db());
    }

    /**
     * A command changed a key: counts toward save points, and ends WATCHes on it. Every write
     * calls this for every key it really changed.
     */
    public void keyModified(byte[] key) {
        keyModified(session.db(), key);
    }

    /** {@link #keyModified(byte[])} for a key that is argument {@code i}; copies only when watched. */
    public void keyModified(Arguments args, int i) {
        server.keyspace().db(session.db()).recharge(args.array(), args.offset(i), args.length(i));
        server.watchedKeys().touch(session.db(), args.array(), args.offset(i), args.length(i));
        executor.blockedClients().signal(session.db(), args.array(), args.offset(i), args.length(i));
        server.stats().dirty++;
    }

    /**
     * Every modified key is also a possibly ready key: clients blocked on it are served after
     * the current top-level command (a push, a RENAME onto it, a type change they ignore).
     */
    public void keyModified(int db, byte[] key) {
        server.keyspace().db(db).recharge(key, 0, key.length);
        server.watchedKeys().touch(db, key);
        signalKeyReady(db, key);
        server.stats().dirty++;
    }

    /**
     * A keyspace notification about the key that is argument {@code i} (Redis's
     * notifyKeyspaceEvent): nothing is built unless notify-keyspace-events enables {@code type}.
     */
    public void notifyKeyspaceEvent(int type, String event, Arguments args, int i) {
        io.jredis.application.pubsub.KeyspaceEvents events = server.keyspaceEvents();
        if (events.enabled(type)) {
            events.notify(type, event, session.db(), args.array(), args.offset(i), args.length(i));
        }
    }

    /** {@link #notifyKeyspaceEvent(int, String, Arguments, int)} for a key held as bytes. */
    public void notifyKeyspaceEvent(int type, String event, byte[] key) {
        server.keyspaceEvents().notify(type, event, session.db(), key);
    }

    /** Clients blocked on the key get a chance to be served once the current command ends. */
    public void signalKeyReady(int db, byte[] key) {
        executor.blockedClients().signal(db, key, 0, key.length);
    }

    // ---------------------------------------------------------------- blocking

    /**
     * True when a command that finds nothing may block: a top-level command (or a blocked
     * client's command run again); inside MULTI/EXEC blocking commands act as their
     * non-blocking forms.
     */
    public boolean canBlock() {
        return executor.depth() == 1;
    }

    /**
     * The command waits for one of {@code keys} until {@code deadline} (unix ms, 0 = forever)
     * and replies nothing now. When a blocked client's command is run again and calls this, the
     * client keeps its place and its original deadline.
     */
    public void block(List<byte[]> keys, long deadline) {
        this.blockRequested = true;
        this.blockKeys = keys;
        this.blockDeadline = deadline;
    }

    /**
     * As {@link #block(List, long)}, running {@code runAgainWith} instead of a copy of the
     * arguments when a key becomes ready: XREAD fixes "$" to the id it stood for when it blocked.
     */
    public void block(List<byte[]> keys, long deadline, Arguments runAgainWith) {
        block(keys, deadline);
        this.blockArgs = runAgainWith;
    }

    Arguments blockArgs() {
        return blockArgs;
    }

    /**
     * The key a blocked client's command is run again for, or null on an ordinary call. The
     * command must serve from this key only (Redis serves a waiter from the key that became
     * ready, not from its first non-empty key).
     */
    public byte[] readyKey() {
        return readyKey;
    }

    void serving(byte[] key) {
        this.readyKey = key;
    }

    boolean blockRequested() {
        return blockRequested;
    }

    List<byte[]> blockKeys() {
        return blockKeys;
    }

    long blockDeadline() {
        return blockDeadline;
    }

    /** A change that does not name one key (FLUSHDB and the like). */
    public void dirty(long changes) {
        server.stats().dirty += changes;
    }

    /**
     * Replaces what replicas and the AOF receive for this command (SET EX as SET PXAT, and so
     * on); by default a write is propagated as it was sent.
     */
    public void propagateAs(List<byte[]> argv) {
        this.propagateAs = argv;
    }

    /** This command's effects must not be propagated as the command itself. */
    public void suppressPropagation() {
        this.suppressPropagation = true;
    }

    /** This write is propagated even if it left the dirty counter where it was (FLUSHALL saving at once). */
    public void forcePropagation() {
        this.forcePropagation = true;
    }

    boolean propagationForced() {
        return forcePropagation;
    }

    /** True while EXEC runs this command as part of a transaction (Redis's server.in_exec). */
    public boolean inTransaction() {
        return executor.depth() > 1;
    }

    List<byte[]> propagation() {
        return propagateAs;
    }

    boolean propagationSuppressed() {
        return suppressPropagation;
    }

    /** Everything a command binds here, kept while another command runs in the middle of it. */
    record Saved(ClientSession session, Arguments args, ReplySink reply, long now, List<byte[]> propagateAs,
                 boolean suppressPropagation, boolean forcePropagation, Arguments outermostArgs,
                 boolean blockRequested, List<byte[]> blockKeys, long blockDeadline, byte[] readyKey,
                 Arguments blockArgs) {
    }

    Saved save() {
        return new Saved(session, args, reply, now, propagateAs, suppressPropagation, forcePropagation,
                outermostArgs, blockRequested, blockKeys, blockDeadline, readyKey, blockArgs);
    }

    void load(Saved s) {
        session = s.session;
        args = s.args;
        reply = s.reply;
        now = s.now;
        propagateAs = s.propagateAs;
        suppressPropagation = s.suppressPropagation;
        forcePropagation = s.forcePropagation;
        outermostArgs = s.outermostArgs;
        blockRequested = s.blockRequested;
        blockKeys = s.blockKeys;
        blockDeadline = s.blockDeadline;
        readyKey = s.readyKey;
        blockArgs = s.blockArgs;
    }

    void restore(ClientSession session, Arguments args, ReplySink reply, long now) {
        bind(session, args, reply, now);
    }
}
