package io.jredis.application.command.string;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Strings;

/** MGET key [key ...]: a value per key, nil for missing keys and for keys of other types. */
public final class MgetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("mget", -2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, -1, 1)
            .acl("read", "string", "fast")
            .group("string").since("1.0.0")
            .summary("Get the values of all the given keys")
            .complexity("O(N) where N is the number of keys to retrieve.")
            .tips("request_policy:multi_shard")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        int n = args.count();
        ctx.reply().array(n - 1);
        for (int j = 1; j < n; j++) {
            Object value = db.get(args.array(), args.offset(j), args.length(j), ctx.now());
            if (value == null) {
                ctx.server().stats().keyspaceMisses++;
                ctx.reply().nullBulk();
                continue;
            }
            ctx.server().stats().keyspaceHits++;
            if (Strings.isString(value)) {
                StringValues.replyValue(ctx, value);
            } else {
                ctx.reply().nullBulk();
            }
        }
    }
}
