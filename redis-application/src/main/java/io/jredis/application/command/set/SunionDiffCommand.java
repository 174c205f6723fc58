package io.jredis.application.command.set;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SUNION, SDIFF and their STORE forms: one class, four specs, as Redis's sunionDiffGenericCommand. */
public final class SunionDiffCommand implements Command {

    private final CommandSpec spec;
    private final SetAlgebra.Op op;
    private final boolean store;

    private SunionDiffCommand(CommandSpec spec, SetAlgebra.Op op, boolean store) {
        this.spec = spec;
        this.op = op;
        this.store = store;
    }

    public static SunionDiffCommand sunion() {
        return new SunionDiffCommand(read("sunion", "Add multiple sets",
                "O(N) where N is the total number of elements in all given sets."), SetAlgebra.Op.UNION, false);
    }

    public static SunionDiffCommand sdiff() {
        return new SunionDiffCommand(read("sdiff", "Subtract multiple sets",
                "O(N) where N is the total number of elements in all given sets."), SetAlgebra.Op.DIFF, false);
    }

    public static SunionDiffCommand sunionstore() {
        return new SunionDiffCommand(write("sunionstore", "Add multiple sets and store the resulting set in a key",
                "O(N) where N is the total number of elements in all given sets."), SetAlgebra.Op.UNION, true);
    }

    public static SunionDiffCommand sdiffstore() {
        return new SunionDiffCommand(write("sdiffstore", "Subtract multiple sets and store the resulting set in a key",
                "O(N) where N is the total number of elements in all given sets."), SetAlgebra.Op.DIFF, true);
    }

    private static CommandSpec read(String name, String summary, String complexity) {
        return CommandSpec.command(name, -2)
                .flags(CommandFlag.READONLY).keys(1, -1, 1)
                .acl("read", "set", "slow").keyFlags("RO", "access")
                .group("set").since("1.0.0").summary(summary).complexity(complexity)
                .tips("nondeterministic_output_order")
                .build();
    }

    private static CommandSpec write(String name, String summary, String complexity) {
        return CommandSpec.command(name, -3)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, -1, 1)
                .acl("write", "set", "slow").keyFlags("OW", "update")
                .group("set").since("1.0.0").summary(summary).complexity(complexity)
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.index(2), CommandSpec.range(-1, 1, 0), "RO", "access")
                .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        int first = store ? 2 : 1;
        SetValue[] sets = SetAlgebra.lookUp(ctx, first, ctx.args().count() - first, store);
        if (sets == null) {
            return;
        }
        SetValue result = SetAlgebra.combine(sets, op);
        if (store) {
            SetAlgebra.store(ctx, 1, result);
        } else {
            Sets.replySet(ctx.reply(), result);
        }
    }
}
