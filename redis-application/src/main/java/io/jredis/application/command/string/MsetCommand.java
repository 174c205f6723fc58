package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;

/**
 * MSET key value [key value ...] and MSETNX (which sets nothing, replying 0, when any key
 * exists). Keys are set left to right, so a repeated key keeps its last value; every key loses
 * its time to live.
 */
public final class MsetCommand implements Command {

    private final CommandSpec spec;
    private final boolean onlyIfNoneExists;

    private MsetCommand(CommandSpec spec, boolean onlyIfNoneExists) {
        this.spec = spec;
        this.onlyIfNoneExists = onlyIfNoneExists;
    }

    public static MsetCommand mset() {
        return new MsetCommand(CommandSpec.command("mset", -3)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, -1, 2)
                .acl("write", "string", "slow")
                .group("string").since("1.0.1")
                .summary("Set multiple keys to multiple values")
                .complexity("O(N) where N is the number of keys to set.")
                .tips("request_policy:multi_shard", "response_policy:all_succeeded")
                .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 2, 0), "OW", "update")
                .build(), false);
    }

    public static MsetCommand msetnx() {
        return new MsetCommand(CommandSpec.command("msetnx", -3)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, -1, 2)
                .acl("write", "string", "slow")
                .group("string").since("1.0.1")
                .summary("Set multiple keys to multiple values, only if none of the keys exist")
                .complexity("O(N) where N is the number of keys to set.")
                .tips("request_policy:multi_shard", "response_policy:agg_min")
                .keySpec(CommandSpec.index(1), CommandSpec.range(-1, 2, 0), "OW", "insert")
                .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int n = args.count();
        if (n % 2 == 0) {
            ctx.reply().error(Errors.wrongArity(spec.name()));
            return;
        }
        Database db = ctx.db();
        byte[] buf = args.array();
        if (onlyIfNoneExists) {
            for (int j = 1; j < n; j += 2) {
                if (db.get(buf, args.offset(j), args.length(j), ctx.now()) != null) {
                    ctx.reply().integer(0);
                    return;
                }
            }
        }
        for (int j = 1; j < n; j += 2) {
            db.put(buf, args.offset(j), args.length(j), args.bytes(j + 1), Database.NO_EXPIRY, ctx.now());
            ctx.keyModified(args, j);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "set", args, j);
        }
        if (onlyIfNoneExists) {
            ctx.reply().integer(1);
        } else {
            ctx.reply().ok();
        }
    }
}
