package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.Strings;

/** STRLEN key: 0 for a missing key. */
public final class StrlenCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("strlen", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "string", "fast")
            .group("string").since("2.2.0")
            .summary("Get the length of the value stored in a key")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            ctx.server().stats().keyspaceMisses++;
            ctx.reply().integer(0);
            return;
        }
        ctx.server().stats().keyspaceHits++;
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        ctx.reply().integer(Strings.length(value));
    }
}
