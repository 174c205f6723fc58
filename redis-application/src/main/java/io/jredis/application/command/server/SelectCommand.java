package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.generic.DbIndex;

/** SELECT index: changes the client's database. */
public final class SelectCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("select", 2)
            .flags(CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST)
            .acl("fast", "connection")
            .group("connection").since("1.0.0").summary("Change the selected database for the current connection")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        long index = DbIndex.parse(ctx.args(), 1);
        if (DbIndex.failed(index)) {
            ctx.reply().error(DbIndex.error(index));
            return;
        }
        if (!DbIndex.inRange(index, ctx.server().keyspace().count())) {
            ctx.reply().error(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        ctx.session().selectDb((int) index);
        ctx.reply().ok();
    }
}
