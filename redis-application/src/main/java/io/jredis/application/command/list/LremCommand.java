package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

/** LREM key count element. */
public final class LremCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lrem", 4)
            .flags(CommandFlag.WRITE).keys(1, 1, 1)
            .keyFlags("RW", "delete")
            .acl("write", "list", "slow")
            .group("list").since("1.0.0").summary("Remove elements from a list")
            .complexity("O(N+M) where N is the length of the list and M is the number of elements removed.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        if (!a.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long count = a.longValue(2);
        ListValue list = Lists.lookup(ctx, 1);
        if (list == Lists.WRONG_TYPE) {
            return;
        }
        if (list == null) {
            ctx.reply().integer(0);
            return;
        }
        int limit = count == 0 ? 0 : (int) Math.min(Math.abs(count == Long.MIN_VALUE ? Long.MAX_VALUE : count),
                Integer.MAX_VALUE);
        int removed = list.remove(a.array(), a.offset(3), a.length(3), limit, count < 0);
        if (removed > 0) {
            ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, "lrem", a, 1);
            Lists.deleteIfEmpty(ctx, list, 1);
            ctx.keyModified(a, 1);
        }
        ctx.reply().integer(removed);
    }
}
