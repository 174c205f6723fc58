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
        // No per-key LFU counter is kept yet: report Redis's initial counter (5) decayed by one per
        // idle minute (lfu-decay-time 1), which is what a key untouched since its creation shows.
        long idleMinutes = ctx.db().idleSeconds(ctx.args().bytes(2), ctx.now()) / 60;
        ctx.reply().integer(Math.max(0, LFU_INIT_VAL - idleMinutes));
    }

    /** Redis's LFU_INIT_VAL: the counter of a new key. */
    private static final long LFU_INIT_VAL = 5;
}
