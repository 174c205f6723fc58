package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/**
 * CLIENT REPLY ON|OFF|SKIP: OFF and SKIP answer nothing themselves; SKIP drops the next
 * command's reply only. The network adapter honours {@code ClientSession.repliesSuppressed()}.
 */
public final class ClientReplyCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("reply", 3)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("connection").since("3.2.0").summary("Instruct the server whether to reply to commands")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.is(2, "ON")) {
            ctx.session().setReplyMode(io.jredis.application.session.ClientSession.ReplyMode.ON);
            ctx.reply().ok();
        } else if (args.is(2, "OFF")) {
            ctx.session().setReplyMode(io.jredis.application.session.ClientSession.ReplyMode.OFF);
        } else if (args.is(2, "SKIP")) {
            ctx.session().setReplyMode(io.jredis.application.session.ClientSession.ReplyMode.SKIP_NEXT);
        } else {
            ctx.reply().error(Errors.SYNTAX);
        }
    }
}
