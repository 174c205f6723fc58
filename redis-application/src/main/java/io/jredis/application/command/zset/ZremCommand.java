package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SortedSet;

/** ZREM key member [member ...]. */
public final class ZremCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zrem", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "sortedset", "fast")
            .group("sorted-set").since("1.2.0")
            .summary("Remove one or more members from a sorted set")
            .complexity("O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.")
            .keyFlags("RW", "delete")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SortedSet z = ZSets.write(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        int deleted = 0;
        if (z != null) {
            for (int i = 2; i < args.count(); i++) {
                if (z.remove(args.array(), args.offset(i), args.length(i))) {
                    deleted++;
                    if (z.size() == 0) {
                        break;
                    }
                }
            }
            if (deleted > 0) {
                ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, "zrem", args, 1);
                ZSets.deleteIfEmpty(ctx, z, 1);
                ctx.keyModified(args, 1);
                ctx.dirty(deleted - 1);
            }
        }
        ctx.reply().integer(deleted);
    }
}
