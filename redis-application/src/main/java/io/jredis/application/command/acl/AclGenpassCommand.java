package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL GENPASS [bits]: random hex, 256 bits unless told, rounded up to whole hex digits. */
public final class AclGenpassCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.plain("genpass", -2)
            .acl("slow").summary("Generate a pseudorandom secure password to use for ACL users").build();

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 3) {
            ctx.reply().error(Errors.subcommandSyntax(args));
            return;
        }
        long bits = 256;
        if (args.count() == 3) {
            if (!args.isLong(2)) {
                ctx.reply().error(Errors.NOT_INTEGER);
                return;
            }
            bits = args.longValue(2);
            if (bits <= 0 || bits > 4096) {
                ctx.reply().error(Errors.ACL_GENPASS_RANGE);
                return;
            }
        }
        int chars = (int) ((bits + 3) / 4);
        byte[] random = new byte[(chars + 1) / 2];
        RANDOM.nextBytes(random);
        ctx.reply().bulk(java.util.HexFormat.of().formatHex(random).substring(0, chars));
    }
}
