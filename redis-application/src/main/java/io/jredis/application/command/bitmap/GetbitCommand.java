package io.jredis.application.command.bitmap;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.Bitmaps;
import io.jredis.domain.value.Strings;

/** GETBIT key offset: the bit, 0 past the end or for a missing key. */
public final class GetbitCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getbit", 3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "bitmap", "fast")
            .group("bitmap").since("2.2.0")
            .summary("Returns the bit value at offset in the string value stored at key")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long offset = BitValues.offset(ctx, 2, false, 0);
        if (offset < 0) {
            return;
        }
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            ctx.reply().integer(0);
            return;
        }
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        ctx.reply().integer(Bitmaps.get(BitValues.array(value), Strings.length(value), offset));
    }
}
