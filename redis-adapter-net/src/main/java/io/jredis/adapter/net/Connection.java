package io.jredis.adapter.net;

import io.jredis.application.command.Arguments;
import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.ReplySink;
import io.jredis.application.session.ClientSession;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client socket: its read buffer and parser state, its output buffer and its session.
 * Only the event-loop thread touches it.
 */
final class Connection implements ClientConnection {

    /** Read buffers start at Redis's PROTO_IOBUF_LEN. */
    static final int INITIAL_READ = 16 * 1024;
    static final int INITIAL_WRITE = 16 * 1024;
    /** The largest array the JVM reliably allocates. */
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 8;

    final SocketChannel channel;
    final SelectionKey key;
    private final EventLoop loop;
    private final int fd;
    private final String remote;
    private final String local;

    /**
     * The bytes read and not yet consumed: the loop's shared read buffer between a read and the
     * following {@link #compact}, then a buffer of this connection's own only while an
     * incomplete command remains, and null otherwise. Idle connections hold no buffer.
     */
    ExpandableArrayBuffer in;
    /** Over {@link #in} while it is the connection's own buffer. */
    private ByteBuffer inView;
    int inLimit;
    final RespParser parser = new RespParser();
    final Arguments args = new Arguments();
    /** Borrows an output buffer from the loop's pool only while replies are pending. */
    final RespWriter out;
    int written;
    ClientSession session;
    boolean closeAfterWrite;
    boolean closed;
    boolean readPaused;
    /** A replica link: the output is the replication stream, replies to its commands are dropped. */
    boolean replica;
    /** Queued for the flush before the next select (raw output written outside its own turn). */
    boolean flushQueued;
    /** Where a replica's commands reply (REPLCONF ACK says nothing; anything else must not reach the stream). */
    private RespWriter discarded;
    /** Its replies wait for the append-only file's write of this loop turn (EventLoop#flushHeld). */
    boolean replyHeld;
    /** In the loop's list of clients to flush after the current event (EventLoop#wake). */
    boolean wakeQueued;
    /** Past its output-buffer limit: closing, and whatever is still sent to it out of turn is dropped. */
    boolean outputLimitReached;
    /** Server-clock ms since its output has been above the soft limit, 0 while below. */
    long softLimitSince;

    Connection(SocketChannel channel, SelectionKey key, EventLoop loop, int fd) {
        this.channel = channel;
        this.key = key;
        this.loop = loop;
        this.fd = fd;
        this.remote = format(addressOf(channel, true));
        this.local = format(addressOf(channel, false));
        this.out = new RespWriter(loop.writeBuffers(), loop.stats());
    }

    /** Reads what the socket has; returns -1 at end of stream. */
    int read() throws IOException {
        ByteBuffer view;
        if (in == null) {
            // nothing pending (inLimit is 0): read into the loop's buffer; compact() copies out
            // whatever the commands read leave incomplete
            in = loop.sharedInput();
            parser.rebase(in.byteArray(), args);
            view = loop.sharedInputView();
        } else {
            if (inLimit == in.capacity()) {
                // long arithmetic: doubling a 1 GiB buffer must not overflow into a no-op, which
                // would leave a full buffer read forever instead of hitting the query buffer limit
                grow((int) Math.min(2L * in.capacity(), MAX_BUFFER));
            }
            if (inView == null || inView.array() != in.byteArray()) {
                inView = ByteBuffer.wrap(in.byteArray());
            }
            view = inView;
        }
        view.limit(in.capacity()).position(inLimit);
        int n = channel.read(view);
        if (n > 0) {
            inLimit += n;
        }
        return n;
    }

