package io.jredis.application.command.hash;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.HashValue;

/** HDEL key field [field ...]; deletes the key once the hash is empty. */
public final class HdelCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hdel", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "hash", "fast").keyFlags("RW", "delete")
            .group("hash").since("2.0.0").summary("Delete one or more hash fields")
            .complexity("O(N) where N is the number of fields to be removed.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        HashValue hash = Hashes.write(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        int deleted = 0;
        if (hash != null) {
            for (int i = 2; i < args.count(); i++) {
                if (hash.remove(args.array(), args.offset(i), args.length(i))) {
                    deleted++;
                    if (hash.isEmpty()) {
                        break;
                    }
                }
            }
            if (deleted > 0) {
                ctx.notifyKeyspaceEvent(KeyspaceEvents.HASH, "hdel", args, 1);
                Hashes.removeIfEmpty(ctx, hash, 1);
                ctx.keyModified(args, 1);
            }
        }
        ctx.reply().integer(deleted);
    }
}
