package io.jredis.benchmarks;

import io.jredis.application.port.ClientConnection;

/** A client connection without a socket, for driving the executor in process. */
final class NoSocketConnection implements ClientConnection {

    @Override
    public String remoteAddress() {
        return "127.0.0.1:50000";
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
    }

    @Override
    public void close() {
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
