package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PING [message]: PONG, or the message as a bulk string; [pong, message] to a RESP2 subscriber. */
public final class PingCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("ping", -1)
            .flags(CommandFlag.FAST).acl("fast", "connection")
            .group("connection").since("1.0.0").summary("Ping the server")
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        var args = ctx.args();
        if (args.count() > 2) {
            ctx.reply().error(io.jredis.application.command.Errors.wrongArity("ping"));
        } else if (ctx.session().inPubSubContext() && ctx.session().protocol() == 2) {
            // a RESP2 subscriber reads only arrays: PING answers in the shape of a message
            ctx.reply().array(2);
            ctx.reply().bulk("pong");
            if (args.count() == 2) {
                ctx.reply().bulk(args.array(), args.offset(1), args.length(1));
            } else {
                ctx.reply().bulk("");
            }
        } else if (args.count() == 2) {
            ctx.reply().bulk(args.array(), args.offset(1), args.length(1));
        } else {
            ctx.reply().status("PONG");
        }
    }
}
