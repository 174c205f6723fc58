package io.jredis.adapter.replication.replica;

import io.jredis.application.port.ReplySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where replies to the master's commands go: nowhere, as a Redis replica never answers its
 * master (except REPLCONF ACK). An error means the replica diverged, so it is logged loudly.
 */
final class MasterReplies extends ReplySink.ErrorsOnly {

    private static final Logger LOG = LoggerFactory.getLogger("jredis");

    /** The command being applied, named in the log line only when it failed. */
    io.jredis.application.command.Arguments command;

    @Override
    public void error(String text) {
        LOG.warn("== CRITICAL == This replica is sending an error to its master: '{}' after processing the command '{}'",
                text, command == null || command.count() == 0 ? "" : command.text(0).toLowerCase(java.util.Locale.ROOT));
    }
}
