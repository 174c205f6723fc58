package io.jredis.application.command.sort;

import io.jredis.application.command.Command;

import java.util.List;

/** SORT and SORT_RO (Redis files them under "generic"). */
public final class SortCommands {

    private SortCommands() {
    }

    public static List<Command> all() {
        return List.of(SortCommand.sort(), SortCommand.sortRo());
    }
}
