package io.jredis.application.command.transaction;

import io.jredis.application.command.Command;

import java.util.List;

/** The transactions group: MULTI, EXEC, DISCARD, WATCH, UNWATCH. */
public final class TransactionCommands {

    private TransactionCommands() {
    }

    public static List<Command> all() {
        return List.of(new MultiCommand(), new ExecCommand(), new DiscardCommand(), new WatchCommand(),
                new UnwatchCommand());
    }
}
