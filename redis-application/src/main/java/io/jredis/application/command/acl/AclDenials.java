package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.connection.ClientInfoLine;

import java.nio.charset.StandardCharsets;

/** Writes ACL LOG entries for refused commands and failed authentications, as Redis's addACLLogEntry. */
public final class AclDenials {

    private AclDenials() {
    }

    /** A command, key or channel refused to the context's client. */
    public static void log(CommandContext ctx, AclUsers.Denial d, CommandSpec spec, Arguments args, int base,
                           String context) {
        String object = d.reason() == AclUsers.DENIED_COMMAND ? spec.fullName()
                : new String(args.bytes(base + d.argIndex()), StandardCharsets.ISO_8859_1);
        add(ctx, AclUsers.reasonWord(d.reason()), context, object, ctx.session().user().name());
    }

    /** A failed AUTH or HELLO AUTH: the object is the command's name as typed, the user the one tried. */
    public static void authFailed(CommandContext ctx, String username) {
        add(ctx, "auth", ctx.session().inMulti() ? "multi" : "toplevel",
                new String(ctx.args().bytes(0), StandardCharsets.ISO_8859_1), username);
    }

    private static void add(CommandContext ctx, String reason, String context, String object, String username) {
        AclUsers acl = ctx.server().acl();
        acl.log().add(reason, context, object, username, ctx.now(), ClientInfoLine.of(ctx, ctx.session()),
                ctx.server().config().acllogMaxLen);
    }
}
