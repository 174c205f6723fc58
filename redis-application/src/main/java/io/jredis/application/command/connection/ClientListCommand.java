package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.session.ClientSession;

/**
 * CLIENT LIST [TYPE type | ID id [id ...]]: one line per client, each ending in a newline;
 * verbatim text in RESP3. With ID, clients come in the order the ids were given.
 */
public final class ClientListCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("list", -2)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous", "connection")
            .group("connection").since("2.4.0").summary("Get the list of client connections")
            .complexity("O(N) where N is the number of client connections")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        StringBuilder out = new StringBuilder();
        if (args.count() == 4 && args.is(2, "TYPE")) {
            int type = ClientTypes.parse(args, 3);
            if (type == ClientTypes.UNKNOWN) {
                ctx.reply().error(Errors.unknownClientType(args.text(3)));
                return;
            }
            for (ClientSession s : ctx.server().clients().all()) {
                if (ClientTypes.of(s) == type) {
                    out.append(ClientInfoLine.of(ctx, s)).append('\n');
                }
            }
        } else if (args.count() > 3 && args.is(2, "ID")) {
            long[] ids = new long[args.count() - 3];
            for (int i = 3; i < args.count(); i++) {
                if (!args.isLong(i)) {
                    ctx.reply().error(Errors.INVALID_CLIENT_ID);
                    return;
                }
                ids[i - 3] = args.longValue(i);
            }
            for (long id : ids) {
                ClientSession s = ctx.server().clients().byId(id);
                if (s != null) {
                    out.append(ClientInfoLine.of(ctx, s)).append('\n');
                }
            }
        } else if (args.count() != 2) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        } else {
            for (ClientSession s : ctx.server().clients().all()) {
                out.append(ClientInfoLine.of(ctx, s)).append('\n');
            }
        }
        ctx.reply().verbatim("txt", out.toString());
    }
}
