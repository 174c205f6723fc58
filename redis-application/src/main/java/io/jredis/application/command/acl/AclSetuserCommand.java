package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL SETUSER name [rule ...]: all rules apply, or none (the error names the first bad one). */
public final class AclSetuserCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("setuser", -3)
            .summary("Modify or create the rules for a specific ACL user")
            .complexity("O(N). Where N is the number of rules provided.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        String name = AclCommand.raw(args, 2);
        if (name.indexOf(' ') >= 0 || name.indexOf('\0') >= 0) {
            ctx.reply().error(Errors.ACL_USERNAME_SPACES);
            return;
        }
        java.util.List<String> rules = new java.util.ArrayList<>(args.count() - 3);
        for (int i = 3; i < args.count(); i++) {
            rules.add(AclCommand.raw(args, i));
        }
        String error = ctx.server().acl().setUser(ctx.server().registry(), name, rules);
        if (error != null) {
            ctx.reply().error("ERR " + error.replace('\r', ' ').replace('\n', ' '));
            return;
        }
        ctx.reply().ok();
    }
}
