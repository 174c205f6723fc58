package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.session.ClientSession;

import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT KILL ip:port (OK, or "No such client"), or CLIENT KILL with filters ID, TYPE, ADDR,
 * LADDR, USER, SKIPME (the number killed). Another client's connection closes at once; the
 * caller's own closes after this reply, as Redis does.
 */
public final class ClientKillCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("kill", -3)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous", "connection")
            .group("connection").since("2.4.0").summary("Kill the connection of a client")
            .complexity("O(N) where N is the number of client connections")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        String addr = null;
        String laddr = null;
        io.jredis.application.acl.AclUser user = null;
        long id = 0;
        int type = ClientTypes.UNKNOWN;
        boolean skipMe = true;
        boolean oldForm = args.count() == 3;
        if (oldForm) {
            addr = args.string(2);
            skipMe = false;
        } else {
            for (int i = 2; i < args.count(); i += 2) {
                boolean more = i + 1 < args.count();
                if (args.is(i, "ID") && more) {
                    if (!args.isLong(i + 1) || args.longValue(i + 1) <= 0) {
                        ctx.reply().error(Errors.CLIENT_ID_NOT_POSITIVE);
                        return;
                    }
                    id = args.longValue(i + 1);
                } else if (args.is(i, "TYPE") && more) {
                    type = ClientTypes.parse(args, i + 1);
                    if (type == ClientTypes.UNKNOWN) {
                        ctx.reply().error(Errors.unknownClientType(args.text(i + 1)));
                        return;
                    }
                } else if (args.is(i, "ADDR") && more) {
                    addr = args.string(i + 1);
                } else if (args.is(i, "LADDR") && more) {
                    laddr = args.string(i + 1);
                } else if (args.is(i, "USER") && more) {
                    user = ctx.server().acl().get(new String(args.bytes(i + 1),
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (user == null) {
                        ctx.reply().error(Errors.noSuchUser(args.text(i + 1)));
                        return;
                    }
                } else if (args.is(i, "SKIPME") && more) {
                    if (args.is(i + 1, "yes")) {
                        skipMe = true;
                    } else if (args.is(i + 1, "no")) {
                        skipMe = false;
                    } else {
                        ctx.reply().error(Errors.SYNTAX);
                        return;
                    }
                } else {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
            }
        }
        ClientSession self = ctx.session();
        List<ClientSession> victims = new ArrayList<>();
        for (ClientSession s : ctx.server().clients().all()) {
            if ((addr != null && !addr.equals(s.connection().remoteAddress()))
                    || (laddr != null && !laddr.equals(s.connection().localAddress()))
                    || (id != 0 && id != s.id())
                    || (user != null && user != s.user())
                    || (type != ClientTypes.UNKNOWN && type != ClientTypes.of(s))
                    || (skipMe && s == self)) {
                continue;
            }
            victims.add(s);
        }
        for (ClientSession s : victims) {
            if (s == self) {
                s.markClosing();
            } else {
                ctx.server().clients().kill(s);
            }
        }
        if (oldForm) {
            if (victims.isEmpty()) {
                ctx.reply().error(Errors.NO_SUCH_CLIENT);
            } else {
                ctx.reply().ok();
            }
        } else {
            ctx.reply().integer(victims.size());
        }
    }
}
