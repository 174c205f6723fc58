package io.jredis.application.command.replica;

import io.jredis.application.command.Command;

import java.util.List;

/** The replica side of replication: REPLICAOF, SLAVEOF, ROLE. */
public final class ReplicaCommands {

    private ReplicaCommands() {
    }

    public static List<Command> all() {
        return List.of(ReplicaofCommand.replicaof(), ReplicaofCommand.slaveof(), new RoleCommand());
    }
}
