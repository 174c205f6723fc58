package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

/** LPOP and RPOP key [count]. */
public final class PopCommand implements Command {

    private final CommandSpec spec;
    private final boolean front;

    private PopCommand(String name, String summary, boolean front) {
        this.front = front;
        this.spec = CommandSpec.command(name, -2)
                .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
                .keyFlags("RW", "access", "delete")
                .acl("write", "list", "fast")
                .group("list").since("1.0.0").summary(summary)
                .complexity("O(N) where N is the number of elements returned")
                .build();
    }

    public static PopCommand lpop() {
        return new PopCommand("lpop", "Remove and get the first elements in a list", true);
    }

    public static PopCommand rpop() {
        return new PopCommand("rpop", "Remove and get the last elements in a list", false);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        if (a.count() > 3) {
            ctx.reply().error(Errors.wrongArity(spec.fullName()));
            return;
        }
        boolean hasCount = a.count() == 3;
        long count = 1;
        if (hasCount) {
            if (!a.isLong(2) || (count = a.longValue(2)) < 0) {
                ctx.reply().error(Errors.NOT_POSITIVE);
                return;
            }
        }
        ListValue list = Lists.lookup(ctx, 1);
        if (list == Lists.WRONG_TYPE) {
            return;
        }
        if (list == null) {
            if (hasCount) {
                ctx.reply().nullArray();
            } else {
                ctx.reply().nullBulk();
            }
            return;
        }
        if (hasCount && count == 0) {
            ctx.reply().array(0);
            return;
        }
        if (hasCount) {
            Lists.popAndReply(ctx, list, front, count);
        } else {
            ctx.reply().bulk(list.pop(front));
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, front ? "lpop" : "rpop", a, 1);
        Lists.deleteIfEmpty(ctx, list, 1);
        ctx.keyModified(a, 1);
    }
}
