package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.keyspace.Glob;

import java.util.ArrayList;
import java.util.List;

/** KEYS pattern: every live key matching a glob pattern, in table order. */
public final class KeysCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("keys", 2)
            .flags(CommandFlag.READONLY).keys(0, 0, 0)
            .acl("keyspace", "read", "slow", "dangerous")
            .group("generic").since("1.0.0").summary("Find all keys matching the given pattern")
            .complexity("O(N) with N being the number of keys in the database, under the assumption that the key"
                    + " names in the database and the given pattern have limited length.")
            .tips("request_policy:all_shards", "nondeterministic_output_order")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        byte[] p = args.array();
        int off = args.offset(1);
        int len = args.length(1);
        // "*" matches even the empty key, which the matcher alone would not (Redis special-cases it too).
        boolean all = Glob.isMatchAll(p, off, len);
        List<byte[]> keys = new ArrayList<>();
        // Expired keys are skipped but not reclaimed here, as in Redis.
        ctx.db().forEach(ctx.now(), (key, value, expireAt) -> {
            if (all || Glob.matches(p, off, len, key, 0, key.length, false)) {
                keys.add(key);
            }
        });
        ctx.reply().array(keys.size());
        for (byte[] k : keys) {
            ctx.reply().bulk(k);
        }
    }
}
