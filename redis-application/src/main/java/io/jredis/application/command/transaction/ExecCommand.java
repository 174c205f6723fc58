package io.jredis.application.command.transaction;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.application.port.WriteLog;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.List;

/**
 * EXEC: runs the queued commands one after another with nothing in between (the command thread
 * is single), replying their results as one array; a null array when a watched key changed;
 * EXECABORT when queuing failed. The writes reach the write log as one bracketed unit.
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
        expireWatchedKeys(session, server, ctx.now());
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
        List<Arguments> queued = session.queued();
        session.endMulti();
        server.watchedKeys().unwatchAll(session);
        WriteLog log = server.writeLog();
        boolean bracket = log.active();
        if (bracket) {
            log.beginTransaction();
        }
        reply.array(queued.size());
        for (Arguments args : queued) {
            Command command = executor.resolve(args);
            executor.call(session, command, args, reply);
        }
        if (bracket) {
            log.endTransaction();
        }
    }

    /** A watched key whose time passed since WATCH counts as changed, as in Redis 7. */
    private static void expireWatchedKeys(ClientSession session, ServerState server, long now) {
        for (ClientSession.WatchedKey w : session.watched()) {
            // The look-up removes an expired key, which flags its watchers.
            server.keyspace().db(w.db()).contains(w.key(), now);
        }
    }
}
