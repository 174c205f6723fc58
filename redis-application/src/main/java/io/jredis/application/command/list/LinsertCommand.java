package io.jredis.application.command.list;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

import java.util.Arrays;

/** LINSERT key BEFORE|AFTER pivot element. */
public final class LinsertCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("linsert", 5)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .keyFlags("RW", "insert")
            .acl("write", "list", "slow")
            .group("list").since("2.2.0").summary("Insert an element before or after another element in a list")
            .complexity("O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        boolean after;
        if (a.is(2, "AFTER")) {
            after = true;
        } else if (a.is(2, "BEFORE")) {
            after = false;
        } else {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        ListValue list = Lists.lookup(ctx, 1);
        if (list == Lists.WRONG_TYPE) {
            return;
        }
        if (list == null) {
            ctx.reply().integer(0);
            return;
        }
        byte[] buf = a.array();
        int poff = a.offset(3);
        int plen = a.length(3);
        int[] at = {-1, 0};
        list.forEach(0, true, (b, off, len) -> {
            if (Arrays.equals(b, off, off + len, buf, poff, poff + plen)) {
                at[0] = at[1];
                return false;
            }
            at[1]++;
            return true;
        });
        if (at[0] < 0) {
            ctx.reply().integer(-1);
            return;
        }
        list.insert(after ? at[0] + 1 : at[0], a.bytes(4));
        ctx.keyModified(a, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.LIST, "linsert", a, 1);
        ctx.reply().integer(list.size());
    }
}
