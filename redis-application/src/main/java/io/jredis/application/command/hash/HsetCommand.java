package io.jredis.application.command.hash;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.HashValue;

/** HSET key field value [field value ...] (replies how many fields are new) and HMSET (replies OK). */
public final class HsetCommand implements Command {

    private final CommandSpec spec;
    private final boolean hmset;

    private HsetCommand(CommandSpec spec, boolean hmset) {
        this.spec = spec;
        this.hmset = hmset;
    }

    public static HsetCommand hset() {
        return new HsetCommand(CommandSpec.command("hset", -4)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
                .acl("write", "hash", "fast").keyFlags("RW", "update")
                .group("hash").since("2.0.0").summary("Set the string value of a hash field")
                .complexity("O(1) for each field/value pair added, so O(N) to add N field/value pairs when the"
                        + " command is called with multiple field/value pairs.")
                .build(), false);
    }

    public static HsetCommand hmset() {
        return new HsetCommand(CommandSpec.command("hmset", -4)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
                .acl("write", "hash", "fast").keyFlags("RW", "update")
                .group("hash").since("2.0.0").summary("Set multiple hash fields to multiple values")
                .complexity("O(N) where N is the number of fields being set.")
                .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() % 2 == 1) {
            ctx.reply().error(Errors.wrongArity(spec.name()));
            return;
        }
        HashValue hash = Hashes.writeOrCreate(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        for (int i = 2; i < args.count(); i++) {
            hash.fitLength(args.length(i));
        }
        int created = 0;
        for (int i = 2; i < args.count(); i += 2) {
            if (hash.put(args.array(), args.offset(i), args.length(i), args.array(), args.offset(i + 1),
                    args.length(i + 1))) {
                created++;
            }
        }
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.HASH, "hset", args, 1);
        if (hmset) {
            ctx.reply().ok();
        } else {
            ctx.reply().integer(created);
        }
    }
}
