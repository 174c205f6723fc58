package io.jredis.application.command.hash;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.HashValue;

/** HGETALL (a map in RESP3), HKEYS and HVALS: Redis's genericHgetallCommand. */
public final class HgetallCommand implements Command {

    private final CommandSpec spec;
    private final boolean fields;
    private final boolean values;

    private HgetallCommand(CommandSpec spec, boolean fields, boolean values) {
        this.spec = spec;
        this.fields = fields;
        this.values = values;
    }

    public static HgetallCommand hgetall() {
        return new HgetallCommand(spec("hgetall", "Get all the fields and values in a hash"), true, true);
    }

    public static HgetallCommand hkeys() {
        return new HgetallCommand(spec("hkeys", "Get all the fields in a hash"), true, false);
    }

    public static HgetallCommand hvals() {
        return new HgetallCommand(spec("hvals", "Get all the values in a hash"), false, true);
    }

    private static CommandSpec spec(String name, String summary) {
        return CommandSpec.command(name, 2)
                .flags(CommandFlag.READONLY).keys(1, 1, 1)
                .acl("read", "hash", "slow").keyFlags("RO", "access")
                .group("hash").since("2.0.0").summary(summary)
                .complexity("O(N) where N is the size of the hash.")
                .tips("nondeterministic_output_order")
                .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        HashValue hash = Hashes.read(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        ReplySink reply = ctx.reply();
        int n = hash == null ? 0 : hash.size();
        if (fields && values) {
            reply.map(n);
        } else {
            reply.array(n);
        }
        for (int p = n == 0 ? -1 : hash.first(); p >= 0; p = hash.next(p)) {
            if (fields) {
                reply.bulk(hash.fieldArray(p), hash.fieldOffset(p), hash.fieldLength(p));
            }
            if (values) {
                reply.bulk(hash.valueArray(p), hash.valueOffset(p), hash.valueLength(p));
            }
        }
    }
}
