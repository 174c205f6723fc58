package io.jredis.application.command.memory;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.Footprint;

/**
 * MEMORY USAGE key [SAMPLES count]: the key's estimated bytes in Redis's model (its sds and
 * dictEntry and the value's {@link Footprint}), sampling count elements of a container (0: all).
 */
public final class MemoryUsageCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("usage", -3)
            .flags(CommandFlag.READONLY).keys(2, 2, 1)
            .acl("read", "slow")
            .group("server").since("4.0.0").summary("Estimate the memory usage of a key")
            .complexity("O(N) where N is the number of samples.")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long samples = Footprint.DEFAULT_SAMPLES;
        for (int i = 3; i < args.count(); i++) {
            if (args.is(i, "SAMPLES") && i + 1 < args.count()) {
                if (!args.isLong(i + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                samples = args.longValue(i + 1);
                if (samples < 0) {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
                i++;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        long usage = ctx.db().memoryUsage(args.bytes(2), (int) Math.min(samples, Integer.MAX_VALUE));
        if (usage < 0) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().integer(usage);
        }
    }
}
