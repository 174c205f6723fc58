package io.jredis.application.command.replication;

import io.jredis.application.command.Command;

import java.util.List;

/** The master side of replication: the handshake a replica runs, WAIT and ROLE. */
public final class ReplicationCommands {

    private ReplicationCommands() {
    }

    public static List<Command> all() {
        AckWaiters waiters = new AckWaiters();
        return List.of(new ReplconfCommand(waiters), new PsyncCommand(), new SyncCommand(),
                new WaitCommand(waiters));
    }
}
