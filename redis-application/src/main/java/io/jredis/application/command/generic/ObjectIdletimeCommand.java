package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** OBJECT IDLETIME key: seconds since last access; refused under an LFU policy. */
public final class ObjectIdletimeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("idletime", 3)
            .flags(CommandFlag.READONLY).keys(2, 2, 1)
            .acl("keyspace", "read", "slow")
            .group("generic").since("2.2.3").summary("Get the time since a Redis object was last accessed")
            .tips("nondeterministic_output")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        // A look-up that does not count as an access; a missing key is nil whatever the policy.
        Object value = KeyLookups.peek(ctx, ctx.db(), 2);
        if (value == null) {
            ctx.reply().nullBulk();
            return;
        }
        if (ObjectCommand.lfu(ctx.server().config())) {
            ctx.reply().error(Errors.OBJECT_IDLETIME_LFU);
            return;
        }
        ctx.reply().integer(ctx.db().idleSeconds(ctx.args().bytes(2), ctx.now()));
    }
}