    /**
     * Drops the consumed input after commands ran: an incomplete command left in the shared
     * buffer moves to a buffer of this connection's own; a connection with nothing left holds
     * no buffer.
     */
    void compact() {
        if (in == null) {
            return;
        }
        int from = parser.retainedFrom();
        int remaining = inLimit - from;
        if (in == loop.sharedInput()) {
            parser.shift(from, args);
            inLimit = remaining;
            if (remaining == 0) {
                in = null;
                return;
            }
            ExpandableArrayBuffer own = loop.readBuffers().take();
            own.checkLimit(remaining);
            System.arraycopy(in.byteArray(), from, own.byteArray(), 0, remaining);
            in = own;
            parser.rebase(own.byteArray(), args);
            return;
        }
        if (from == 0) {
            return;
        }
        byte[] a = in.byteArray();
        if (remaining > 0) {
            System.arraycopy(a, from, a, 0, remaining);
        }
        inLimit = remaining;
        parser.shift(from, args);
        if (remaining == 0) {
            releaseInput();
        }
    }

    private void releaseInput() {
        ExpandableArrayBuffer b = in;
        in = null;
        inView = null;
        if (b != null && b != loop.sharedInput()) {
            loop.readBuffers().give(b);
        }
    }

    /** The connection closed: its buffers go back to the loop's pools. */
    void releaseBuffers() {
        releaseInput();
        inLimit = 0;
        written = 0;
        out.release();
    }

    private void grow(int capacity) {
        int cap = Math.max(capacity, 16);
        in.checkLimit(cap);
        parser.rebase(in.byteArray(), args);
    }

    /**
     * Writes pending replies through the loop's direct buffer, a slice at a time; returns true
     * when everything was written. A write the socket takes only part of means its buffer is
     * full: the rest waits for OP_WRITE.
     */
    boolean flush() throws IOException {
        int pending = out.pending();
        ByteBuffer direct = loop.directOutput();
        while (written < pending) {
            int chunk = Math.min(pending - written, direct.capacity());
            direct.clear();
            direct.put(out.array(), written, chunk).flip();
            int n = channel.write(direct);
            if (n > 0) {
                written += n;
                loop.bytesWritten(n);
            }
            if (n < chunk) {
                return false;
            }
        }
        written = 0;
        out.release();
        return true;
    }

    long unwritten() {
        return out.pending() - written;
    }

    // ---------------------------------------------------------------- ClientConnection

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public String localAddress() {
        return local;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public void closeAfterReply() {
        closeAfterWrite = true;
    }

    @Override
    public void close() {
        loop.closeLater(this);
    }

    @Override
    public int queryBufferLength() {
        return inLimit;
    }

    @Override
    public int queryBufferFree() {
        return in == null ? 0 : in.capacity() - inLimit;
    }

    @Override
    public long outputBufferLength() {
        return unwritten();
    }

    @Override
    public ReplySink replySink() {
        if (outputLimitReached || closed) {
            return DROPPED;
        }
        RespWriter target = session.repliesSuppressed() ? discarded() : out;
        target.protocol(session.protocol());
        return target;
    }

    /** Where out-of-turn output to a connection that is going away goes. */
    private static final ReplySink DROPPED = new ReplySink.ErrorsOnly() {
        @Override
        public void error(String text) {
        }
    };

    @Override
    public void writeRaw(byte[] bytes, int offset, int length) {
        if (closed) {
            return;
        }
        out.raw(bytes, offset, length);
        loop.flushSoon(this);
    }

    @Override
    public void markReplica() {
        replica = true;
        discarded = new RespWriter(256);
    }

    /** The sink for the reply of a command this client sent: its output, or nowhere for a replica. */
    RespWriter replyTarget() {
        if (replica) {
            return discarded();
        }
        return out;
    }

    /** Where dropped replies go: a replica's, or out-of-turn ones under CLIENT REPLY OFF|SKIP. */
    private RespWriter discarded() {
        if (discarded == null) {
            discarded = new RespWriter(256);
        }
        discarded.reset();
        return discarded;
    }

    @Override
    public void wake() {
        loop.wake(this);
    }

    private static SocketAddress addressOf(SocketChannel ch, boolean remote) {
        try {
            return remote ? ch.getRemoteAddress() : ch.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress a) {
            String host = a.getAddress().getHostAddress();
            int pct = host.indexOf('%');
            if (pct >= 0) {
                host = host.substring(0, pct);
            }
            if (host.equals("0:0:0:0:0:0:0:1")) {
                host = "::1";
            }
            return host + ":" + a.getPort();
        }
        return "?:0";
    }
}
