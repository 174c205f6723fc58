package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

/** XRANGE key start end [COUNT n] and XREVRANGE key end start [COUNT n]. */
public final class XrangeCommand implements Command {

    private final CommandSpec spec;
    private final boolean rev;

    private XrangeCommand(CommandSpec spec, boolean rev) {
        this.spec = spec;
        this.rev = rev;
    }

    public static XrangeCommand xrange() {
        return new XrangeCommand(spec("xrange", "Return a range of elements in a stream, with IDs matching the "
                + "specified IDs interval", "O(N) with N being the number of elements being returned. If N is "
                + "constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1)."),
                false);
    }

    public static XrangeCommand xrevrange() {
        return new XrangeCommand(spec("xrevrange", "Return a range of elements in a stream, with IDs matching the "
                + "specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE",
                "O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the "
                        + "first 10 elements with COUNT), you can consider it O(1)."), true);
    }

    private static CommandSpec spec(String name, String summary, String complexity) {
        return CommandSpec.command(name, -4)
                .flags(CommandFlag.READONLY).keys(1, 1, 1)
                .keyFlags("RO", "access")
                .acl("read", "stream", "slow")
                .group("stream").since("5.0.0").summary(summary).complexity(complexity)
                .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        int startArg = rev ? 3 : 2;
        int endArg = rev ? 2 : 3;
        long[] start = new long[3];
        long[] end = new long[3];
        if (!Streams.parseIntervalId(ctx, startArg, 0, start)) {
            return;
        }
        if (start[2] == 1) {
            StreamId next = new StreamId(start[0], start[1]).next();
            if (next == null) {
                ctx.reply().error(Errors.INTERVAL_START);
                return;
            }
            start[0] = next.ms();
            start[1] = next.seq();
        }
        if (!Streams.parseIntervalId(ctx, endArg, -1L, end)) {
            return;
        }
        if (end[2] == 1) {
            StreamId prev = new StreamId(end[0], end[1]).previous();
            if (prev == null) {
                ctx.reply().error(Errors.INTERVAL_END);
                return;
            }
            end[0] = prev.ms();
            end[1] = prev.seq();
        }
        long count = -1;
        for (int j = 4; j < a.count(); j++) {
            int additional = a.count() - j - 1;
            if (a.is(j, "COUNT") && additional >= 1) {
                Long c = Streams.longArg(ctx, j + 1);
                if (c == null) {
                    return;
                }
                count = c < 0 ? 0 : c;
                j++;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        if (v == null) {
            ctx.reply().array(0);
            return;
        }
        if (count == 0) {
            ctx.reply().nullArray();
            return;
        }
        Streams.replyRange(ctx.reply(), (StreamValue) v, start[0], start[1], end[0], end[1],
                count == -1 ? 0 : count, rev);
    }
}
