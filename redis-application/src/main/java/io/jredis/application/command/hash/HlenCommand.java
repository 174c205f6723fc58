package io.jredis.application.command.hash;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.HashValue;

/** HLEN key. */
public final class HlenCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hlen", 2)
            .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
            .acl("read", "hash", "fast").keyFlags("RO")
            .group("hash").since("2.0.0").summary("Get the number of fields in a hash")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        HashValue hash = Hashes.read(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        ctx.reply().integer(hash == null ? 0 : hash.size());
    }
}
