package io.jredis.application.command.string;

import io.jredis.application.command.Command;

import java.util.List;

/** The string group. */
public final class StringCommands {

    private StringCommands() {
    }

    public static List<Command> all() {
        return List.of(new GetCommand(), new SetCommand());
    }
}
