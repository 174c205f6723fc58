package io.jredis.application.command.replica;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.MasterLink;

/**
 * REPLICAOF host port | REPLICAOF NO ONE, and its old name SLAVEOF: follow a master, or stop
 * following one and be a master again (keeping the data). Replies as Redis 7.0:
 * {@code +OK}, or {@code +OK Already connected to specified master} when the same master (host
 * compared without case) is already configured.
 */
public final class ReplicaofCommand implements Command {

    private final CommandSpec spec;

    private ReplicaofCommand(CommandSpec spec) {
        this.spec = spec;
    }

    public static ReplicaofCommand replicaof() {
        return new ReplicaofCommand(spec("replicaof", "5.0.0"));
    }

    public static ReplicaofCommand slaveof() {
        return new ReplicaofCommand(spec("slaveof", "1.0.0"));
    }

    private static CommandSpec spec(String name, String since) {
        return CommandSpec.command(name, 3)
                .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.STALE, CommandFlag.NO_ASYNC_LOADING)
                .acl("admin", "slow", "dangerous")
                .group("server").since(since)
                .summary("Make the server a replica of another instance, or promote it as master.")
                .complexity("O(1)")
                .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        MasterLink link = ctx.server().masterLink();
        if (args.is(1, "no") && args.is(2, "one")) {
            if (link.replicating()) {
                link.promote();
            }
            ctx.reply().ok();
            return;
        }
        // getRangeLongFromObjectOrReply: a canonical integer in 0..65535
        if (!args.isLong(2) || args.longValue(2) < 0 || args.longValue(2) > 65535) {
            ctx.reply().error(Errors.INVALID_MASTER_PORT);
            return;
        }
        String host = args.string(1);
        int port = (int) args.longValue(2);
        if (link.replicating() && link.masterHost().equalsIgnoreCase(host) && link.masterPort() == port) {
            ctx.reply().status("OK Already connected to specified master");
            return;
        }
        link.follow(host, port);
        ctx.reply().ok();
    }
}
