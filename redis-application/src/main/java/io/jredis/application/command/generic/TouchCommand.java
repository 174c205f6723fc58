package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.keyspace.Database;

/** TOUCH key [key ...]: marks keys accessed; replies how many exist. */
public final class TouchCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("touch", -2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, -1, 1)
            .acl("keyspace", "read", "fast")
            .group("generic").since("3.2.1")
            .summary("Alters the last access time of a key(s). Returns the number of existing keys specified.")
            .complexity("O(N) where N is the number of keys that will be touched.")
            .tips("request_policy:multi_shard", "response_policy:agg_sum")
            .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Database db = ctx.db();
        long found = 0;
        for (int i = 1; i < ctx.args().count(); i++) {
            if (KeyLookups.read(ctx, db, i) != null) {
                found++;
            }
        }
        ctx.reply().integer(found);
    }
}
