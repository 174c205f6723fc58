package io.jredis.application.command.acl;

import io.jredis.application.command.Command;

import java.util.List;

/** The ACL command group. */
public final class AclCommands {

    private AclCommands() {
    }

    public static List<Command> all() {
        return List.of(new AclCommand());
    }
}
