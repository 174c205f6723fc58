package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.Strings;

/** GETRANGE key start end (and its deprecated twin SUBSTR): inclusive, negative counts from the end. */
public final class GetrangeCommand implements Command {

    private static final String COMPLEXITY = "O(N) where N is the length of the returned string. The complexity"
            + " is ultimately determined by the returned length, but because creating a substring from an"
            + " existing string is very cheap, it can be considered O(1) for small strings.";

    private final CommandSpec spec;

    private GetrangeCommand(String name, String since) {
        this.spec = CommandSpec.command(name, 4)
                .flags(CommandFlag.READONLY).keys(1, 1, 1)
                .acl("read", "string", "slow")
                .group("string").since(since)
                .summary("Get a substring of the string stored at a key")
                .complexity(COMPLEXITY)
                .build();
    }

    public static GetrangeCommand getrange() {
        return new GetrangeCommand("getrange", "2.4.0");
    }

    public static GetrangeCommand substr() {
        return new GetrangeCommand("substr", "1.0.0");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (!args.isLong(2) || !args.isLong(3)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long start = args.longValue(2);
        long end = args.longValue(3);
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            ctx.server().stats().keyspaceMisses++;
            ctx.reply().bulk(StringValues.EMPTY);
            return;
        }
        ctx.server().stats().keyspaceHits++;
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        long len = Strings.length(value);
        if (start < 0 && end < 0 && start > end) {
            ctx.reply().bulk(StringValues.EMPTY);
            return;
        }
        if (start < 0) {
            start += len;
        }
        if (end < 0) {
            end += len;
        }
        start = Math.max(start, 0);
        end = Math.max(end, 0);
        end = Math.min(end, len - 1);
        if (start > end || len == 0) {
            ctx.reply().bulk(StringValues.EMPTY);
            return;
        }
        ctx.reply().bulk(StringValues.array(value), (int) start, (int) (end - start + 1));
    }
}
