package io.jredis.application.session;

import io.jredis.application.command.Arguments;
import io.jredis.application.port.ClientConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * What the server knows about one connected client: selected database, protocol, name,
 * authentication, the transaction being queued, and timings for CLIENT LIST.
 */
public final class ClientSession {

    private final long id;
    private final ClientConnection connection;
    private final long createdMillis;
    private int db;
    private int protocol = 2;
    private String name = "";
    private boolean authenticated;
    private io.jredis.application.acl.AclUser user = io.jredis.application.acl.AclUser.SUPERUSER;
    private long lastInteractionMillis;
    private long writeOffset;
    private boolean replica;
    private String lastCommand = "NULL";
    private String libName = "";
    private String libVersion = "";
    private boolean closing;
    private boolean noEvict;
    private boolean blocked;
    private boolean master;
    private boolean aofReplay;
    private io.jredis.application.pubsub.Subscriptions subscriptions;
    private boolean pubSubContext;

    // transaction state
    private boolean inMulti;
    private boolean multiFailed;
    private List<Arguments> queued;
    private final List<WatchedKey> watched = new ArrayList<>(0);
    private boolean watchedKeyTouched;

    public ClientSession(long id, ClientConnection connection, long nowMillis, boolean authenticated) {
        this.id = id;
        this.connection = connection;
        this.createdMillis = nowMillis;
        this.lastInteractionMillis = nowMillis;
        this.authenticated = authenticated;
    }

    /** The replication offset right after this client's last propagated write (WAIT). */
    public long writeOffset() {
        return writeOffset;
    }

    public void setWriteOffset(long offset) {
        this.writeOffset = offset;
    }

    /** One of our replicas (after PSYNC or SYNC): CLIENT LIST flag S, TYPE replica. */
    public boolean isReplica() {
        return replica;
    }

    public void markReplica() {
        this.replica = true;
    }

    public long id() {
        return id;
    }

