package io.jredis.application.command.ops;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.session.ClientSession;

/**
 * MONITOR: from now on the client receives every command the server runs. As in Redis 7.0 a
 * monitor is a kind of replica: it may not touch the keyspace, a second MONITOR is ignored
 * without a reply, and inside a transaction it is refused. RESET or QUIT end it.
 */
public final class MonitorCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("monitor", 1)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Listen for all requests received by the server in real time")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ClientSession s = ctx.session();
        if (ctx.inTransaction()) {
            ctx.reply().error(Errors.MONITOR_DENY_BLOCKING);
            return;
        }
        if (s.monitoring() || s.isReplica()) {
            return; // Redis ignores it without a reply
        }
        s.setMonitoring(true);
        ctx.server().monitors().add(s);
        ctx.reply().ok();
    }
}
