package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.application.session.ClientSession;

/**
 * HELLO [protover [AUTH username password] [SETNAME clientname]]. Steps in Redis 7.0's order:
 * version, option syntax, AUTH, SETNAME (applied even when the client then gets NOAUTH), the
 * authentication check, and finally the protocol switch, so the reply already uses the new one.
 */
public final class HelloCommand implements Command {

    /** The version HELLO and INFO report: the Redis release whose behaviour we reproduce. */
    public static final String REDIS_VERSION = "7.0.15";

    private static final CommandSpec SPEC = CommandSpec.command("hello", -1)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                    CommandFlag.NO_AUTH, CommandFlag.ALLOW_BUSY)
            .acl("fast", "connection")
            .group("connection").since("6.0.0").summary("Handshake with Redis")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        ClientSession session = ctx.session();
        int protocol = session.protocol();
        if (args.count() >= 2) {
            if (!args.isLong(1)) {
                ctx.reply().error(Errors.HELLO_PROTOCOL_NOT_INTEGER);
                return;
            }
            long v = args.longValue(1);
            if (v < 2 || v > 3) {
                ctx.reply().error(Errors.NOPROTO);
                return;
            }
            protocol = (int) v;
        }
        int auth = -1;
        int name = -1;
        for (int j = 2; j < args.count(); j++) {
            int more = args.count() - 1 - j;
            if (args.is(j, "AUTH") && more >= 2) {
                auth = j + 1;
                j += 2;
            } else if (args.is(j, "SETNAME") && more >= 1) {
                name = j + 1;
                j++;
            } else {
                ctx.reply().error(Errors.helloSyntax(args.text(j)));
                return;
            }
        }
        if (auth >= 0) {
            String username = new String(args.bytes(auth), java.nio.charset.StandardCharsets.ISO_8859_1);
            io.jredis.application.acl.AclUser user = ctx.server().acl().authenticate(username, args.bytes(auth + 1));
            if (user == null) {
                io.jredis.application.command.acl.AclDenials.authFailed(ctx, username);
                ctx.reply().error(Errors.WRONG_PASS);
                return;
            }
            session.setUser(user);
            session.setAuthenticated(true);
        }
        if (name >= 0) {
            if (!ClientNames.valid(args, name)) {
                ctx.reply().error(Errors.CLIENT_NAME_INVALID);
                return;
            }
            session.setName(args.string(name));
        }
        if (!session.authenticated() && ctx.server().acl().authRequired()) {
            ctx.reply().error(Errors.HELLO_NOAUTH);
            return;
        }
        session.setProtocol(protocol);
        ReplySink reply = ctx.reply();
        reply.protocol(protocol);
        reply.map(7);
        reply.bulk("server");
        reply.bulk("redis");
        reply.bulk("version");
        reply.bulk(REDIS_VERSION);
        reply.bulk("proto");
        reply.integer(protocol);
        reply.bulk("id");
        reply.integer(session.id());
        reply.bulk("mode");
        reply.bulk("standalone");
        reply.bulk("role");
        // HELLO says "replica" where ROLE and INFO say "slave"
        reply.bulk(ctx.server().replication().role().equals("master") ? "master" : "replica");
        reply.bulk("modules");
        reply.array(0);
    }
}
