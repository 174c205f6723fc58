package io.jredis.application.command.set;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SINTERSTORE destination key [key ...]. */
public final class SinterstoreCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sinterstore", -3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, -1, 1)
            .acl("write", "set", "slow").keyFlags("RW", "update")
            .group("set").since("1.0.0").summary("Intersect multiple sets and store the resulting set in a key")
            .complexity("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of"
                    + " sets.")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "update")
            .keySpec(CommandSpec.index(2), CommandSpec.range(-1, 1, 0), "RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        SetValue[] sets = SetAlgebra.lookUp(ctx, 2, ctx.args().count() - 2, true);
        if (sets == null) {
            return;
        }
        SetAlgebra.store(ctx, 1, SetAlgebra.intersect(sets, 0));
    }
}
