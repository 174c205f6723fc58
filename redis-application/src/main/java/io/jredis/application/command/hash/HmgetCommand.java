package io.jredis.application.command.hash;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.HashValue;

/** HMGET key field [field ...]. */
public final class HmgetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hmget", -3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "hash", "fast").keyFlags("RO", "access")
            .group("hash").since("2.0.0").summary("Get the values of all the given hash fields")
            .complexity("O(N) where N is the number of fields being requested.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        HashValue hash = Hashes.read(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        ctx.reply().array(args.count() - 2);
        for (int i = 2; i < args.count(); i++) {
            int p = hash == null ? -1 : hash.indexOf(args.array(), args.offset(i), args.length(i));
            if (p < 0) {
                ctx.reply().nullBulk();
            } else {
                ctx.reply().bulk(hash.valueArray(p), hash.valueOffset(p), hash.valueLength(p));
            }
        }
    }
}
