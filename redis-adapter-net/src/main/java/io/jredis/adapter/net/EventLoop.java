package io.jredis.adapter.net;

import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Errors;
import io.jredis.application.port.AppendOnlyFile;
import io.jredis.application.port.BusyScriptPump;
import io.jredis.application.port.CommandThread;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerCron;
import io.jredis.application.server.Stats;
import org.agrona.ExpandableArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The server's one thread: a NIO selector over the listening sockets and every client, which
 * also runs every command and the periodic cron, as Redis's event loop does. Replies to all
 * commands parsed from one read go out in one write; a client that does not read its replies
 * stops being read from (back-pressure) and is closed past its output-buffer limit.
 */
public final class EventLoop implements AutoCloseable, CommandThread, BusyScriptPump {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    /** Pending output above which a client's further input waits until it reads its replies. */
    private static final int PAUSE_READING_ABOVE = 4 * 1024 * 1024;
    /** Buffers grown past this are not pooled: left to the GC once drained. */
    private static final int POOLED_MAX_CAPACITY = 1024 * 1024;
    /** Bytes each pool keeps at most for reuse. */
    private static final long POOLED_MAX_BYTES = 4L * 1024 * 1024;
    /** Bytes handed to one socket write at most: a 16 KiB GET pipelined 16 deep fits. */
    private static final int DIRECT_OUTPUT = 256 * 1024;
    private static final ByteBuffer MAX_CLIENTS_REPLY = ByteBuffer.wrap(
            ("-" + Errors.MAX_CLIENTS + "\r\n").getBytes(StandardCharsets.US_ASCII));

    private final CommandExecutor executor;
    private final ServerCron cron;
    private final ServerConfig config;
    private final Stats stats;
    private final Selector selector;
    /** Made once: a method reference written at the call would allocate on every select. */
    private final Consumer<SelectionKey> dispatcher = this::dispatch;
    /** Listening sockets by "host:port". */
    private final Map<String, ServerSocketChannel> listeners = new LinkedHashMap<>();
    private final List<Connection> pendingClose = new ArrayList<>();
    /** Blocked clients that got their reply during the current event: flushed and resumed after it. */
    private final List<Connection> woken = new ArrayList<>();
    /** Connections given raw output (replication stream) since the last select: flushed before the next. */
    private final List<Connection> flushQueue = new ArrayList<>();
    /** Work other threads handed to the command thread ({@link #submit}). */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Clients whose replies wait for the append-only file's write at the end of this turn. */
    private final List<Connection> held = new ArrayList<>();
    /**
     * Every read lands here first; a connection keeps a buffer of its own (from
     * {@link #readBuffers}) only for an incomplete command, so idle connections hold none.
     */
    private ExpandableArrayBuffer sharedInput = new ExpandableArrayBuffer(Connection.INITIAL_READ);
    private ByteBuffer sharedInputView = ByteBuffer.wrap(sharedInput.byteArray());
    /** Bounded pools of buffers lent while input is incomplete or output unwritten. */
    private final BufferPool<ExpandableArrayBuffer> readBuffers = new BufferPool<>(
            () -> new ExpandableArrayBuffer(Connection.INITIAL_READ), ExpandableArrayBuffer::capacity,
            POOLED_MAX_CAPACITY, POOLED_MAX_BYTES);
    private final BufferPool<byte[]> writeBuffers = new BufferPool<>(
            () -> new byte[Connection.INITIAL_WRITE], b -> b.length, POOLED_MAX_CAPACITY, POOLED_MAX_BYTES);
    /**
     * Every reply write goes out through this one native buffer (replies are encoded in heap
     * arrays). Written from directly, the JDK would copy a heap buffer into a temporary direct
     * buffer of its own, looked up in a thread-local per call and as large as all that is pending.
     */
    private final ByteBuffer directOutput = ByteBuffer.allocateDirect(DIRECT_OUTPUT);
    private volatile boolean running = true;
    private Connection current;
    /** The connection whose script other clients are served from ({@link #serveOthers}), else null. */
    private Connection busy;
    private final Consumer<SelectionKey> besideScript = this::dispatchBesideScript;
    /**
     * The selector of the passes made from inside a busy script: the script runs within a select
     * of {@link #selector}, which cannot be selected again until it returns. Made on first use;
     * holds the listeners and the other clients only while a script is busy.
     */
    private Selector busySelector;
    private int nextFd = 8;
    private long nextCronNanos;

