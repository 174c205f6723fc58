package io.jredis.application.command.aof;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/**
 * BGREWRITEAOF: rewrites the append-only file from the keyspace (a new base and a new
 * incremental file), whether appendonly is on or not, as Redis does; in the background, or
 * scheduled while another background snapshot (BGSAVE, a replica's full sync) runs.
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
        switch (ctx.server().appendOnlyFile().rewrite(ctx.inTransaction())) {
            case STARTED -> ctx.reply().status("Background append only file rewriting started");
            case SCHEDULED -> ctx.reply().status("Background append only file rewriting scheduled");
            case IN_PROGRESS -> ctx.reply().error(Errors.AOF_REWRITE_IN_PROGRESS);
            case FAILED -> ctx.reply().error(Errors.AOF_REWRITE_FAILED);
        }
    }
}
