package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.Strings;
import io.jredis.domain.value.TypedValue;

/** OBJECT ENCODING key: how the value is represented (int, embstr, raw, listpack, ...). */
public final class ObjectEncodingCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("encoding", 3)
            .flags(CommandFlag.READONLY).keys(2, 2, 1)
            .acl("keyspace", "read", "slow")
            .group("generic").since("2.2.3").summary("Inspect the internal encoding of a Redis object")
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
        ctx.reply().bulk(value instanceof TypedValue t ? t.encoding() : Strings.encoding(value));
    }
}
