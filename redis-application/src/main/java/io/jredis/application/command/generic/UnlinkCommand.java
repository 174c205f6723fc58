package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** UNLINK key [key ...]: DEL whose memory Redis frees in the background; the JVM's collector does that here. */
public final class UnlinkCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("unlink", -2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, -1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("4.0.0")
            .summary("Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.")
            .complexity("O(1) for each key removed regardless of its size. Then the command does O(N) work in a"
                    + " different thread in order to reclaim memory, where N is the number of allocations the"
                    + " deleted objects where composed of.")
            .tips("request_policy:multi_shard", "response_policy:agg_sum")
            .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "RM", "delete")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().integer(DelCommand.deleteAll(ctx));
    }
}
