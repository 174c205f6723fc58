package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL CAT [category]: the categories, or every command and subcommand in one. */
public final class AclCatCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.plain("cat", -2)
            .acl("slow").summary("List the ACL categories or the commands inside a category")
            .complexity("O(1) since the categories and commands are a fixed set.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        ReplySink r = ctx.reply();
        if (args.count() > 3) {
            r.error(Errors.subcommandSyntax(args));
            return;
        }
        if (args.count() == 2) {
            java.util.List<String> cats = AclUsers.categories();
            r.array(cats.size());
            cats.forEach(r::bulk);
            return;
        }
        java.util.List<String> names = ctx.server().acl().commandsIn(ctx.server().registry(), AclCommand.raw(args, 2));
        if (names == null) {
            r.error(Errors.aclUnknownCategory(args.text(2)));
            return;
        }
        r.array(names.size());
        names.forEach(r::bulk);
    }
}
