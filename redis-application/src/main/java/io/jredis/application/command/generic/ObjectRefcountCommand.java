package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.value.Numbers;
import io.jredis.domain.value.Strings;

/** OBJECT REFCOUNT key: 1, or INT_MAX for the integers 0..9999 Redis shares. */
public final class ObjectRefcountCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("refcount", 3)
            .flags(CommandFlag.READONLY).keys(2, 2, 1)
            .acl("keyspace", "read", "slow")
            .group("generic").since("2.2.3").summary("Get the number of references to the value of the key")
            .tips("nondeterministic_output")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        // A look-up that does not count as an access; a missing key is nil whatever the policy.
        Object value = KeyLookups.peek(ctx, ctx.db(), 2);
        if (value == null) {
            ctx.reply().nullBulk();
            return;
        }
        ctx.reply().integer(isSharedInteger(ctx.server().config(), value) ? SHARED_REFCOUNT : 1);
    }

    /** Redis's OBJ_SHARED_REFCOUNT: shared objects never change their count. */
    static final long SHARED_REFCOUNT = Integer.MAX_VALUE;
    private static final long SHARED_INTEGERS = 10_000;

    /** An int-encoded 0..9999 is a shared object unless an LRU/LFU maxmemory policy forbids sharing. */
    static boolean isSharedInteger(ServerConfig config, Object value) {
        if (!(value instanceof byte[] b) || !"int".equals(Strings.encoding(b))) {
            return false;
        }
        long v = Numbers.parseLong(b, 0, b.length);
        boolean sharingAllowed = config.maxmemory == 0 || !(ObjectCommand.lru(config) || ObjectCommand.lfu(config));
        return sharingAllowed && v >= 0 && v < SHARED_INTEGERS;
    }
}
