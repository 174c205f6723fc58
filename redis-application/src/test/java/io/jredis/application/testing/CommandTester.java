package io.jredis.application.testing;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.Commands;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.util.ArrayList;
import java.util.List;

/**
 * The application with its adapters swapped for fakes: a manual clock, an in-memory client and
 * a recording reply sink. {@code run("SET", "k", "v")} returns the reply as text.
 */
public final class CommandTester {

    public final ManualClock clock = new ManualClock(1_700_000_000_000L);
    public final ServerConfig config;
    public final ServerState server;
    public final CommandExecutor executor;
    private final RecordingReply reply;
    private final ClientSession session;

    public CommandTester() {
        this(new ServerConfig());
    }

    public CommandTester(ServerConfig config) {
        this(config, Commands.registry());
    }

    /** A server with a registry of the test's choosing (e.g. with a stand-in command). */
    public CommandTester(ServerConfig config, CommandRegistry registry) {
        this.config = config;
        this.server = new ServerState(config, clock);
        this.executor = new CommandExecutor(server, registry);
        this.reply = new RecordingReply(server.stats());
        this.session = newClient();
    }

    /** Another client of the same server. */
    public ClientSession newClient() {
        return executor.connect(new FakeConnection("127.0.0.1:50000"));
    }

    public ClientSession session() {
        return session;
    }

    /** Runs one command as the default client and returns its reply. */
    public String run(String... args) {
        return runAs(session, args);
    }

    public String runAs(ClientSession client, String... args) {
        reply.clear();
        executor.execute(client, Arguments.of(args), reply);
        if (reply.replies().size() != 1) {
            throw new AssertionError("expected one reply to " + String.join(" ", args) + ", got " + reply.replies());
        }
        return reply.last();
    }

    /**
     * Sends a command as {@code client} with the client's own reply sink, as the network adapter
     * does: a blocking command may reply nothing now. Read replies with {@link #replies}.
     */
    public void send(ClientSession client, String... args) {
        FakeConnection c = (FakeConnection) client.connection();
        executor.execute(client, Arguments.of(args), c.replies);
    }

    /** The replies {@code client} received since the last call (from send, serving, timeouts). */
    public List<String> replies(ClientSession client) {
        RecordingReply r = ((FakeConnection) client.connection()).replies;
        List<String> out = new ArrayList<>(r.replies());
        r.clear();
        return out;
    }

    /** Runs the executor's timeout handling for blocked clients at the clock's current time. */
    public void expireBlocked() {
        executor.timeoutBlockedClients();
    }
}
