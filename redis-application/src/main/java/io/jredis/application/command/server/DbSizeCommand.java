package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** DBSIZE: keys in the selected database, counting expired keys not yet reclaimed, as Redis does. */
public final class DbSizeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("dbsize", 1)
            .flags(CommandFlag.READONLY, CommandFlag.FAST)
            .acl("keyspace", "read", "fast")
            .group("server").since("1.0.0").summary("Return the number of keys in the selected database")
            .tips("request_policy:all_shards", "response_policy:agg_sum")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().integer(ctx.db().size());
    }
}
