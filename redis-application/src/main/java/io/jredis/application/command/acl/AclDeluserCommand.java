package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL DELUSER name [name ...]: how many existed; their clients are disconnected. */
public final class AclDeluserCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("deluser", -3)
            .summary("Remove the specified ACL users and the associated rules")
            .complexity("O(1) amortized time considering the typical user.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        for (int i = 2; i < args.count(); i++) {
            if (AclCommand.raw(args, i).equals(AclUsers.DEFAULT)) {
                ctx.reply().error(Errors.ACL_DEFAULT_NOT_REMOVABLE);
                return;
            }
        }
        int deleted = 0;
        for (int i = 2; i < args.count(); i++) {
            AclUser u = ctx.server().acl().delete(AclCommand.raw(args, i));
            if (u != null) {
                deleted++;
                disconnectClientsOf(ctx, u);
            }
        }
        ctx.reply().integer(deleted);
    }

    /** Clients authenticated as a user that no longer exists are closed (the caller's after its reply). */
    static void disconnectClientsOf(CommandContext ctx, AclUser u) {
        java.util.List<io.jredis.application.session.ClientSession> victims = new java.util.ArrayList<>();
        for (io.jredis.application.session.ClientSession s : ctx.server().clients().all()) {
            if (s.user() == u) {
                victims.add(s);
            }
        }
        for (io.jredis.application.session.ClientSession s : victims) {
            if (s == ctx.session()) {
                s.markClosing();
            } else {
                ctx.server().clients().kill(s);
            }
        }
    }
}
