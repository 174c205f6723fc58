package io.jredis.application.command.transaction;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.List;

/**
 * EXEC: runs the queued commands one after another with nothing in between (the command thread
 * is single), replying their results as one array; a null array when a watched key changed;
 * EXECABORT when queuing failed. The commands share EXEC's time, and their writes reach the
 * write log as EXEC's unit (bracketed when there are several; see PropagationUnit).
 */
public final class ExecCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("exec", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.SKIP_SLOWLOG)
            .acl("slow", "transaction")
            .group("transactions").since("1.2.0")
            .summary("Executes all commands in a transaction.")
            .complexity("Depends on commands in the transaction")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        // ctx is rebound by every queued command: take what EXEC needs first.
        ClientSession session = ctx.session();
        ReplySink reply = ctx.reply();
        ServerState server = ctx.server();
        CommandExecutor executor = ctx.executor();
        if (!session.inMulti()) {
            reply.error(Errors.EXEC_WITHOUT_MULTI);
            return;
        }
        // A watched key past its time counts as changed even if nothing reclaimed it yet.
        if (server.watchedKeys().anyExpired(session, ctx.now())) {
            session.setWatchedKeyTouched(true);
        }
        if (session.multiFailed() || session.watchedKeyTouched()) {
            if (session.multiFailed()) {
                reply.error(Errors.EXECABORT);
            } else {
                reply.nullArray();
            }
            session.endMulti();
            server.watchedKeys().unwatchAll(session);
            return;
        }
        server.watchedKeys().unwatchAll(session);
        List<Arguments> queued = session.queued();
        reply.array(queued.size());
        // The client stays in MULTI while its commands run (CLIENT INFO inside shows flags=x and
        // multi=N, as in Redis); nothing can queue meanwhile, as they run past the queuing check.
        try {
            for (Arguments args : queued) {
                io.jredis.application.command.Command command = executor.resolve(args);
                // ACLs changed since the command was queued are enforced now, as in Redis 7.0
                io.jredis.application.acl.AclUser user = session.user();
                if (!user.unrestricted()) {
                    io.jredis.application.acl.AclUsers.Denial d = server.acl().check(user, command, args, 0);
                    if (d != null) {
                        io.jredis.application.command.acl.AclDenials.log(ctx, d, command.spec(), args, 0, "multi");
                        reply.error(Errors.aclChangedInExec(d.reason()));
                        continue;
                    }
                }
                executor.call(session, command, args, reply);
            }
        } finally {
            session.endMulti();
        }
    }
}
