package io.jredis.application.command.list;

import io.jredis.application.command.Command;

import java.util.List;

/** The list commands. */
public final class ListCommands {

    private ListCommands() {
    }

    public static List<Command> all() {
        return List.of(
                PushCommand.lpush(), PushCommand.rpush(), PushCommand.lpushx(), PushCommand.rpushx(),
                PopCommand.lpop(), PopCommand.rpop(), new LlenCommand(), new LrangeCommand(),
                new LindexCommand(), new LsetCommand(), new LinsertCommand(), new LremCommand(),
                new LtrimCommand(), new LposCommand(), MoveCommand.lmove(), MoveCommand.rpoplpush(),
                MpopCommand.lmpop(), MpopCommand.blpop(), MpopCommand.brpop(), MoveCommand.blmove(),
                MoveCommand.brpoplpush(), MpopCommand.blmpop());
    }
}
