package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL WHOAMI: the name of the connection's user. */
public final class AclWhoamiCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.plain("whoami", 2)
            .acl("slow").summary("Return the name of the user associated to the current connection").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().bulk(ctx.session().user().name().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
