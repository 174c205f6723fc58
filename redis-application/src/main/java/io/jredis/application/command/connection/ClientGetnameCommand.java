package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** CLIENT GETNAME: the name, or a null reply when there is none. */
public final class ClientGetnameCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getname", 2)
            .flags(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("connection").since("2.6.9").summary("Get the current connection name")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        String name = ctx.session().name();
        if (name.isEmpty()) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(name);
        }
    }
}
