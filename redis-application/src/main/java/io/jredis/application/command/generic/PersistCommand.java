package io.jredis.application.command.generic;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/** PERSIST key: removes the time to live; 1 when there was one. */
public final class PersistCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("persist", 2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("2.2.0").summary("Remove the expiration from a key")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now()) != null
                && ctx.db().persist(args.bytes(1), ctx.now())) {
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "persist", args, 1);
            ctx.reply().integer(1);
        } else {
            ctx.reply().integer(0);
        }
    }
}
