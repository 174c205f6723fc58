package io.jredis.application.testing;

import io.jredis.application.port.ClientConnection;

/** A connection with no socket: remembers whether it was asked to close. */
public final class FakeConnection implements ClientConnection {

    private final String remote;
    public boolean closed;
    public boolean closeAfterReply;

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
}
