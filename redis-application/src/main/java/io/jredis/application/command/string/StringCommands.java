package io.jredis.application.command.string;

import io.jredis.application.command.Command;

import java.util.List;

/** The string group. */
public final class StringCommands {

    private StringCommands() {
    }

    public static List<Command> all() {
        return List.of(
                new GetCommand(), new SetCommand(), new SetnxCommand(), new SetexCommand(), new PsetexCommand(),
                new MgetCommand(), MsetCommand.mset(), MsetCommand.msetnx(),
                new GetsetCommand(), new GetdelCommand(), new GetexCommand(),
                new AppendCommand(), new StrlenCommand(), GetrangeCommand.getrange(), GetrangeCommand.substr(),
                new SetrangeCommand(),
                IncrCommand.incr(), IncrCommand.decr(), IncrCommand.incrby(), IncrCommand.decrby(),
                new IncrbyfloatCommand(), new LcsCommand());
    }
}
