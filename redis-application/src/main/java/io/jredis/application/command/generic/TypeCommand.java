package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.ValueType;

/** TYPE key: string, list, set, zset, hash, stream, or none. */
public final class TypeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("type", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "read", "fast")
            .group("generic").since("1.0.0").summary("Determine the type stored at key")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Object value = KeyLookups.peek(ctx, ctx.db(), 1);
        ctx.reply().status(value == null ? "none" : ValueType.of(value).redisName());
    }
}
