package io.jredis.application.command.hash;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.HashValue;

/** HSTRLEN key field. */
public final class HstrlenCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hstrlen", 3)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "hash", "fast").keyFlags("RO")
            .group("hash").since("3.2.0").summary("Get the length of the value of a hash field")
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
        int p = hash == null ? -1 : hash.indexOf(args.array(), args.offset(2), args.length(2));
        ctx.reply().integer(p < 0 ? 0 : hash.valueLength(p));
    }
}