    public ClientConnection connection() {
        return connection;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public int db() {
        return db;
    }

    public void selectDb(int db) {
        this.db = db;
    }

    /** 2 or 3, as chosen with HELLO. */
    public int protocol() {
        return protocol;
    }

    public void setProtocol(int protocol) {
        this.protocol = protocol;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The ACL user this client runs as: "default" until AUTH or HELLO AUTH says otherwise. */
    public io.jredis.application.acl.AclUser user() {
        return user;
    }

    public void setUser(io.jredis.application.acl.AclUser user) {
        this.user = user;
    }

    public boolean authenticated() {
        return authenticated;
    }

    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    public void touch(long nowMillis, String command) {
        this.lastInteractionMillis = nowMillis;
        this.lastCommand = command;
    }

    /** The last command run, as CLIENT LIST's cmd= shows it (e.g. "client|list"). */
    public String lastCommand() {
        return lastCommand;
    }

    public String libName() {
        return libName;
    }

    public void setLibName(String libName) {
        this.libName = libName;
    }

    public String libVersion() {
        return libVersion;
    }

    public void setLibVersion(String libVersion) {
        this.libVersion = libVersion;
    }

    /** Set by QUIT and CLIENT KILL: the connection ends once its pending replies are written. */
    public boolean closing() {
        return closing;
    }

    public void markClosing() {
        this.closing = true;
    }

    /** CLIENT NO-EVICT: shown as flag e; kept across RESET as Redis does. */
    public boolean noEvict() {
        return noEvict;
    }

    public void setNoEvict(boolean noEvict) {
        this.noEvict = noEvict;
    }

    /**
     * Waiting in a blocking command (BLPOP...): its connection runs none of its further commands
     * until it is served, times out or is unblocked.
     */
    public boolean blocked() {
        return blocked;
    }

    public void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    /**
     * The link to this server's own master (a replica's master client): its commands are
     * obeyed even on a read-only replica and its replies go nowhere. CLIENT LIST flag M.
     */
    public boolean master() {
        return master;
    }

    public void markMaster() {
        this.master = true;
        this.user = io.jredis.application.acl.AclUser.SUPERUSER;
    }

    /** The client that replays the append-only file at start-up (Redis's CLIENT_ID_AOF). */
    public void markAofReplay() {
        this.aofReplay = true;
        this.user = io.jredis.application.acl.AclUser.SUPERUSER;
    }

    private boolean monitoring;

    /** CLIENT REPLY: ON, OFF, SKIP_NEXT (this command said SKIP), SKIP (this command's reply is dropped). */
    public enum ReplyMode { ON, OFF, SKIP_NEXT, SKIP }

    private ReplyMode replyMode = ReplyMode.ON;

    public void setReplyMode(ReplyMode mode) {
        if (mode == ReplyMode.SKIP_NEXT && replyMode == ReplyMode.OFF) {
            return; // SKIP while OFF changes nothing, as in Redis
        }
        this.replyMode = mode;
    }

    /** True while replies to this client are dropped (CLIENT REPLY OFF, or the command after SKIP). */
    public boolean repliesSuppressed() {
        return replyMode == ReplyMode.OFF || replyMode == ReplyMode.SKIP;
    }

    /** A command of this client was processed: a SKIP lasts for exactly the next command. */
    public void commandProcessed() {
        if (replyMode == ReplyMode.SKIP) {
            replyMode = ReplyMode.ON;
        } else if (replyMode == ReplyMode.SKIP_NEXT) {
            replyMode = ReplyMode.SKIP;
        }
    }

    /** A MONITOR client: CLIENT LIST flag O; it may not touch the keyspace. */
    public boolean monitoring() {
        return monitoring;
    }

    public void setMonitoring(boolean monitoring) {
        this.monitoring = monitoring;
    }

    public boolean aofReplay() {
        return aofReplay;
    }

    /**
     * Redis's mustObeyClient: the master's stream and the AOF replay are applied as written,
     * even where a normal client would be refused (e.g. XADD's {@code MAXLEN = n LIMIT x}, which
     * Redis itself propagates).
     */
    public boolean mustObey() {
        return master || aofReplay;
    }

    // ---------------------------------------------------------------- pub/sub

    /** The client's subscriptions, null until its first; changed only through PubSub. */
    public io.jredis.application.pubsub.Subscriptions subscriptions() {
        return subscriptions;
    }

    public void setSubscriptions(io.jredis.application.pubsub.Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * Redis's CLIENT_PUBSUB: set by a subscribe command, cleared when an unsubscribe leaves no
     * subscription of any kind (or by RESET). A RESP2 client in this context runs only the
     * subscribe commands, PING, QUIT and RESET; CLIENT LIST shows flag P and TYPE pubsub.
     */
    public boolean inPubSubContext() {
        return pubSubContext;
    }

    public void setPubSubContext(boolean pubSubContext) {
        this.pubSubContext = pubSubContext;
    }

    // ---------------------------------------------------------------- transactions

    public boolean inMulti() {
        return inMulti;
    }

    public void beginMulti() {
        inMulti = true;
        multiFailed = false;
        queued = new ArrayList<>();
    }

    /** An error while queuing: EXEC will answer EXECABORT. */
    public void failMulti() {
        if (inMulti) {
            multiFailed = true;
        }
    }

    public boolean multiFailed() {
        return multiFailed;
    }

    /**
     * True when EXEC will not run the queue anyway (a queuing error, or a watched key changed):
     * Redis 7.0 then stops storing queued commands, which CLIENT LIST's multi= shows.
     */
    public boolean queueDoomed() {
        return multiFailed || watchedKeyTouched;
    }

    public void queue(Arguments args) {
        queued.add(args);
    }

    public List<Arguments> queued() {
        return queued == null ? List.of() : queued;
    }

    public void endMulti() {
        inMulti = false;
        multiFailed = false;
        queued = null;
    }

    /** The keys this client watches; changed only through {@link WatchedKeys}. */
    public List<WatchedKey> watched() {
        return watched;
    }

    /** A watched key changed: the next EXEC fails. */
    public boolean watchedKeyTouched() {
        return watchedKeyTouched;
    }

    public void setWatchedKeyTouched(boolean touched) {
        this.watchedKeyTouched = touched;
    }
}
