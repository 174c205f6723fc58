package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.MutableString;

/** GET key. */
public final class GetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("get", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "string", "fast")
            .group("string").since("1.0.0").summary("Get the value of a key")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        replyString(ctx, value);
    }

    /** Replies a string value, null bulk for a missing key, WRONGTYPE for other types; counts hits. */
    static boolean replyString(CommandContext ctx, Object value) {
        if (value == null) {
            ctx.server().stats().keyspaceMisses++;
            ctx.reply().nullBulk();
            return true;
        }
        ctx.server().stats().keyspaceHits++;
        if (value instanceof byte[] b) {
            ctx.reply().bulk(b);
        } else if (value instanceof MutableString m) {
            ctx.reply().bulk(m.array(), 0, m.length());
        } else {
            ctx.reply().error(Errors.WRONG_TYPE);
            return false;
        }
        return true;
    }
}
