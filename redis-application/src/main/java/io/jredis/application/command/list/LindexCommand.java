package io.jredis.application.command.list;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

/** LINDEX key index. */
public final class LindexCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lindex", 3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .keyFlags("RO", "access")
            .acl("read", "list", "slow")
            .group("list").since("1.0.0").summary("Get an element from a list by its index")
            .complexity("O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).")
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
            ctx.reply().nullBulk();
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
            ctx.reply().nullBulk();
            return;
        }
        list.visit((int) index, (buf, off, len) -> {
            ctx.reply().bulk(buf, off, len);
            return false;
        });
    }
}
