package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.server.ClientPause;

/** CLIENT PAUSE timeout [WRITE|ALL]: holds clients' commands (all, or those that may write) for a while. */
public final class ClientPauseCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pause", -3)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous", "connection")
            .group("connection").since("2.9.50")
            .summary("Stop processing commands from clients for some time")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 4) {
            ctx.reply().error(Errors.subcommandSyntax(args));
            return;
        }
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.TIMEOUT_NOT_INTEGER);
            return;
        }
        long timeout = args.longValue(2);
        if (timeout < 0) {
            ctx.reply().error(Errors.TIMEOUT_NEGATIVE);
            return;
        }
        ClientPause.Mode mode = ClientPause.Mode.ALL;
        if (args.count() == 4) {
            if (args.is(3, "WRITE")) {
                mode = ClientPause.Mode.WRITE;
            } else if (!args.is(3, "ALL")) {
                ctx.reply().error(Errors.PAUSE_MODE);
                return;
            }
        }
        long now = ctx.server().clock().millis();
        long end = now + timeout;
        if (end >= now) {
            ctx.server().clientPause().pause(mode, end);
        } // else Redis's end time overflowed into the past: the pause is over at once

        ctx.reply().ok();
    }
}