    public EventLoop(CommandExecutor executor, ServerCron cron) throws IOException {
        this.executor = executor;
        this.cron = cron;
        this.config = executor.server().config();
        this.stats = executor.server().stats();
        this.selector = Selector.open();
        executor.server().setCommandThread(this);
        executor.server().setBusyScriptPump(this);
    }

    @Override
    public void submit(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Task handed to the command thread failed", e);
            }
            resumeWoken();
        }
    }

    /**
     * Listens on every bind address at the configured port. An address starting with '-' is
     * optional (skipped when unavailable), as in redis.conf.
     *
     * @throws IOException naming the first required address that could not be bound
     */
    public void bind() throws IOException {
        listeners.putAll(open(config.port, config.bind, Map.of()));
    }

    /**
     * CONFIG SET port or bind: listens on what the configuration now says. Addresses that stay
     * keep their sockets; new ones are bound before the removed ones close, so on failure
     * (false) the server still listens exactly where it did.
     */
    public boolean rebind() {
        Map<String, ServerSocketChannel> fresh;
        try {
            fresh = open(config.port, config.bind, listeners);
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
            return false;
        }
        for (Map.Entry<String, ServerSocketChannel> old : listeners.entrySet()) {
            if (!fresh.containsKey(old.getKey())) {
                closeQuietly(old.getValue());
            }
        }
        listeners.clear();
        listeners.putAll(fresh);
        return true;
    }

    /**
     * The listeners for a port and bind list, keyed by "host:port": taken from {@code existing}
     * when already open, bound otherwise. Throws, closing what it bound, when a required
     * address cannot be bound.
     */
    private Map<String, ServerSocketChannel> open(int port, List<String> bind,
                                                  Map<String, ServerSocketChannel> existing) throws IOException {
        Map<String, ServerSocketChannel> result = new LinkedHashMap<>();
        List<ServerSocketChannel> opened = new ArrayList<>();
        for (String spec : bind) {
            boolean optional = spec.startsWith("-");
            String host = optional ? spec.substring(1) : spec;
            if (host.equals("*")) {
                host = "0.0.0.0";
            } else if (host.equals("::*")) {
                host = "::";
            }
            String id = host + ":" + port;
            ServerSocketChannel kept = existing.get(id);
            if (kept != null) {
                result.put(id, kept);
                continue;
            }
            ServerSocketChannel ch = ServerSocketChannel.open();
            try {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.bind(new InetSocketAddress(host, port), config.tcpBacklog);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_ACCEPT);
                opened.add(ch);
                result.put(id, ch);
                LOG.info("Listening on {}", id);
            } catch (IOException | RuntimeException e) {
                ch.close();
                if (!optional) {
                    opened.forEach(EventLoop::closeQuietly);
                    throw new IOException("Could not create server TCP listening socket " + id + ": bind: "
                            + e.getMessage(), e);
                }
                LOG.debug("Optional bind address {} unavailable: {}", host, e.toString());
            }
        }
        if (result.isEmpty()) {
            throw new IOException("Failed listening on port " + port + " (tcp), aborting.");
        }
        return result;
    }

    private static void closeQuietly(ServerSocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Runs until {@link #stop()}. */
    public void run() {
        nextCronNanos = System.nanoTime();
        while (running) {
            flushQueued();
            long waitNanos = nextCronNanos - System.nanoTime();
            long deadline = executor.nearestBlockDeadline();
            if (deadline != 0) {
                // a blocked client's timeout is kept to the millisecond, not to the cron's period
                long ms = Math.min(deadline - executor.server().clock().millis(), 60_000L);
                waitNanos = Math.min(waitNanos, ms * 1_000_000L);
            }
            if (cron.backgroundWorkReady()) {
                waitNanos = 0; // a snapshot walk has a slice to run: poll, do not sleep
            }
            try {
                if (waitNanos <= 0) {
                    selector.selectNow(dispatcher);
                } else {
                    // Rounded up: the last fraction of a millisecond before the cron is waited
                    // for, not spun through with selectNow.
                    selector.select(dispatcher, (waitNanos + 999_999) / 1_000_000);
                }
            } catch (IOException e) {
                LOG.error("Selector failed", e);
            }
            runTasks();
            closePending();
            runBackgroundSlice();
            if (executor.nearestBlockDeadline() != 0) {
                executor.timeoutBlockedClients();
                resumeWoken();
            }
            if (System.nanoTime() - nextCronNanos >= 0) {
                try {
                    cron.run();
                } catch (RuntimeException e) {
                    LOG.error("Periodic task failed", e);
                }
                closePending();
                nextCronNanos = System.nanoTime() + cron.periodMillis() * 1_000_000L;
            }
            flushHeld();
        }
        shutdownSockets();
    }

    private void runBackgroundSlice() {
        try {
            cron.runBackgroundSlice();
        } catch (RuntimeException e) {
            LOG.error("Background snapshot slice failed", e);
        }
    }

    /** Ends {@link #run()} from any thread. */
    public void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- busy script

    /**
     * Called from inside a script past busy-reply-threshold (its connection is {@link #current}):
     * one non-blocking pass accepting, reading and running the other clients' commands (the
     * executor answers BUSY to most) and writing their replies. The script's connection is
     * neither read nor written and its commands never run again from here; tasks of other
     * threads, the cron and blocked-client timeouts wait for the script's end.
     */
    @Override
    public boolean serveOthers() {
        Connection script = current;
        if (script == null || busy != null) {
            return !running; // a script without a client (AOF load, master stream): nothing to protect
        }
        if (script.in == sharedInput) {
            // the script's command (and what follows it) are views into the shared read buffer:
            // it becomes that connection's own, and the loop reads into a new one
            sharedInput = new ExpandableArrayBuffer(Connection.INITIAL_READ);
            sharedInputView = ByteBuffer.wrap(sharedInput.byteArray());
        }
        busy = script;
        try {
            if (busySelector == null) {
                busySelector = Selector.open();
            }
            // every listener and client but the script's, including those accepted since the last pass
            for (SelectionKey k : selector.keys()) {
                if (k.isValid() && k.attachment() != script && k.channel().keyFor(busySelector) == null) {
                    k.channel().register(busySelector, k.interestOps() & (SelectionKey.OP_ACCEPT
                            | SelectionKey.OP_READ), k.attachment());
                }
            }
            busySelector.selectNow(besideScript);
            closePending();
            flushHeld();
        } catch (IOException | RuntimeException e) {
            LOG.error("Serving clients during a busy script failed", e);
        } finally {
            busy = null;
            current = script;
        }
        return !running;
    }

    @Override
    public void scriptEnded() {
        if (busySelector == null) {
            return;
        }
        // deregistered now: a channel closed later must not wait for this selector to be freed
        for (SelectionKey k : busySelector.keys()) {
            k.cancel();
        }
        try {
            busySelector.selectNow();
        } catch (IOException e) {
            LOG.warn("Clearing the busy-script selector failed", e);
        }
    }

    private void dispatchBesideScript(SelectionKey key) {
        if (key.attachment() instanceof Connection c) {
            if (c == busy || c.closed || c.readPaused) {
                return; // the script's client is not read while it runs, as Redis protects it
            }
            handle(key);
        } else {
            handle(key);
        }
        resumeWoken();
    }

    // ---------------------------------------------------------------- events

    private void dispatch(SelectionKey key) {
        handle(key);
        resumeWoken();
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel());
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isWritable()) {
                onWritable(c);
            }
            if (key.isValid() && key.isReadable() && !c.closed) {
                onReadable(c);
            }
        } catch (IOException e) {
            closeNow(c);
        } catch (RuntimeException e) {
            LOG.error("Closing client id={} after an internal error", c.session == null ? -1 : c.session.id(), e);
            closeNow(c);
        }
    }

    private void accept(ServerSocketChannel server) {
        for (int i = 0; i < 1000; i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                LOG.warn("Accepting a client failed: {}", e.toString());
                return;
            }
            if (ch == null) {
                return;
            }
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (config.tcpKeepalive > 0) {
                    ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                }
                if (executor.server().clients().count() >= config.maxclients) {
                    ch.write(MAX_CLIENTS_REPLY.duplicate());
                    ch.close();
                    executor.server().clients().rejected();
                    continue;
                }
                SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
                Connection c = new Connection(ch, key, this, nextFd++);
                key.attach(c);
                c.session = executor.connect(c);
                LOG.debug("Accepted {}", c.remoteAddress());
            } catch (IOException e) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    private void onReadable(Connection c) throws IOException {
        int n = c.read();
        if (n < 0) {
            closeNow(c);
            return;
        }
        stats.netInputBytes += n;
        process(c);
    }

    private void process(Connection c) throws IOException {
        while (true) {
            boolean outputFull = runCommands(c);
            if (c.closed) {
                return;
            }
            c.compact();
            if (c.inLimit > config.clientQueryBufferLimit) {
                LOG.warn("Closing client that reached max query buffer length: {} (qbuf={})",
                        c.remoteAddress(), c.inLimit);
                closeNow(c);
                return;
            }
            flushOrWait(c);
            // Commands left in the query buffer because the output was full run once the socket
            // took the replies; when it did not, onWritable resumes them.
            if (!outputFull || c.closed || c.readPaused || (c.unwritten() > PAUSE_READING_ABOVE && !c.replica)) {
                return;
            }
        }
    }

    /**
     * Runs the complete commands in the query buffer. Stops early, returning true, once the
     * pending output passes the pause threshold: a pipeline of small requests for large replies
     * must not turn one read into an unbounded output buffer.
     */
    private boolean runCommands(Connection c) {
        if (c.in == null) {
            return false; // no input pending
        }
        current = c;
        try {
            // A blocked client runs none of its further commands until it is served (as Redis).
            while (!c.closeAfterWrite && !c.closed && !c.session.blocked()) {
                if (c.unwritten() > PAUSE_READING_ABOVE && !c.replica) {
                    return true;
                }
                c.out.protocol(c.session.protocol());
                RespParser.Result r = c.parser.parse(c.in, c.inLimit, c.args, config.protoMaxBulkLen,
                        c.session.authenticated());
                if (r == RespParser.Result.COMMAND) {
                    int mark = c.out.pending();
                    executor.execute(c.session, c.args, c.replyTarget());
                    // CLIENT REPLY OFF|SKIP: decided after the command, so REPLY ON and RESET answer
                    if (c.session.repliesSuppressed()) {
                        c.out.truncate(mark);
                    }
                    c.session.commandProcessed();
                    if (c.session.closing()) {
                        c.closeAfterWrite = true;
                    }
                } else if (r == RespParser.Result.ERROR) {
                    LOG.debug("Protocol error ({}) from client {}", c.parser.error(), c.remoteAddress());
                    c.out.error("ERR " + c.parser.error());
                    c.closeAfterWrite = true;
                } else {
                    return false;
                }
            }
            return false;
        } finally {
            current = null;
        }
    }

    private void onWritable(Connection c) throws IOException {
        flushOrWait(c);
        if (!c.closed && c.readPaused && c.unwritten() < PAUSE_READING_ABOVE / 2) {
            c.readPaused = false;
            c.key.interestOps(c.key.interestOps() | SelectionKey.OP_READ);
            process(c); // input that arrived while paused may hold complete commands
        }
    }

    private void flushOrWait(Connection c) throws IOException {
        if (c.unwritten() > 0 && aof().holdsReplies()) {
            // Writes of this turn must reach the append-only file (fsynced with appendfsync
            // always) before any reply leaves, so no client sees data a crash could still lose.
            // Replies wait for the end of the turn: one write and one fsync for all of them.
            if (!c.replyHeld) {
                c.replyHeld = true;
                held.add(c);
            }
            return;
        }
        if (c.unwritten() == 0 || c.flush()) {
            if (c.closeAfterWrite) {
                closeNow(c);
                return;
            }
            if ((c.key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_WRITE);
            }
            return;
        }
        // A replica's limits (the replica class) are applied by the replication side, which
        // knows what part of the output is the snapshot.
        if (!c.replica && outputLimitExceeded(c)) {
            LOG.warn("Client {} closed for overcoming of output buffer limits.", c.remoteAddress());
            closeNow(c);
            return;
        }
        int ops = c.key.interestOps() | SelectionKey.OP_WRITE;
        if (c.unwritten() > PAUSE_READING_ABOVE && !c.replica) {
            ops &= ~SelectionKey.OP_READ;
            c.readPaused = true;
        }
        c.key.interestOps(ops);
    }

    private AppendOnlyFile aof() {
        return executor.server().appendOnlyFile();
    }

    /**
     * The end of a loop turn: the append-only file writes (and with appendfsync always fsyncs)
     * what this turn's commands wrote, then the held replies go out. Flushing a client may run
     * the commands left in its query buffer, which may hold replies again: repeated until none.
     */
    private void flushHeld() {
        boolean busyHeld = false;
        while (!held.isEmpty()) {
            aof().beforeReplies();
            Connection[] batch = held.toArray(new Connection[0]);
            held.clear();
            for (Connection c : batch) {
                if (c == busy) {
                    busyHeld = true; // stays held: flushed once its script ended
                    continue;
                }
                c.replyHeld = false;
                if (c.closed) {
                    continue;
                }
                try {
                    boolean more = c.inLimit > 0 && !c.closeAfterWrite && !c.session.blocked();
                    boolean paused = c.readPaused;
                    // flushes, and resumes a client paused for its output once that drained
                    onWritable(c);
                    // as process() goes on after a flush: commands that stopped because the output
                    // was full run once it is below the pause threshold (else onWritable resumes them)
                    if (!paused && more && !c.closed && !c.readPaused && c.unwritten() <= PAUSE_READING_ABOVE) {
                        process(c);
                    }
                } catch (IOException e) {
                    closeNow(c);
                } catch (RuntimeException e) {
                    LOG.error("Closing client id={} after an internal error", c.session.id(), e);
                    closeNow(c);
                }
            }
            resumeWoken();
        }
        if (busyHeld) {
            held.add(busy);
        }
    }

    // ---------------------------------------------------------------- blocked clients

    /**
     * A client got output out of turn: a blocked client's reply (from another client's command,
     * a timeout or CLIENT UNBLOCK) or a published message. Flushed after the current event; a
     * client past its output-buffer limit is closed instead and gets nothing more, so a slow
     * subscriber never makes an unbounded buffer.
     */
    void wake(Connection c) {
        if (c.closed || c.outputLimitReached) {
            return;
        }
        if (!c.replica && outputLimitExceeded(c)) {
            c.outputLimitReached = true;
            LOG.warn("Client id={} addr={} scheduled to be closed ASAP for overcoming of output buffer limits.",
                    c.session.id(), c.remoteAddress());
            closeLater(c);
            return;
        }
        if (!c.wakeQueued) {
            c.wakeQueued = true;
            woken.add(c);
        }
    }

    /**
     * Redis's checkClientOutputBufferLimits for the client's class (pubsub while subscribed,
     * normal otherwise): at or past the hard limit, or past the soft limit for longer than its
     * seconds.
     */
    private boolean outputLimitExceeded(Connection c) {
        long[] limit = c.session != null && c.session.inPubSubContext()
                ? config.outputLimitPubsub : config.outputLimitNormal;
        long used = c.unwritten();
        if (limit[0] > 0 && used >= limit[0]) {
            return true;
        }
        if (limit[1] > 0 && used >= limit[1]) {
            long now = executor.server().clock().millis();
            if (c.softLimitSince == 0) {
                c.softLimitSince = now;
                return false;
            }
            return (now - c.softLimitSince) / 1000 > limit[2];
        }
        c.softLimitSince = 0;
        return false;
    }

    /**
     * Flushes the replies of woken clients and runs the commands they had buffered while
     * blocked; those may wake further clients, handled in the same loop.
     */
    private void resumeWoken() {
        boolean busyWoken = false;
        while (!woken.isEmpty()) {
            Connection[] batch = woken.toArray(new Connection[0]);
            woken.clear();
            for (Connection c : batch) {
                c.wakeQueued = false;
            }
            for (Connection c : batch) {
                if (c == busy) {
                    busyWoken = true; // resumed once its script ended
                    continue;
                }
                if (c.closed) {
                    continue;
                }
                try {
                    if (c.session.blocked()) {
                        flushOrWait(c);
                    } else {
                        process(c);
                    }
                } catch (IOException e) {
                    closeNow(c);
                } catch (RuntimeException e) {
                    LOG.error("Closing client id={} after an internal error", c.session.id(), e);
                    closeNow(c);
                }
            }
        }
        if (busyWoken) {
            busy.wakeQueued = true;
            woken.add(busy);
        }
    }

    /** Raw output was queued for a connection outside its own turn: flush it before the next select. */
    void flushSoon(Connection c) {
        if (!c.flushQueued) {
            c.flushQueued = true;
            flushQueue.add(c);
        }
    }

    private void flushQueued() {
        if (flushQueue.isEmpty()) {
            return;
        }
        Connection[] batch = flushQueue.toArray(new Connection[0]);
        flushQueue.clear();
        for (Connection c : batch) {
            c.flushQueued = false;
            if (c.closed) {
                continue;
            }
            try {
                flushOrWait(c);
            } catch (IOException e) {
                closeNow(c);
            }
        }
        closePending();
    }

    // ---------------------------------------------------------------- closing

    /** Called by a connection when a command closes it (CLIENT KILL, idle timeout). */
    void closeLater(Connection c) {
        if (c == current) {
            c.closeAfterWrite = true;
        } else if (!c.closed) {
            pendingClose.add(c);
        }
    }

    Stats stats() {
        return stats;
    }

    ExpandableArrayBuffer sharedInput() {
        return sharedInput;
    }

    ByteBuffer sharedInputView() {
        return sharedInputView;
    }

    BufferPool<ExpandableArrayBuffer> readBuffers() {
        return readBuffers;
    }

    BufferPool<byte[]> writeBuffers() {
        return writeBuffers;
    }

    ByteBuffer directOutput() {
        return directOutput;
    }

    void bytesWritten(int n) {
        stats.netOutputBytes += n;
    }

    private void closePending() {
        if (pendingClose.isEmpty()) {
            return;
        }
        List<Connection> list = new ArrayList<>(pendingClose);
        pendingClose.clear();
        for (Connection c : list) {
            if (c == busy) {
                pendingClose.add(c); // closed once its script ended
                continue;
            }
            closeNow(c);
        }
    }

    private void closeNow(Connection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        c.key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // nothing more to do for a socket that is going away
        }
        c.releaseBuffers();
        if (c.session != null) {
            executor.disconnect(c.session);
        }
    }

    private void shutdownSockets() {
        aof().beforeReplies();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c) {
                try {
                    c.flush();
                } catch (IOException ignored) {
                    // best effort on the way out
                }
                closeNow(c);
            }
        }
        listeners.values().forEach(EventLoop::closeQuietly);
        listeners.clear();
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
