package io.jredis.application.command.hash;

import io.jredis.application.command.Command;

import java.util.List;

/** The hash group. */
public final class HashCommands {

    private HashCommands() {
    }

    public static List<Command> all() {
        return List.of(
                HsetCommand.hset(), new HsetnxCommand(), new HgetCommand(), new HmgetCommand(), HsetCommand.hmset(),
                HgetallCommand.hgetall(), new HdelCommand(), new HexistsCommand(), new HlenCommand(),
                HgetallCommand.hkeys(), HgetallCommand.hvals(), new HstrlenCommand(), new HincrbyCommand(),
                new HincrbyfloatCommand(), new HrandfieldCommand(), new HscanCommand());
    }
}
