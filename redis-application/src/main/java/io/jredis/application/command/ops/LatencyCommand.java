package io.jredis.application.command.ops;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CallStats;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.LatencyMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LATENCY LATEST|HISTORY|RESET|DOCTOR|GRAPH|HISTOGRAM|HELP, as Redis 7.0. */
public final class LatencyCommand implements Command {

    private static final List<String> HELP = List.of(
            "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "DOCTOR",
            "    Return a human readable latency analysis report.",
            "GRAPH <event>",
            "    Return an ASCII latency graph for the <event> class.",
            "HISTORY <event>",
            "    Return time-latency samples for the <event> class.",
            "LATEST",
            "    Return the latest latency samples for all events.",
            "RESET [<event> ...]",
            "    Reset latency data of one or more <event> classes.",
            "    (default: reset all data for all event classes)",
            "HISTOGRAM [COMMAND ...]",
            "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
            "    If no commands are specified then all histograms are replied.",
            "HELP",
            "    Prints this help.");

    private static final String NO_SPIKES = "Dave, no latency spike was observed during the lifetime of this Redis "
            + "instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, "
            + "and think things over.\n";

    private static final String DISABLED = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in "
            + "this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to "
            + "enable it. If we weren't in a deep space mission I'd suggest to take a look at "
            + "https://redis.io/topics/latency-monitor.\n";

    private static final CommandSpec SPEC = CommandSpec.command("latency", -2)
            .acl("slow")
            .group("server").since("2.8.13").summary("A container for latency diagnostics commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(
            sub("latest", 2, "Return the latest latency samples for all events", "O(1)",
                    LatencyCommand::latest, "response_policy:special"),
            sub("history", 3, "Return timestamp-latency samples for the event", "O(1)",
                    LatencyCommand::history, "response_policy:special"),
            sub("reset", -2, "Reset latency data for one or more events", "O(1)",
                    LatencyCommand::reset, null),
            sub("doctor", 2, "Return a human readable latency analysis report", "O(1)",
                    LatencyCommand::doctor, "response_policy:special"),
            sub("graph", 3, "Return a latency graph for the event", "O(1)",
                    LatencyCommand::graph, "response_policy:special"),
            sub("histogram", -2, "Return the cumulative distribution of latencies of a subset of commands or all",
                    "O(N) where N is the number of commands with latency information being retrieved.",
                    LatencyCommand::histogram, "response_policy:special"),
            new HelpCommand("server", "2.8.13", List.of("slow"), HELP));

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

