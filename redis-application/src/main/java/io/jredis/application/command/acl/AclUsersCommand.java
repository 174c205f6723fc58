package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL USERS: every user name, sorted. */
public final class AclUsersCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("users", 2)
            .summary("List the username of all the configured ACL rules")
            .complexity("O(N). Where N is the number of configured users.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        java.util.Collection<AclUser> all = ctx.server().acl().all();
        ctx.reply().array(all.size());
        for (AclUser u : all) {
            ctx.reply().bulk(u.name().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }
}
