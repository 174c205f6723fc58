package io.jredis.application.command;

import io.jredis.application.port.ReplySink;
import io.jredis.application.port.WriteLog;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.List;

/**
 * The driving port: an adapter hands it a client, a command's arguments and a reply sink. It
 * finds the command, applies Redis's checks in Redis's order (existence, arity, authentication,
 * transaction queuing), runs it and feeds what it changed to the write log.
 */
public final class CommandExecutor {

    private final ServerState server;
    private final CommandRegistry registry;
    private final CommandContext ctx;
    /** Error replies already counted as some command's failure (so nesting counts each once). */
    private long attributedErrors;

    public CommandExecutor(ServerState server, CommandRegistry registry) {
        this.server = server;
        this.registry = registry;
        this.ctx = new CommandContext(server, this);
        server.setRegistry(registry);
    }

    public ServerState server() {
        return server;
    }

    /** A new connection becomes a client; it starts authenticated when no password is set. */
    public ClientSession connect(io.jredis.application.port.ClientConnection connection) {
        return server.clients().connect(connection, server.clock().millis(),
                server.config().requirepass.isEmpty());
    }

    /** The connection is gone: forget the client and everything it held. */
    public void disconnect(ClientSession session) {
        server.watchedKeys().unwatchAll(session);
        server.clients().disconnect(session);
    }

    /** Runs one command for a client; the reply (or error) goes to {@code reply}. */
    public void execute(ClientSession session, Arguments args, ReplySink reply) {
        if (args.count() == 0) {
            return;
        }
        Command command = registry.lookup(args);
        if (command == null) {
            reject(session, reply, Errors.unknownCommand(args), null);
            return;
        }
        if (registry.isContainer(command) && args.count() >= 2) {
            Command sub = registry.lookupSubcommand(command, args);
            if (sub == null) {
                reject(session, reply, Errors.unknownSubcommand(args), null);
                return;
            }
            command = sub;
        }
        CommandSpec spec = command.spec();
        if (!spec.arityAccepts(args.count())) {
            reject(session, reply, Errors.wrongArity(spec.fullName()), command);
            return;
        }
        if (!session.authenticated() && !spec.has(CommandFlag.NO_AUTH)) {
            reject(session, reply, Errors.NOAUTH, command);
            return;
        }
        if (session.inMulti()) {
            if (spec.has(CommandFlag.NO_MULTI)) {
                reject(session, reply, Errors.NOT_ALLOWED_IN_MULTI, command);
                return;
            }
            if (!runsInsideMulti(spec)) {
                session.queue(args.copy());
                reply.status("QUEUED");
                return;
            }
        }
        call(session, command, args, reply);
    }

    /**
     * Runs a command that passed every check: directly, or as part of EXEC. Counts it and
     * propagates its effect.
     */
    public void call(ClientSession session, Command command, Arguments args, ReplySink reply) {
        long now = server.clock().millis();
        long dirtyBefore = server.stats().dirty;
        long errorsBefore = server.stats().errorReplies;
        long attributedBefore = attributedErrors;
        long started = server.clock().nanos();
        CommandSpec spec = command.spec();
        ctx.bind(session, args, reply, now);
        session.touch(now, spec.fullName());
        command.execute(ctx);
        CallStats cs = registry.stats(command);
        cs.calls++;
        cs.micros += (server.clock().nanos() - started) / 1000;
        // Errors of commands run inside this one (EXEC) count for them, not for this one.
        long own = server.stats().errorReplies - errorsBefore - (attributedErrors - attributedBefore);
        if (own > 0) {
            cs.failed++;
            attributedErrors += own;
        }
        server.stats().commandsProcessed++;
        WriteLog log = server.writeLog();
        // EXEC is not a write itself: the commands it runs propagate one by one, inside brackets.
        if (log.active() && spec.has(CommandFlag.WRITE) && server.stats().dirty != dirtyBefore
                && !ctx.propagationSuppressed()) {
            List<byte[]> argv = ctx.propagation();
            log.append(session.db(), argv != null ? argv : args.toList());
        }
    }

    /** Looks up the command a queued argument list names (EXEC), already checked when queued. */
    public Command resolve(Arguments args) {
        Command command = registry.lookup(args);
        if (command != null && registry.isContainer(command) && args.count() >= 2) {
            command = registry.lookupSubcommand(command, args);
        }
        return command;
    }

    private static boolean runsInsideMulti(CommandSpec spec) {
        String n = spec.fullName();
        return n.equals("exec") || n.equals("discard") || n.equals("multi") || n.equals("watch")
                || n.equals("quit") || n.equals("reset");
    }

    private void reject(ClientSession session, ReplySink reply, String error, Command command) {
        session.failMulti();
        if (command != null) {
            registry.stats(command).rejected++;
        }
        reply.error(error);
    }
}
