package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/** CLIENT NO-EVICT ON|OFF. */
public final class ClientNoEvictCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("no-evict", 3)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous", "connection")
            .group("connection").since("7.0.0").summary("Set client eviction mode for the current connection")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.is(2, "ON")) {
            ctx.session().setNoEvict(true);
        } else if (args.is(2, "OFF")) {
            ctx.session().setNoEvict(false);
        } else {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        ctx.reply().ok();
    }
}
