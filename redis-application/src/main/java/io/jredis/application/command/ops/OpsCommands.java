package io.jredis.application.command.ops;

import io.jredis.application.command.Command;

import java.util.List;

/** Operational commands: SLOWLOG, MONITOR, LATENCY, DEBUG and friends. */
public final class OpsCommands {

    private OpsCommands() {
    }

    public static List<Command> all() {
        return List.of(new SlowlogCommand(), new MonitorCommand(), new LatencyCommand(), new DebugCommand(),
                new LolwutCommand());
    }
}
