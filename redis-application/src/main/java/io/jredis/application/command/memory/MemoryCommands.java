package io.jredis.application.command.memory;

import io.jredis.application.command.Command;

import java.util.List;

/** The memory group: MEMORY and its subcommands. */
public final class MemoryCommands {

    private MemoryCommands() {
    }

    public static List<Command> all() {
        return List.of(new MemoryCommand());
    }
}
