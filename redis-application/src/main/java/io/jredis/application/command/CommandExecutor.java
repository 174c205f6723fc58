package io.jredis.application.command;

import io.jredis.application.port.ReplySink;
import io.jredis.application.server.PropagationUnit;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.List;

/**
 * The driving port: an adapter hands it a client, a command's arguments and a reply sink. It
 * finds the command, applies Redis's checks in Redis's order (existence, arity, authentication,
 * transaction queuing), runs it and feeds what it changed to the write log.
 */
public final class CommandExecutor {

    private static final String NO_COMMAND = "NULL";

    private final ServerState server;
    private final CommandRegistry registry;
    private final CommandContext ctx;
    /** Error replies already counted as some command's failure (so nesting counts each once). */
    private long attributedErrors;
    /** Commands running now: more than one inside EXEC. */
    private int depth;
    /** The time of the outermost running command, which the commands EXEC runs share. */
    private long unitNow;

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
        long now = server.clock().millis();
        Command command = registry.lookup(args);
        if (command == null) {
            session.touch(now, NO_COMMAND);
            reject(session, reply, Errors.unknownCommand(args), null);
            return;
        }
        if (registry.isContainer(command) && args.count() >= 2) {
            Command sub = registry.lookupSubcommand(command, args);
            if (sub == null) {
                session.touch(now, NO_COMMAND);
                reject(session, reply, Errors.unknownSubcommand(args), null);
                return;
            }
            command = sub;
        }
        CommandSpec spec = command.spec();
        // CLIENT LIST's cmd= names the command as soon as it is known, even if refused or queued.
        session.touch(now, spec.fullName());
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
                // A doomed transaction keeps no more commands (Redis 7.0 neither), yet says QUEUED.
                if (!session.queueDoomed()) {
                    session.queue(args.copy());
                }
                reply.status("QUEUED");
                return;
            }
        }
        invoke(session, command, args, reply, now);
    }

    /**
     * Runs a command that passed every check as part of the running one (EXEC's queue): it
     * shares the outer command's time, and its writes join the outer command's unit.
     */
    public void call(ClientSession session, Command command, Arguments args, ReplySink reply) {
        if (depth == 0) {
            invoke(session, command, args, reply, server.clock().millis());
            return;
        }
        ClientSession outerSession = ctx.session();
        Arguments outerArgs = ctx.args();
        ReplySink outerReply = ctx.reply();
        long outerNow = ctx.now();
        try {
            invoke(session, command, args, reply, unitNow);
        } finally {
            ctx.restore(outerSession, outerArgs, outerReply, outerNow);
        }
    }

    /** Counts the command, runs it, and propagates its effect as part of the current unit. */
    private void invoke(ClientSession session, Command command, Arguments args, ReplySink reply, long now) {
        long dirtyBefore = server.stats().dirty;
        long errorsBefore = server.stats().errorReplies;
        long attributedBefore = attributedErrors;
        long started = server.clock().nanos();
        CommandSpec spec = command.spec();
        PropagationUnit unit = server.propagation();
        if (depth++ == 0) {
            unitNow = now;
            ctx.setOutermostArgs(args);
        }
        unit.open();
        try {
            ctx.bind(session, args, reply, now);
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
            // EXEC is not a write itself: the commands it runs propagate one by one, in its unit.
            if (server.writeLog().active() && spec.has(CommandFlag.WRITE) && server.stats().dirty != dirtyBefore
                    && !ctx.propagationSuppressed()) {
                List<byte[]> argv = ctx.propagation();
                unit.append(session.db(), argv != null ? argv : args.toList());
            }
        } finally {
            depth--;
            unit.close(!spec.has(CommandFlag.TOUCHES_ARBITRARY_KEYS));
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
        if (command != null) {
            registry.stats(command).rejected++;
        }
        if (command != null && command.spec().fullName().equals("exec")) {
            // A refused EXEC ends the transaction (and the watches) it would have run, saying
            // why, as Redis's execCommandAbort; even outside MULTI.
            session.endMulti();
            server.watchedKeys().unwatchAll(session);
            reply.error(Errors.execAbort(error));
            return;
        }
        session.failMulti();
        reply.error(error);
    }
}
