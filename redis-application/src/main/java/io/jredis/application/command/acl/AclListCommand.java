package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL LIST: every user as its canonical rule line. */
public final class AclListCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("list", 2)
            .summary("List the current ACL rules in ACL config file format")
            .complexity("O(N). Where N is the number of configured users.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        AclUsers acl = ctx.server().acl();
        java.util.Collection<AclUser> all = acl.all();
        ctx.reply().array(all.size());
        for (AclUser u : all) {
            ctx.reply().bulk(acl.describe(ctx.server().registry(), u).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }
}
