package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL GETUSER name: flags, password hashes, and the root selector's then each selector's rules. */
public final class AclGetuserCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("getuser", 3)
            .summary("Get the rules for a specific ACL user")
            .complexity("O(N). Where N is the number of password, command and pattern rules that the user has.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        AclUsers acl = ctx.server().acl();
        AclUser u = acl.get(AclCommand.raw(ctx.args(), 2));
        ReplySink r = ctx.reply();
        if (u == null) {
            r.nullBulk();
            return;
        }
        r.map(6);
        r.bulk("flags");
        java.util.List<String> flags = acl.flags(u);
        r.set(flags.size());
        flags.forEach(r::bulk);
        r.bulk("passwords");
        java.util.List<String> hashes = acl.passwordHashes(u);
        r.array(hashes.size());
        hashes.forEach(r::bulk);
        selector(ctx, acl, u, -1);
        r.bulk("selectors");
        int n = acl.selectorCount(u);
        r.array(n);
        for (int i = 0; i < n; i++) {
            r.map(3);
            selector(ctx, acl, u, i);
        }
    }

    private static void selector(CommandContext ctx, AclUsers acl, AclUser u, int i) {
        ReplySink r = ctx.reply();
        r.bulk("commands");
        r.bulk(acl.describeCommands(ctx.server().registry(), u, i));
        r.bulk("keys");
        r.bulk(bytes(acl.describeKeys(u, i)));
        r.bulk("channels");
        r.bulk(bytes(acl.describeChannels(u, i)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
