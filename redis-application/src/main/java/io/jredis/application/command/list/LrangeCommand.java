package io.jredis.application.command.list;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.ListValue;

/** LRANGE key start stop. */
public final class LrangeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lrange", 4)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .keyFlags("RO", "access")
            .acl("read", "list", "slow")
            .group("list").since("1.0.0").summary("Get a range of elements from a list")
            .complexity("O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.")
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
            ctx.reply().array(0);
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
        if (start > end || start >= llen) {
            ctx.reply().array(0);
            return;
        }
        if (end >= llen) {
            end = llen - 1;
        }
        int n = (int) (end - start + 1);
        ctx.reply().array(n);
        replier.reply = ctx.reply();
        replier.left = n;
        list.forEach((int) start, true, replier);
        replier.reply = null;
    }

    /**
     * Replies elements until its count runs out. One per command, reused: only the command thread
     * runs commands, and a capturing lambda here was an allocation per LRANGE whenever escape
     * analysis gave up (JMH -prof gc: 48 B/op).
     */
    private static final class Replier implements ListValue.ElementVisitor {
        ReplySink reply;
        int left;

        @Override
        public boolean visit(byte[] buf, int off, int len) {
            reply.bulk(buf, off, len);
            return --left > 0;
        }
    }

    private final Replier replier = new Replier();
}
