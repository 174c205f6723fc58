package io.jredis.application.command.set;

import io.jredis.application.command.Command;

import java.util.List;

/** The set group. */
public final class SetCommands {

    private SetCommands() {
    }

    public static List<Command> all() {
        return List.of(
                new SaddCommand(), new SremCommand(), SinterCommand.smembers(), new SismemberCommand(),
                new SmismemberCommand(), new ScardCommand(), new SpopCommand(), new SrandmemberCommand(),
                new SmoveCommand(), SinterCommand.sinter(), new SinterstoreCommand(), new SintercardCommand(),
                SunionDiffCommand.sunion(), SunionDiffCommand.sdiff(), SunionDiffCommand.sunionstore(),
                SunionDiffCommand.sdiffstore(), new SscanCommand());
    }
}
