package io.jredis.application.command.hash;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.HashValue;

/** HSETNX key field value. */
public final class HsetnxCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hsetnx", 4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "hash", "fast").keyFlags("RW", "insert")
            .group("hash").since("2.0.0").summary("Set the value of a hash field, only if the field does not exist")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        HashValue hash = Hashes.writeOrCreate(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        if (hash.indexOf(args.array(), args.offset(2), args.length(2)) >= 0) {
            ctx.reply().integer(0);
            return;
        }
        hash.put(args.array(), args.offset(2), args.length(2), args.array(), args.offset(3), args.length(3));
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.HASH, "hset", args, 1);
        ctx.reply().integer(1);
    }
}
