package io.jredis.application.command.set;

import io.jredis.application.command.KeyReference;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SetValue;

/** SINTERCARD numkeys key [key ...] [LIMIT limit]. */
public final class SintercardCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sintercard", -3)
            .flags(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
            .acl("read", "set", "slow").keyFlags("RO", "access")
            .group("set").since("7.0.0").summary("Intersect multiple sets and return the cardinality of the result")
            .complexity("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of"
                    + " sets.")
            .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RO", "access")
            .build();

    /** The keys counted by numkeys, as Redis's keynum spec. */
    @Override
    public java.util.List<KeyReference> keys(Arguments args, int base) {
        java.util.List<KeyReference> keys = new java.util.ArrayList<>();
        return KeyReference.addCounted(keys, args, base, 1, KeyReference.RO_ACCESS) ? keys : java.util.List.of();
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (!args.isLong(1) || args.longValue(1) < 1) {
            ctx.reply().error(Errors.NUMKEYS_NOT_POSITIVE);
            return;
        }
        long numkeys = args.longValue(1);
        if (numkeys > args.count() - 2) {
            ctx.reply().error(Errors.NUMKEYS_TOO_MANY);
            return;
        }
        int n = (int) numkeys;
        long limit = 0;
        for (int i = 2 + n; i < args.count(); i += 2) {
            if (args.is(i, "LIMIT") && i + 1 < args.count()) {
                if (!args.isLong(i + 1) || args.longValue(i + 1) < 0) {
                    ctx.reply().error(Errors.LIMIT_NEGATIVE);
                    return;
                }
                limit = args.longValue(i + 1);
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        SetValue[] sets = SetAlgebra.lookUp(ctx, 2, n, false);
        if (sets == null) {
            return;
        }
        ctx.reply().integer(SetAlgebra.intersect(sets, limit).size());
    }
}
