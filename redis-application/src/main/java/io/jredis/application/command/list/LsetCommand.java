package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

/** LSET key index element. */
public final class LsetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lset", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .keyFlags("RW", "update")
            .acl("write", "list", "slow")
            .group("list").since("1.0.0").summary("Set the value of an element in a list by its index")
            .complexity("O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        ListValue list = Lists.lookup(ctx, 1);
        if (list == Lists.WRONG_TYPE) {
            return;
        }
        if (list == null) {
            ctx.reply().error(Errors.NO_SUCH_KEY);
            return;
        }
        if (!a.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long index = a.longValue(2);
        if (index < 0) {
            index += list.size();
        }
        if (index < 0 || index >= list.size()) {
            ctx.reply().error(Errors.INDEX_OUT_OF_RANGE);
            return;
        }
        list.set((int) index, a.bytes(3));
        ctx.keyModified(a, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, "lset", a, 1);
        ctx.reply().ok();
    }
}
