package io.jredis.adapter.replication.replica;

import io.jredis.application.port.ReplySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where replies to the master's commands go: nowhere, as a Redis replica never answers its
 * master (except REPLCONF ACK). An error means the replica diverged, so it is logged loudly.
 */
final class MasterReplies implements ReplySink {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");

    /** The command being applied, named in the log line only when it failed. */
    io.jredis.application.command.Arguments command;

    @Override
    public void status(String text) {
    }

    @Override
    public void error(String text) {
        LOG.warn("== CRITICAL == This replica is sending an error to its master: '{}' after processing the command '{}'",
                text, command == null || command.count() == 0 ? "" : command.text(0).toLowerCase(java.util.Locale.ROOT));
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
