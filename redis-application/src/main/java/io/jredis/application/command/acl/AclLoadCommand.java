package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL LOAD: the users to (from) the configured aclfile. */
public final class AclLoadCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("load", 2)
            .summary("Reload the ACLs from the configured ACL file")
            .complexity("O(N). Where N is the number of configured users.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (ctx.server().config().aclfile.isEmpty()) {
            ctx.reply().error(Errors.ACL_NO_FILE);
            return;
        }
        String error = AclFiles.load(ctx);
        if (error != null) {
            ctx.reply().error(error);
            return;
        }
        ctx.reply().ok();
    }
}
