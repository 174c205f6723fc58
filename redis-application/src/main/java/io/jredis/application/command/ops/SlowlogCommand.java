package io.jredis.application.command.ops;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.Slowlog;

import java.util.Iterator;
import java.util.List;

/** SLOWLOG GET|LEN|RESET|HELP, as Redis 7.0. */
public final class SlowlogCommand implements Command {

    private static final List<String> HELP = List.of(
            "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "GET [<count>]",
            "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
            "    Entries are made of:",
            "    id, timestamp, time in microseconds, arguments array, client IP and port,",
            "    client name",
            "LEN",
            "    Return the length of the slowlog.",
            "RESET",
            "    Reset the slowlog.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("slowlog", -2)
            .acl("slow")
            .group("server").since("2.2.12").summary("A container for slow log commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(new Get(), new Len(), new Reset(),
            new HelpCommand("server", "6.2.0", List.of("slow"), HELP));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    @Override
    public void execute(CommandContext ctx) {
        // only reached without a subcommand, which the arity check refuses
    }

    private static CommandSpec.Builder admin(String name, int arity) {
        return CommandSpec.command(name, arity)
                .flags(CommandFlag.ADMIN, CommandFlag.LOADING, CommandFlag.STALE)
                .acl("admin", "slow", "dangerous")
                .group("server");
    }

    /** SLOWLOG GET [count]: the newest entries first. */
    static final class Get implements Command {
        private static final CommandSpec SPEC = admin("get", -2).since("2.2.12")
                .tips("request_policy:all_nodes", "nondeterministic_output")
                .summary("Get the slow log's entries")
                .complexity("O(N) where N is the number of entries returned").build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx) {
            Arguments args = ctx.args();
            ReplySink r = ctx.reply();
            Slowlog log = ctx.server().slowlog();
            if (args.count() > 3) {
                r.error(Errors.subcommandSyntax(args));
                return;
            }
            long count = 10;
            if (args.count() == 3) {
                if (!args.isLong(2) || args.longValue(2) < -1) {
                    r.error(Errors.SLOWLOG_COUNT);
                    return;
                }
                count = args.longValue(2) == -1 ? log.size() : args.longValue(2);
            }
            int n = (int) Math.min(count, log.size());
            r.array(n);
            Iterator<Slowlog.Entry> it = log.newestFirst();
            for (int i = 0; i < n; i++) {
                Slowlog.Entry e = it.next();
                r.array(6);
                r.integer(e.id());
                r.integer(e.unixSeconds());
                r.integer(e.micros());
                r.array(e.args().length);
                for (byte[] a : e.args()) {
                    r.bulk(a);
                }
                r.bulk(e.clientAddress());
                r.bulk(e.clientName());
            }
        }
    }

    /** SLOWLOG LEN. */
    static final class Len implements Command {
        private static final CommandSpec SPEC = admin("len", 2).since("2.2.12")
                .tips("request_policy:all_nodes", "response_policy:agg_sum", "nondeterministic_output")
                .summary("Get the slow log's length").complexity("O(1)").build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx) {
            ctx.reply().integer(ctx.server().slowlog().size());
        }
    }

    /** SLOWLOG RESET. */
    static final class Reset implements Command {
        private static final CommandSpec SPEC = admin("reset", 2).since("2.2.12")
                .tips("request_policy:all_nodes", "response_policy:all_succeeded")
                .summary("Clear all entries from the slow log")
                .complexity("O(N) where N is the number of entries in the slowlog").build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx) {
            ctx.server().slowlog().reset();
            ctx.reply().ok();
        }
    }
}
