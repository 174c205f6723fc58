package io.jredis.application.command.zset;

import io.jredis.application.command.KeyReference;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.PopCount;
import io.jredis.domain.value.SortedSet;

/** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: pops from the first non-empty key. */
public final class ZmpopCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zmpop", -4)
            .flags(CommandFlag.WRITE, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("7.0.0")
            .summary("Remove and return members with scores in a sorted set")
            .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")
            .keyFlags("RW", "access", "delete")
            .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RW", "access", "delete")
            .build();

    /** The keys counted by numkeys, as Redis's keynum spec. */
    @Override
    public java.util.List<KeyReference> keys(Arguments args, int base) {
        java.util.List<KeyReference> keys = new java.util.ArrayList<>();
        return KeyReference.addCounted(keys, args, base, 1, KeyReference.RW_ACCESS_DELETE) ? keys : java.util.List.of();
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
        if (numkeys >= args.count() - 2) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        int whereArg = (int) numkeys + 2;
        boolean max;
        if (args.is(whereArg, "MIN")) {
            max = false;
        } else if (args.is(whereArg, "MAX")) {
            max = true;
        } else {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        long count = PopCount.parse(ctx, whereArg + 1);
        if (count == PopCount.INVALID) {
            return;
        }
        ZpopCommand.pop(ctx, 2, (int) numkeys, max, count, true, true);
    }
}
