package io.jredis.application.command.ops;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.connection.HelloCommand;

/**
 * LOLWUT [VERSION v]: Redis 7.0's form for its own version, "Redis ver. 7.0.15". The generative
 * art of VERSION 5 and 6 is not drawn: every version gets this form.
 */
public final class LolwutCommand implements Command {

    private static final String TEXT = "Redis ver. " + HelloCommand.REDIS_VERSION + "\n";

    private static final CommandSpec SPEC = CommandSpec.command("lolwut", -1)
            .flags(CommandFlag.READONLY, CommandFlag.FAST)
            .acl("read", "fast")
            .group("server").since("5.0.0").summary("Display some computer art and the Redis version")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() >= 3 && args.is(1, "VERSION") && !args.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        ctx.reply().verbatim("txt", TEXT);
    }
}
