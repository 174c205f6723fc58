package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** RANDOMKEY: a random live key, or nil when the database is empty. */
public final class RandomKeyCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("randomkey", 1)
            .flags(CommandFlag.READONLY, CommandFlag.TOUCHES_ARBITRARY_KEYS).keys(0, 0, 0)
            .acl("keyspace", "read", "slow")
            .group("generic").since("1.0.0").summary("Return a random key from the keyspace")
            .tips("request_policy:all_shards", "nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        byte[] key = ctx.db().randomKey(ctx.server().random(), ctx.now());
        if (key == null) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(key);
        }
    }
}
