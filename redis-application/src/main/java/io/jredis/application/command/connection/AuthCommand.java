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
        io.jredis.application.acl.AclUsers acl = ctx.server().acl();
        String username;
        int password;
        if (args.count() == 2) {
            // AUTH password is AUTH default password, refused outright while default is nopass
            if (acl.defaultUser().nopass()) {
                ctx.reply().error(Errors.AUTH_NOT_CONFIGURED);
                return;
            }
            username = io.jredis.application.acl.AclUsers.DEFAULT;
            password = 1;
        } else {
            username = new String(args.bytes(1), java.nio.charset.StandardCharsets.ISO_8859_1);
            password = 2;
        }
        io.jredis.application.acl.AclUser user = acl.authenticate(username, args.bytes(password));
        if (user == null) {
            io.jredis.application.command.acl.AclDenials.authFailed(ctx, username);
            ctx.reply().error(Errors.WRONG_PASS);
            return;
        }
        ctx.session().setUser(user);
        ctx.session().setAuthenticated(true);
        ctx.reply().ok();
    }
}
