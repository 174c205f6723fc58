package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.session.ClientSession;

/**
 * RESET: the connection as if new: transaction discarded, keys unwatched, subscriptions dropped
 * without a frame, database 0, RESP2,
 * no name, and unauthenticated again when a password is required. NO-EVICT survives, as in
 * Redis 7.0.
 */
public final class ResetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("reset", 1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.NO_AUTH, CommandFlag.ALLOW_BUSY)
            .acl("fast", "connection")
            .group("connection").since("6.2.0").summary("Reset the connection")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ClientSession s = ctx.session();
        if (s.inMulti()) {
            s.endMulti();
        }
        ctx.server().watchedKeys().unwatchAll(s);
        ctx.server().pubsub().forget(s);
        s.setPubSubContext(false);
        if (s.monitoring()) {
            s.setMonitoring(false);
            ctx.server().monitors().remove(s);
        }
        s.selectDb(0);
        s.setProtocol(2);
        s.setName("");
        s.setReplyMode(ClientSession.ReplyMode.ON);
        // back to the default user, authenticated only if it needs no password (Redis's clearClientConnectionState)
        io.jredis.application.acl.AclUser d = ctx.server().acl().defaultUser();
        s.setUser(d);
        s.setAuthenticated(d.nopass() && d.enabled());
        ctx.reply().protocol(2);
        ctx.reply().status("RESET");
    }
}
