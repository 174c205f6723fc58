package io.jredis.application.command.set;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SREM key member [member ...]; deletes the key once the set is empty. */
public final class SremCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("srem", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "set", "fast").keyFlags("RW", "delete")
            .group("set").since("1.0.0").summary("Remove one or more members from a set")
            .complexity("O(N) where N is the number of members to be removed.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SetValue set = Sets.write(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        int removed = 0;
        if (set != null) {
            for (int i = 2; i < args.count(); i++) {
                if (set.remove(args.array(), args.offset(i), args.length(i))) {
                    removed++;
                    if (set.isEmpty()) {
                        break;
                    }
                }
            }
            if (removed > 0) {
                ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, "srem", args, 1);
                Sets.removeIfEmpty(ctx, set, 1);
                ctx.keyModified(args, 1);
            }
        }
        ctx.reply().integer(removed);
    }
}
