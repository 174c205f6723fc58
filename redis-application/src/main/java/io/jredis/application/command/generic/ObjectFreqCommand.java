package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** OBJECT FREQ key: the LFU counter; refused unless an LFU policy is selected. */
public final class ObjectFreqCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("freq", 3)
            .flags(CommandFlag.READONLY).keys(2, 2, 1)
            .acl("keyspace", "read", "slow")
            .group("generic").since("4.0.0").summary("Get the logarithmic access frequency counter of a Redis object")
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
        if (!ObjectCommand.lfu(ctx.server().config())) {
            ctx.reply().error(Errors.OBJECT_FREQ_NOT_LFU);
            return;
        }
        // the counter with the decay of the minutes since its last access, not stored (as Redis)
        ctx.reply().integer(ctx.db().frequency(ctx.args().bytes(2), ctx.now()));
    }
}
