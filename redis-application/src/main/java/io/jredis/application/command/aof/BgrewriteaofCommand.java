package io.jredis.application.command.aof;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

/**
 * BGREWRITEAOF: rewrites the append-only file from the keyspace (a new base and a new
 * incremental file), whether appendonly is on or not, as Redis does.
 */
public final class BgrewriteaofCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("bgrewriteaof", 1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Asynchronously rewrite the append-only file")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        String error = ctx.server().appendOnlyFile().rewrite();
        if (error != null) {
            ctx.reply().error(error);
            return;
        }
        ctx.reply().status("Background append only file rewriting started");
    }
}
