package io.jredis.application.command.stream;

import io.jredis.application.command.Command;

import java.util.List;

/** The stream commands. */
public final class StreamCommands {

    private StreamCommands() {
    }

    public static List<Command> all() {
        return List.of(new XaddCommand(), new XlenCommand(), XrangeCommand.xrange(), XrangeCommand.xrevrange(),
                new XdelCommand(), new XtrimCommand(), new XsetidCommand(), new XgroupCommand(), XreadCommand.xread(),
                XreadCommand.xreadgroup(), new XackCommand(), new XpendingCommand(), new XclaimCommand(),
                new XautoclaimCommand(), new XinfoCommand());
    }
}
