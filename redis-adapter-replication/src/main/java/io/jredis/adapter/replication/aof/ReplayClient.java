package io.jredis.adapter.replication.aof;

import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.ReplySink;

/**
 * The client an append-only file is replayed as (Redis's fake client): no socket, and replies
 * are dropped, except that the first error is remembered for the log.
 */
final class ReplayClient extends ReplySink.ErrorsOnly implements ClientConnection {

    String firstError;

    @Override
    public String remoteAddress() {
        return "";
    }

    @Override
    public String localAddress() {
        return "";
    }

    @Override
    public int fd() {
        return -1;
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

    @Override
    public ReplySink replySink() {
        return this;
    }

    @Override
    public void error(String text) {
        if (firstError == null) {
            firstError = text;
        }
    }
}
