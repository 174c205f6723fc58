package io.jredis.application.command.set;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SINTER key [key ...] and SMEMBERS key (Redis runs SMEMBERS as a one-key SINTER). */
public final class SinterCommand implements Command {

    private final CommandSpec spec;

    private SinterCommand(CommandSpec spec) {
        this.spec = spec;
    }

    public static SinterCommand sinter() {
        return new SinterCommand(CommandSpec.command("sinter", -2)
                .flags(CommandFlag.READONLY).keys(1, -1, 1)
                .acl("read", "set", "slow").keyFlags("RO", "access")
                .group("set").since("1.0.0").summary("Intersect multiple sets")
                .complexity("O(N*M) worst case where N is the cardinality of the smallest set and M is the number"
                        + " of sets.")
                .tips("nondeterministic_output_order")
                .build());
    }

    public static SinterCommand smembers() {
        return new SinterCommand(CommandSpec.command("smembers", 2)
                .flags(CommandFlag.READONLY).keys(1, 1, 1)
                .acl("read", "set", "slow").keyFlags("RO", "access")
                .group("set").since("1.0.0").summary("Get all the members in a set")
                .complexity("O(N) where N is the set cardinality.")
                .tips("nondeterministic_output_order")
                .build());
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        int n = ctx.args().count() - 1;
        SetValue[] sets = SetAlgebra.lookUp(ctx, 1, n, false);
        if (sets == null) {
            return;
        }
        if (n == 1) {
            // One set: reply it as it is, without building a copy.
            if (sets[0] == null) {
                ctx.reply().set(0);
            } else {
                Sets.replySet(ctx.reply(), sets[0]);
            }
            return;
        }
        Sets.replySet(ctx.reply(), SetAlgebra.intersect(sets, 0));
    }
}
