package io.jredis.application.command.stream;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.StreamValue;

/** XLEN key: the number of entries. */
public final class XlenCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xlen", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RO")
            .acl("read", "stream", "fast")
            .group("stream").since("5.0.0").summary("Return the number of entries in a stream")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        ctx.reply().integer(v == null ? 0 : ((StreamValue) v).length());
    }
}
