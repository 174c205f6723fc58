package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.session.ClientSession;

/**
 * CLIENT UNBLOCK client-id [TIMEOUT|ERROR]: ends another client's blocking command with its
 * timeout reply or the UNBLOCKED error; 1 when it was blocked, else 0.
 */
public final class ClientUnblockCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("unblock", -3)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous", "connection")
            .group("connection").since("5.0.0")
            .summary("Unblock a client blocked in a blocking command from a different connection")
            .complexity("O(log N) where N is the number of client connections")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        if (a.count() > 4) {
            ctx.reply().error("ERR unknown subcommand or wrong number of arguments for 'unblock'. Try CLIENT HELP.");
            return;
        }
        boolean error = false;
        if (a.count() == 4) {
            if (a.is(3, "ERROR")) {
                error = true;
            } else if (!a.is(3, "TIMEOUT")) {
                ctx.reply().error(Errors.CLIENT_UNBLOCK_REASON);
                return;
            }
        }
        if (!a.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        ClientSession target = ctx.server().clients().byId(a.longValue(2));
        boolean unblocked = target != null && ctx.executor().unblock(target, error);
        ctx.reply().integer(unblocked ? 1 : 0);
    }
}
