package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.StreamConsumer;
import io.jredis.domain.value.StreamGroup;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamPending;
import io.jredis.domain.value.StreamValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** XPENDING key group [[IDLE ms] start end count [consumer]]: the summary or the entries of a PEL. */
public final class XpendingCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xpending", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .keyFlags("RO", "access")
            .acl("read", "stream", "slow")
            .group("stream").since("5.0.0").summary("Return information and entries from a stream consumer group "
                    + "pending entries list, that are messages fetched but never acknowledged.")
            .complexity("O(N) with N being the number of elements returned, so asking for a small fixed number of "
                    + "entries per call is O(1). O(M), where M is the total number of entries scanned when used with "
                    + "the IDLE filter. When the command returns just the summary and the list of consumers is "
                    + "small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        ReplySink r = ctx.reply();
        int argc = a.count();
        boolean summary = argc == 3;
        if (argc != 3 && (argc < 6 || argc > 9)) {
            r.error(Errors.SYNTAX);
            return;
        }
        long count = 0;
        long minIdle = 0;
        long[] start = new long[3];
        long[] end = new long[3];
        int consumerArg = -1;
        if (argc >= 6) {
            int startIdx = 3;
            if (a.is(3, "IDLE")) {
                Long v = Streams.longArg(ctx, 4);
                if (v == null) {
                    return;
                }
                minIdle = v;
                if (argc < 8) {
                    r.error(Errors.SYNTAX);
                    return;
                }
                startIdx += 2;
            }
            Long c = Streams.longArg(ctx, startIdx + 2);
            if (c == null) {
                return;
            }
            count = c < 0 ? 0 : c;
            if (!Streams.parseIntervalId(ctx, startIdx, 0, start)) {
                return;
            }
            if (start[2] == 1) {
                StreamId next = new StreamId(start[0], start[1]).next();
                if (next == null) {
                    r.error(Errors.INTERVAL_START);
                    return;
                }
                start[0] = next.ms();
                start[1] = next.seq();
            }
            if (!Streams.parseIntervalId(ctx, startIdx + 1, -1L, end)) {
                return;
            }
            if (end[2] == 1) {
                StreamId prev = new StreamId(end[0], end[1]).previous();
                if (prev == null) {
                    r.error(Errors.INTERVAL_END);
                    return;
                }
                end[0] = prev.ms();
                end[1] = prev.seq();
            }
            if (startIdx + 3 < argc) {
                consumerArg = startIdx + 3;
            }
        }
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        StreamGroup g = v == null ? null : ((StreamValue) v).group(a.bytes(2));
        if (g == null) {
            r.error(Errors.noGroupXpending(a.text(1), a.text(2)));
            return;
        }
        if (summary) {
            TreeMap<StreamId, StreamPending> pel = g.pending();
            r.array(4);
            r.integer(pel.size());
            if (pel.isEmpty()) {
                r.nullBulk();
                r.nullBulk();
                r.nullArray();
                return;
            }
            r.bulk(Streams.idBytes(pel.firstKey()));
            r.bulk(Streams.idBytes(pel.lastKey()));
            List<StreamConsumer> holders = new ArrayList<>();
            for (StreamConsumer c : g.consumers().values()) {
                if (!c.pending().isEmpty()) {
                    holders.add(c);
                }
            }
            r.array(holders.size());
            for (StreamConsumer c : holders) {
                r.array(2);
                r.bulk(c.name());
                r.bulk(Long.toString(c.pending().size()));
            }
            return;
        }
        TreeMap<StreamId, StreamPending> pel = g.pending();
        if (consumerArg >= 0) {
            StreamConsumer c = g.consumer(a.bytes(consumerArg));
            if (c == null) {
                r.array(0);
                return;
            }
            pel = c.pending();
        }
        long now = ctx.now();
        List<Map.Entry<StreamId, StreamPending>> out = new ArrayList<>();
        StreamId from = new StreamId(start[0], start[1]);
        StreamId to = new StreamId(end[0], end[1]);
        if (from.compareTo(to) <= 0) {
            for (Map.Entry<StreamId, StreamPending> e : pel.subMap(from, true, to, true).entrySet()) {
                if (count == 0) {
                    break;
                }
                if (minIdle != 0 && now - e.getValue().deliveryTime() < minIdle) {
                    continue;
                }
                out.add(e);
                count--;
            }
        }
        r.array(out.size());
        for (Map.Entry<StreamId, StreamPending> e : out) {
            StreamPending p = e.getValue();
            r.array(4);
            r.bulk(Streams.idBytes(e.getKey()));
            r.bulk(p.consumer().name());
            r.integer(Math.max(0, now - p.deliveryTime()));
            r.integer(p.deliveryCount());
        }
    }
}
