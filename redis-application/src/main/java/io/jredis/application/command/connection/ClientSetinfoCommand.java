package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** CLIENT SETINFO LIB-NAME|LIB-VER value (Redis 7.2; clients such as Jedis and Lettuce send it on connect). */
public final class ClientSetinfoCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("setinfo", 4)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("connection").since("7.2.0").summary("Set client or connection specific info")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean libName;
        if (args.is(2, "lib-name")) {
            libName = true;
        } else if (args.is(2, "lib-ver")) {
            libName = false;
        } else {
            ctx.reply().error(Errors.unrecognizedOption(args.text(2)));
            return;
        }
        if (!ClientNames.valid(args, 3)) {
            ctx.reply().error(Errors.clientAttributeInvalid(args.text(2)));
            return;
        }
        if (libName) {
            ctx.session().setLibName(args.string(3));
        } else {
            ctx.session().setLibVersion(args.string(3));
        }
        ctx.reply().ok();
    }
}
