package io.jredis.application.command.hyperloglog;

import io.jredis.application.command.Command;

import java.util.List;

/** The HyperLogLog group: PF* commands on Redis-format HLL strings. */
public final class HyperLogLogCommands {

    private HyperLogLogCommands() {
    }

    public static List<Command> all() {
        return List.of(new PfaddCommand(), new PfcountCommand(), new PfmergeCommand(), new PfdebugCommand(),
                new PfselftestCommand());
    }
}
