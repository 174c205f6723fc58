package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

/**
 * BGSAVE [SCHEDULE]. Redis forks and lets the child write a copy-on-write image; the JVM cannot
 * fork, and a background snapshot needs its own design (see the RDB adapter's package notes), so
 * until it exists BGSAVE says so instead of pretending: syntax is checked as Redis does, then
 * an error points to SAVE.
 */
public final class BgsaveCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("bgsave", -1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Asynchronously save the dataset to disk")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 2 || (args.count() == 2 && !args.is(1, "schedule"))) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        ctx.reply().error(Errors.BGSAVE_NOT_SUPPORTED);
    }
}
