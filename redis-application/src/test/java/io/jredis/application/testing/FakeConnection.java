package io.jredis.application.testing;

import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.ReplySink;

/** A connection with no socket: remembers whether it was asked to close. */
public final class FakeConnection implements ClientConnection {

    private final String remote;
    public boolean closed;
    public boolean closeAfterReply;
    /** Replies written to this client out of turn (a blocked client served, timed out, unblocked). */
    public final RecordingReply replies = new RecordingReply();
    /** How many times the client was woken after such a reply. */
    public int wakes;

    public FakeConnection(String remote) {
        this.remote = remote;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:6379";
    }

    @Override
    public int fd() {
        return 8;
    }

    @Override
    public void closeAfterReply() {
        closeAfterReply = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public int queryBufferLength() {
        return 0;
    }

    @Override
    public int queryBufferFree() {
        return 0;
    }

    @Override
    public long outputBufferLength() {
        return 0;
    }

    @Override
    public ReplySink replySink() {
        return replies;
    }

    @Override
    public void wake() {
        wakes++;
    }
}
