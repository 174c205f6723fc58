package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** AUTH [username] password. A failed attempt leaves an authenticated client authenticated. */
public final class AuthCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("auth", -2)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.NO_AUTH, CommandFlag.ALLOW_BUSY)
            .acl("fast", "connection")
            .group("connection").since("1.0.0").summary("Authenticate to the server")
            .complexity("O(N) where N is the number of passwords defined for the user")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 3) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        boolean accepted;
        if (args.count() == 2) {
            if (ctx.server().config().requirepass.isEmpty()) {
                ctx.reply().error(Errors.AUTH_NOT_CONFIGURED);
                return;
            }
            accepted = DefaultUser.acceptsPassword(ctx.server().config(), args, 1);
        } else {
            accepted = DefaultUser.accepts(ctx.server().config(), args, 1, 2);
        }
        if (!accepted) {
            ctx.reply().error(Errors.WRONG_PASS);
            return;
        }
        ctx.session().setAuthenticated(true);
        ctx.reply().ok();
    }
}
