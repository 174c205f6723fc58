package io.jredis.application.command.set;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.SetValue;

/** SADD key member [member ...]. */
public final class SaddCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sadd", -3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "set", "fast").keyFlags("RW", "insert")
            .group("set").since("1.0.0").summary("Add one or more members to a set")
            .complexity("O(1) for each element added, so O(N) to add N elements when the command is called with"
                    + " multiple arguments.")
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
        if (set == null) {
            set = new SetValue();
            Sets.create(ctx, 1, set);
        }
        int added = 0;
        for (int i = 2; i < args.count(); i++) {
            if (set.add(args.array(), args.offset(i), args.length(i))) {
                added++;
            }
        }
        if (added > 0) {
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, "sadd", args, 1);
        }
        ctx.reply().integer(added);
    }
}
