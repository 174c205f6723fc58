package io.jredis.application.command.aof;

import io.jredis.application.command.Command;

import java.util.List;

/** The append-only file's commands. */
public final class AofCommands {

    private AofCommands() {
    }

    public static List<Command> all() {
        return List.of(new BgrewriteaofCommand());
    }
}