    private static Command sub(String name, int arity, String summary, String complexity,
                               java.util.function.Consumer<CommandContext> body, String responsePolicy) {
        CommandSpec.Builder b = CommandSpec.command(name, arity)
                .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
                .acl("admin", "slow", "dangerous")
                .group("server").since(name.equals("histogram") ? "7.0.0" : "2.8.13")
                .summary(summary).complexity(complexity);
        if (responsePolicy != null) {
            b.tips("nondeterministic_output", "request_policy:all_nodes", responsePolicy);
        } else {
            b.tips("request_policy:all_nodes", "response_policy:all_succeeded");
        }
        CommandSpec spec = b.build();
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx) {
                body.accept(ctx);
            }
        };
    }

    private static void latest(CommandContext ctx) {
        ReplySink r = ctx.reply();
        Map<String, LatencyMonitor.Series> events = ctx.server().latency().events();
        r.array(events.size());
        for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
            LatencyMonitor.Series s = e.getValue();
            r.array(4);
            r.bulk(e.getKey());
            r.integer(s.latestTime());
            r.integer(s.latest());
            r.integer(s.max());
        }
    }

    private static void history(CommandContext ctx) {
        ReplySink r = ctx.reply();
        LatencyMonitor.Series s = ctx.server().latency().events().get(ctx.args().string(2));
        if (s == null) {
            r.array(0);
            return;
        }
        r.array(s.count());
        for (int i = 0; i < s.count(); i++) {
            r.array(2);
            r.integer(s.time(i));
            r.integer(s.latency(i));
        }
    }

    private static void reset(CommandContext ctx) {
        Arguments args = ctx.args();
        LatencyMonitor m = ctx.server().latency();
        if (args.count() == 2) {
            ctx.reply().integer(m.resetAll());
            return;
        }
        int n = 0;
        for (int i = 2; i < args.count(); i++) {
            if (m.reset(args.string(i))) {
                n++;
            }
        }
        ctx.reply().integer(n);
    }

    /**
     * Without spikes, Redis's exact text. With spikes, Redis's per-event lines; Redis's advice
     * section (which depends on its configuration analysis) is not reproduced.
     */
    private static void doctor(CommandContext ctx) {
        Map<String, LatencyMonitor.Series> events = ctx.server().latency().events();
        if (events.isEmpty()) {
            ctx.reply().verbatim("txt", ctx.server().config().latencyMonitorThreshold == 0 ? DISABLED : NO_SPIKES);
            return;
        }
        StringBuilder sb = new StringBuilder("Dave, I have observed latency spikes in this Redis instance. "
                + "You don't mind talking about it, do you Dave?\n\n");
        int i = 1;
        for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
            LatencyMonitor.Series s = e.getValue();
            long sum = 0;
            for (int j = 0; j < s.count(); j++) {
                sum += s.latency(j);
            }
            long avg = sum / s.count();
            long dev = 0;
            for (int j = 0; j < s.count(); j++) {
                dev += Math.abs(s.latency(j) - avg);
            }
            double period = s.count() > 1 ? (double) (s.latestTime() - s.time(0)) / (s.count() - 1) : 1.0;
            sb.append(i++).append(". ").append(e.getKey()).append(": ").append(s.count())
                    .append(" latency spikes (average ").append(avg).append("ms, mean deviation ")
                    .append(dev / s.count()).append("ms, period ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", period))
                    .append(" sec). Worst all time event ").append(s.max()).append("ms.\n");
        }
        ctx.reply().verbatim("txt", sb.toString());
    }

    /** Redis's header and frame; the sparkline itself is not drawn (see the report). */
    private static void graph(CommandContext ctx) {
        String event = ctx.args().string(2);
        LatencyMonitor.Series s = ctx.server().latency().events().get(event);
        if (s == null) {
            ctx.reply().error("ERR No samples available for event '" + ctx.args().text(2) + "'");
            return;
        }
        long high = 0;
        long low = Long.MAX_VALUE;
        for (int i = 0; i < s.count(); i++) {
            high = Math.max(high, s.latency(i));
            low = Math.min(low, s.latency(i));
        }
        ctx.reply().verbatim("txt", event + " - high " + high + " ms, low " + low + " ms (all time high "
                + s.max() + " ms)\n" + "-".repeat(80) + "\n");
    }

    /** Per command with calls: its call count and the cumulative counts at each power-of-two microseconds. */
    private static void histogram(CommandContext ctx) {
        Arguments args = ctx.args();
        CommandRegistry registry = ctx.server().registry();
        List<Command> chosen = new ArrayList<>();
        if (args.count() == 2) {
            chosen.addAll(registry.allWithSubcommands());
        } else {
            for (int i = 2; i < args.count(); i++) {
                Command c = registry.byName(args.string(i));
                if (c != null && !chosen.contains(c)) {
                    chosen.add(c);
                }
            }
        }
        List<Command> called = new ArrayList<>();
        for (Command c : chosen) {
            CallStats cs = registry.stats(c);
            if (cs != null && cs.calls > 0 && !registry.isContainer(c)) {
                called.add(c);
            }
        }
        ReplySink r = ctx.reply();
        r.map(called.size());
        for (Command c : called) {
            CallStats cs = registry.stats(c);
            r.bulk(c.spec().fullName());
            r.map(2);
            r.bulk("calls");
            r.integer(cs.calls);
            r.bulk("histogram_usec");
            int buckets = 0;
            for (long n : cs.histogram) {
                if (n > 0) {
                    buckets++;
                }
            }
            r.map(buckets);
            long cumulative = 0;
            for (int i = 0; i < cs.histogram.length; i++) {
                if (cs.histogram[i] > 0) {
                    cumulative += cs.histogram[i];
                    r.integer(1L << i);
                    r.integer(cumulative);
                }
            }
        }
    }
}
