package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.ListValue;

/** LPUSH, RPUSH, LPUSHX and RPUSHX: one class, four specs (they differ only in end and existence). */
public final class PushCommand implements Command {

    private final CommandSpec spec;
    private final boolean front;
    private final boolean onlyIfExists;

    private PushCommand(String name, String since, String summary, boolean front, boolean onlyIfExists) {
        this.front = front;
        this.onlyIfExists = onlyIfExists;
        this.spec = CommandSpec.command(name, -3)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
                .keyFlags("RW", "insert")
                .acl("write", "list", "fast")
                .group("list").since(since).summary(summary)
                .complexity("O(1) for each element added, so O(N) to add N elements when the command is called"
                        + " with multiple arguments.")
                .build();
    }

    public static PushCommand lpush() {
        return new PushCommand("lpush", "1.0.0", "Prepend one or multiple elements to a list", true, false);
    }

    public static PushCommand rpush() {
        return new PushCommand("rpush", "1.0.0", "Append one or multiple elements to a list", false, false);
    }

    public static PushCommand lpushx() {
        return new PushCommand("lpushx", "2.2.0", "Prepend an element to a list, only if the list exists", true, true);
    }

    public static PushCommand rpushx() {
        return new PushCommand("rpushx", "2.2.0", "Append an element to a list, only if the list exists", false, true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        ListValue list;
        if (onlyIfExists) {
            list = Lists.lookup(ctx, 1);
            if (list == Lists.WRONG_TYPE) {
                return;
            }
            if (list == null) {
                ctx.reply().integer(0);
                return;
            }
        } else {
            list = Lists.forPush(ctx, 1);
            if (list == null) {
                return;
            }
        }
        for (int i = 2; i < a.count(); i++) {
            if (front) {
                list.pushFront(a.array(), a.offset(i), a.length(i));
            } else {
                list.pushBack(a.array(), a.offset(i), a.length(i));
            }
        }
        ctx.keyModified(a, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, front ? "lpush" : "rpush", a, 1);
        ctx.reply().integer(list.size());
    }
}
