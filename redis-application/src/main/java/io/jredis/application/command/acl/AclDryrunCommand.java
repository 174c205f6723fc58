package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL DRYRUN user command [arg ...]: OK, or why the user could not run it (as a bulk string). */
public final class AclDryrunCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("dryrun", -4)
            .since("7.0.0")
            .summary("Returns whether the user can execute the given command without executing the command.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        AclUser u = ctx.server().acl().get(AclCommand.raw(args, 2));
        if (u == null) {
            ctx.reply().error("ERR User '" + args.text(2) + "' not found");
            return;
        }
        Arguments target = Arguments.of(args.copies(3, args.count() - 1).toArray(new byte[0][]));
        Command command = ctx.server().registry().lookup(target);
        if (command != null && ctx.server().registry().isContainer(command) && target.count() >= 2) {
            command = ctx.server().registry().lookupSubcommand(command, target);
        }
        if (command == null) {
            ctx.reply().error("ERR Command '" + args.text(3) + "' not found");
            return;
        }
        if (!command.spec().arityAccepts(target.count())) {
            ctx.reply().error("ERR wrong number of arguments for '" + command.spec().fullName() + "' command");
            return;
        }
        AclUsers.Denial d = ctx.server().acl().check(u, command, target, 0);
        if (d != null) {
            ctx.reply().bulk(AclUsers.denialMessage(d, command.spec(), target, 0, true)
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return;
        }
        ctx.reply().ok();
    }
}
