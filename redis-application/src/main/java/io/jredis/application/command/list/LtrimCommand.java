package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

/** LTRIM key start stop. */
public final class LtrimCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("ltrim", 4)
            .flags(CommandFlag.WRITE).keys(1, 1, 1)
            .keyFlags("RW", "delete")
            .acl("write", "list", "slow")
            .group("list").since("1.0.0").summary("Trim a list to the specified range")
            .complexity("O(N) where N is the number of elements to be removed by the operation.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        if (!a.isLong(2) || !a.isLong(3)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long start = a.longValue(2);
        long end = a.longValue(3);
        ListValue list = Lists.lookup(ctx, 1);
        if (list == Lists.WRONG_TYPE) {
            return;
        }
        if (list == null) {
            ctx.reply().ok();
            return;
        }
        long llen = list.size();
        if (start < 0) {
            start += llen;
        }
        if (end < 0) {
            end += llen;
        }
        if (start < 0) {
            start = 0;
        }
        long removed;
        if (start > end || start >= llen) {
            removed = llen;
            list.trim((int) llen, (int) llen - 1);
        } else {
            if (end >= llen) {
                end = llen - 1;
            }
            removed = llen - (end - start + 1);
            list.trim((int) start, (int) end);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, "ltrim", a, 1);
        Lists.deleteIfEmpty(ctx, list, 1);
        if (removed > 0) {
            ctx.keyModified(a, 1);
        } else {
            // Redis signals the key (WATCH) but counts no change, so nothing is propagated
            ctx.server().watchedKeys().touch(ctx.session().db(), a.bytes(1));
        }
        ctx.reply().ok();
    }
}
