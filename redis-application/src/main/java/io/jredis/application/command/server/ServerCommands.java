package io.jredis.application.command.server;

import io.jredis.application.command.Command;

import java.util.List;

/** The server group: INFO, CONFIG, COMMAND, DBSIZE, FLUSHDB, FLUSHALL, SWAPDB, TIME, ... */
public final class ServerCommands {

    private ServerCommands() {
    }

    public static List<Command> all() {
        return List.of(new InfoCommand(), new TimeCommand(), new CommandCommand(),
                new SaveCommand(), new BgsaveCommand(), new LastsaveCommand());
    }
}
