package io.jredis.adapter.replication.aof;

import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.ReplySink;

/**
 * The client an append-only file is replayed as (Redis's fake client): no socket, and replies
 * are dropped, except that the first error is remembered for the log.
 */
final class ReplayClient implements ClientConnection, ReplySink {

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
    public void status(String text) {
    }

    @Override
    public void error(String text) {
        if (firstError == null) {
            firstError = text;
        }
    }

    @Override
    public void integer(long value) {
    }

    @Override
    public void bulk(byte[] value) {
    }

    @Override
    public void bulk(byte[] buf, int off, int len) {
    }

    @Override
    public void bulk(String value) {
    }

    @Override
    public void nullBulk() {
    }

    @Override
    public void nullArray() {
    }

    @Override
    public void array(int count) {
    }

    @Override
    public void map(int count) {
    }

    @Override
    public void set(int count) {
    }

    @Override
    public void push(int count) {
    }

    @Override
    public void doubleValue(double value) {
    }

    @Override
    public void bool(boolean value) {
    }

    @Override
    public void bigNumber(String digits) {
    }

    @Override
    public void verbatim(String format, String text) {
    }
}
