package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]. On success nothing is replied: the server stops
 * and the client sees the connection close, as with Redis.
 *
 * <p>As Redis: SAVE, or no option while save points are configured, writes the snapshot first;
 * if that fails the server keeps running and replies "Errors trying to SHUTDOWN", unless FORCE
 * is given. No shutdown is ever left pending (no replicas to wait for), so ABORT always finds
 * none.
 */
public final class ShutdownCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("shutdown", -1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                    CommandFlag.NO_MULTI, CommandFlag.ALLOW_BUSY)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0")
            .summary("Synchronously save the dataset to disk and then shut down the server")
            .complexity("O(N) when saving, where N is the total number of keys in all databases when saving data, "
                    + "otherwise O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean nosave = false;
        boolean save = false;
        boolean force = false;
        boolean now = false;
        boolean abort = false;
        for (int i = 1; i < args.count(); i++) {
            if (args.is(i, "nosave")) {
                nosave = true;
            } else if (args.is(i, "save")) {
                save = true;
            } else if (args.is(i, "now")) {
                now = true;
            } else if (args.is(i, "force")) {
                force = true;
            } else if (args.is(i, "abort")) {
                abort = true;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if ((abort && (nosave || save || now || force)) || (nosave && save)) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        if (abort) {
            ctx.reply().error(Errors.SHUTDOWN_NOT_IN_PROGRESS);
            return;
        }
        if (!nosave && ctx.server().busyScript()) {
            ctx.reply().error(Errors.SCRIPT_BUSY); // only SHUTDOWN NOSAVE may stop a busy script's server
            return;
        }
        // As Redis's prepareForShutdown: a background save or rewrite in progress is killed (its
        // temp file removed) first, whether or not we save.
        ctx.server().backgroundSnapshot().kill();
        boolean savePoints = !ctx.server().config().save.isBlank();
        if ((save || (savePoints && !nosave)) && !ctx.server().saveSnapshot() && !force) {
            ctx.reply().error(Errors.SHUTDOWN_FAILED);
            return;
        }
        ctx.server().lifecycle().shutdown();
    }
}
