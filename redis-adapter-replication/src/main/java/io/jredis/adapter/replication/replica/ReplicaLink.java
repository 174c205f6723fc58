package io.jredis.adapter.replication.replica;

import io.jredis.adapter.replication.rdb.RdbFormatException;
import io.jredis.adapter.replication.rdb.RdbSnapshotStore;
import io.jredis.application.command.Arguments;
import io.jredis.application.port.SnapshotStore;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One replica link to one master, on its own thread with a blocking socket: connect, handshake
 * (PING, AUTH, REPLCONF listening-port and capa, PSYNC), a full resync (the RDB in either
 * transfer form, loaded into a fresh keyspace here, swapped in on the command thread) or a
 * partial one, then the command stream, parsed here and applied on the command thread. A lost
 * connection is retried with back-off, partial resync first, until {@link #stop()}.
 */
final class ReplicaLink implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");
    /** How long a read waits before the link looks at the clock (ACKs, timeouts, stop). */
    private static final int POLL_MILLIS = 200;
    private static final long ACK_PERIOD_NANOS = 1_000_000_000L;
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final ReplicaReplication owner;
    private final ServerConfig config;
    final String host;
    final int port;
    private Thread thread;
    private volatile boolean stopped;
    private volatile Socket socket;
    private OutputStream out;

    volatile LinkState state = LinkState.CONNECT;
    /** The master offset of the last stream byte read (slave_read_repl_offset). */
    volatile long readOffset;
    volatile long lastIoNanos;
    /** RDB transfer size (-1 in the EOF form) and bytes read of it so far. */
    volatile long transferSize = -1;
    volatile long transferRead;
    private long lastAckNanos;

    ReplicaLink(ReplicaReplication owner, ServerConfig config, String host, int port) {
        this.owner = owner;
        this.config = config;
        this.host = host;
        this.port = port;
    }

    void start() {
        thread = Thread.ofPlatform().name("jredis-replica-link").daemon(true).start(this);
    }

    /** Ends the link for good (REPLICAOF elsewhere or NO ONE); returns at once. */
    void stop() {
        stopped = true;
        dropConnection();
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Closes the socket: the link thread notices, and reconnects unless stopped. */
    void dropConnection() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }

    String remoteAddress() {
        Socket s = socket;
        return s == null ? host + ":" + port
                : s.getInetAddress().getHostAddress() + ":" + s.getPort();
    }

    String localAddress() {
        Socket s = socket;
        return s == null ? "" : s.getLocalAddress().getHostAddress() + ":" + s.getLocalPort();
    }

    int fd() {
        Socket s = socket;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public void run() {
        long backoff = 100;
        while (!stopped) {
            boolean linked = false;
            try {
                linked = connectAndFollow();
            } catch (LinkFailure e) {
                linked = e.linked;
                if (!stopped) {
                    LOG.warn(e.getMessage());
                }
            } catch (InterruptedException e) {
                break;
            } finally {
                closeQuietly();
            }
            if (stopped) {
                break;
            }
            state = LinkState.CONNECT;
            if (linked) {
                LOG.warn("Connection with master lost.");
                if (!owner.lost(this)) {
                    break;
                }
                backoff = 100;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                break;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /** Why a link ended; {@code linked} when the master client existed (its state must be cached). */
    private static final class LinkFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean linked;

        LinkFailure(String message, boolean linked) {
            super(message, null, false, false);
            this.linked = linked;
        }
    }

    /** Returns only when stopped; throws when the link fails. */
    private boolean connectAndFollow() throws LinkFailure, InterruptedException {
        boolean linked = false;
        try {
            state = LinkState.CONNECTING;
            LOG.info("Connecting to MASTER {}:{}", host, port);
            Socket s = new Socket();
            socket = s;
            if (stopped) {
                return false;
            }
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, config.replTimeout * 1000L));
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout(POLL_MILLIS);
            out = s.getOutputStream();
            lastIoNanos = System.nanoTime();
            LOG.info("MASTER <-> REPLICA sync started");
            state = LinkState.HANDSHAKE;
            MasterInput in = new MasterInput(s.getInputStream(), this::idle);
            handshake(in);
            String[] psync = owner.psyncTarget(this);
            if (psync == null) {
                return false;
            }
            if (psync[0].equals("?")) {
                LOG.info("Partial resynchronization not possible (no cached master)");
            } else {
                LOG.info("Trying a partial resynchronization (request {}:{}).", psync[0], psync[1]);
            }
            send("PSYNC", psync[0], psync[1]);
            String reply;
            do {
                reply = in.readLine(); // a master may send newlines while it prepares
            } while (reply.isEmpty());
            lastIoNanos = System.nanoTime();
            long startOffset;
            if (reply.startsWith("+FULLRESYNC")) {
                String[] parts = reply.split(" ");
                if (parts.length < 3) {
                    throw new LinkFailure("Master replied with wrong +FULLRESYNC syntax.", false);
                }
                String replId = parts[1];
                long offset = Long.parseLong(parts[2]);
                LOG.info("Full resync from master: {}:{}", replId, offset);
                fullSync(in, replId, offset);
                startOffset = offset;
            } else if (reply.startsWith("+CONTINUE")) {
                String rest = reply.substring("+CONTINUE".length()).trim();
                String newId = rest.length() == 40 ? rest : null;
                LOG.info("Successful partial resynchronization with master.");
                Long offset = owner.continued(this, newId);
                if (offset == null) {
                    return false;
                }
                LOG.info("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.");
                startOffset = offset;
            } else if (reply.startsWith("-NOMASTERLINK") || reply.startsWith("-LOADING")) {
                throw new LinkFailure("Master is currently unable to PSYNC but should be in the future: " + reply, false);
            } else {
                throw new LinkFailure("Unexpected reply to PSYNC from master: " + reply, false);
            }
            linked = true;
            state = LinkState.CONNECTED;
            follow(in, startOffset);
            return true;
        } catch (IOException | RuntimeException e) {
            if (stopped) {
                return linked;
            }
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (state == LinkState.TRANSFER) {
                throw new LinkFailure("I/O error trying to sync with MASTER: " + why, linked);
            }
            if (state == LinkState.CONNECTING) {
                throw new LinkFailure("Error condition on socket for SYNC: " + why, linked);
            }
            throw new LinkFailure(linked ? "Lost the master link: " + why : "Replication handshake failed: " + why, linked);
        } catch (RdbFormatException e) {
            throw new LinkFailure("Failed trying to load the MASTER synchronization DB from socket: " + e.getMessage()
                    + " (at byte " + e.offset() + ")", linked);
        } catch (MasterStreamParser.ProtocolError e) {
            throw new LinkFailure("Protocol error from MASTER: " + e.getMessage(), linked);
        }
    }

    private void handshake(MasterInput in) throws IOException, LinkFailure {
        send("PING");
        String reply = in.readLine();
        // An error about authentication still shows the master is there: AUTH comes next.
        if (reply.startsWith("-") && !reply.startsWith("-NOAUTH") && !reply.startsWith("-NOPERM")
                && !reply.startsWith("-ERR operation not permitted")) {
            throw new LinkFailure("Error reply to PING from master: '" + reply.substring(1) + "'", false);
        }
        LOG.info("Master replied to PING, replication can continue...");
        if (!config.masterauth.isEmpty()) {
            if (config.masteruser.isEmpty()) {
                send("AUTH", config.masterauth);
            } else {
                send("AUTH", config.masteruser, config.masterauth);
            }
            reply = in.readLine();
            if (reply.startsWith("-")) {
                throw new LinkFailure("Unable to AUTH to MASTER: " + reply.substring(1), false);
            }
        }
        int announcedPort = config.replicaAnnouncePort != 0 ? config.replicaAnnouncePort : config.port;
        send("REPLCONF", "listening-port", Integer.toString(announcedPort));
        reply = in.readLine();
        if (reply.startsWith("-")) {
            LOG.info("(Non critical) Master does not understand REPLCONF listening-port: {}", reply.substring(1));
        }
        if (!config.replicaAnnounceIp.isEmpty()) {
            send("REPLCONF", "ip-address", config.replicaAnnounceIp);
            reply = in.readLine();
            if (reply.startsWith("-")) {
                LOG.info("(Non critical) Master does not understand REPLCONF ip-address: {}", reply.substring(1));
            }
        }
        send("REPLCONF", "capa", "eof", "capa", "psync2");
        reply = in.readLine();
        if (reply.startsWith("-")) {
            LOG.info("(Non critical) Master does not understand REPLCONF capa: {}", reply.substring(1));
        }
    }

    /** Receives the RDB after +FULLRESYNC, loads it off the command thread, and has it swapped in. */
    private void fullSync(MasterInput in, String replId, long offset)
            throws IOException, RdbFormatException, LinkFailure, InterruptedException {
        state = LinkState.TRANSFER;
        transferRead = 0;
        transferSize = -1;
        String line;
        do {
            line = in.readLine(); // newlines keep the link alive while the master prepares the RDB
            lastIoNanos = System.nanoTime();
        } while (line.isEmpty());
        if (line.startsWith("-")) {
            throw new LinkFailure("MASTER aborted replication with an error: " + line.substring(1), false);
        }
        if (!line.startsWith("$")) {
            throw new LinkFailure("Bad protocol from MASTER, the first byte is not '$' (we received '" + line
                    + "'), are you sure the host and port are right?", false);
        }
        boolean eofForm = line.startsWith("$EOF:");
        InputStream rdb;
        if (eofForm) {
            byte[] mark = line.substring(5).getBytes(StandardCharsets.ISO_8859_1);
            if (mark.length != 40) {
                throw new LinkFailure("Bad EOF mark from MASTER: '" + line + "'", false);
            }
            LOG.info("MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to memory");
            rdb = in.untilMark(mark);
        } else {
            long size = Long.parseLong(line.substring(1));
            transferSize = size;
            LOG.info("MASTER <-> REPLICA sync: receiving {} bytes from master to memory", size);
            rdb = in.exactly(size);
        }
        InputStream counted = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = rdb.read();
                if (b >= 0) {
                    transferRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = rdb.read(b, off, len);
                if (n > 0) {
                    transferRead += n;
                    lastIoNanos = System.nanoTime();
                }
                return n;
            }
        };
        Keyspace fresh = new Keyspace(config.databases, KeyspaceListener.NONE);
        java.util.Map<String, String> replInfo = new java.util.HashMap<>();
        SnapshotStore.LoadResult loaded = RdbSnapshotStore.loadTransfer(counted, fresh, owner.now(), replInfo);
        if (counted.read() != -1) {
            throw new LinkFailure("MASTER <-> REPLICA sync: bytes after the end of the RDB payload", false);
        }
        LOG.info("MASTER <-> REPLICA sync: Loaded {} keys in memory", loaded.keysLoaded());
        if (!owner.fullSyncLoaded(this, fresh, replId, offset, streamDb(replInfo))) {
            throw new LinkFailure("MASTER <-> REPLICA sync: the link was replaced during the transfer", false);
        }
        LOG.info("MASTER <-> REPLICA sync: Finished with success");
        if (eofForm) {
            // the master starts the stream only once this first ACK arrives (diskless transfer)
            sendAck(offset);
        }
    }

    /**
     * The database the stream after the snapshot starts in: the RDB's repl-stream-db (a chained
     * master passes its master's stream on without a SELECT first), else 0.
     */
    private int streamDb(java.util.Map<String, String> replInfo) {
        try {
            int db = Integer.parseInt(replInfo.getOrDefault("repl-stream-db", "0"));
            return db >= 0 && db < config.databases ? db : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Reads the stream, hands whole commands to the command thread in batches, ACKs every second. */
    private void follow(MasterInput in, long startOffset)
            throws IOException, MasterStreamParser.ProtocolError, InterruptedException {
        readOffset = startOffset + in.available();
        lastAckNanos = System.nanoTime();
        while (!stopped) {
            dispatch(in);
            int n = in.fill();
            lastIoNanos = System.nanoTime();
            readOffset += n;
            ackIfDue();
        }
    }

    private void dispatch(MasterInput in) throws MasterStreamParser.ProtocolError, InterruptedException {
        int base = in.start;
        int pos = base;
        List<Arguments> commands = new ArrayList<>();
        int[] ends = new int[8];
        while (true) {
            Arguments args = new Arguments();
            int next = MasterStreamParser.parse(in.buf, pos, in.end, args);
            if (next < 0) {
                break;
            }
            if (commands.size() == ends.length) {
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            ends[commands.size()] = next - base;
            commands.add(args);
            pos = next;
        }
        if (commands.isEmpty()) {
            return;
        }
        byte[] chunk = Arrays.copyOfRange(in.buf, base, pos);
        for (Arguments a : commands) {
            a.rebase(chunk);
            a.shift(base);
        }
        in.start = pos;
        owner.submit(this, chunk, commands, ends);
    }

    /** Called by reads that waited without data. */
    private void idle() throws IOException {
        if (stopped) {
            throw new IOException("link stopped");
        }
        long silent = System.nanoTime() - lastIoNanos;
        if (silent > config.replTimeout * 1_000_000_000L) {
            if (state == LinkState.TRANSFER) {
                throw new IOException("Timeout receiving bulk data from MASTER... If the problem persists try to set "
                        + "the 'repl-timeout' parameter in redis.conf to a larger value.");
            }
            throw new IOException(state == LinkState.CONNECTED ? "MASTER timeout: no data nor PING received..."
                    : "Timeout connecting to the MASTER...");
        }
        if (state == LinkState.CONNECTED) {
            ackIfDue();
        }
    }

    private void ackIfDue() {
        long now = System.nanoTime();
        if (now - lastAckNanos >= ACK_PERIOD_NANOS) {
            lastAckNanos = now;
            sendAck(owner.appliedOffset());
        }
    }

    /** REPLCONF ACK offset; from the link thread (every second) or the command thread (GETACK). */
    void sendAck(long offset) {
        try {
            send("REPLCONF", "ACK", Long.toString(offset));
        } catch (IOException e) {
            // the reading side sees the broken link and reconnects
        }
    }

    private synchronized void send(String... words) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("not connected");
        }
        StringBuilder sb = new StringBuilder(64);
        sb.append('*').append(words.length).append("\r\n");
        for (String w : words) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(w).append("\r\n");
        }
        o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private void closeQuietly() {
        dropConnection();
        synchronized (this) {
            out = null;
        }
        socket = null;
    }
}
