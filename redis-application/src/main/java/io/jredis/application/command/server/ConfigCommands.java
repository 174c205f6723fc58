package io.jredis.application.command.server;

import io.jredis.application.command.Command;

import java.util.List;

/** Configuration and the server's lifecycle: CONFIG (GET, SET, RESETSTAT, REWRITE, HELP) and SHUTDOWN. */
public final class ConfigCommands {

    private ConfigCommands() {
    }

    public static List<Command> all() {
        return List.of(new ConfigCommand(), new ShutdownCommand());
    }
}
