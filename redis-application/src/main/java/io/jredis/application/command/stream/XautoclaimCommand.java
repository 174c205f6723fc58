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

/**
 * XAUTOCLAIM key group consumer min-idle start [COUNT n] [JUSTID]: claims idle pending entries
 * from start on, dropping those whose entries were deleted; replies [next cursor, claimed,
 * deleted ids]. Each change propagates as XCLAIM, as Redis 7.0.
 */
public final class XautoclaimCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xautoclaim", -6)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RW", "delete")
            .acl("write", "stream", "fast")
            .group("stream").since("6.2.0").summary("Changes (or acquires) ownership of messages in a consumer "
                    + "group, as if the messages were delivered to the specified consumer.")
            .complexity("O(1) if COUNT is small.")
            .tips("nondeterministic_output")
            .build();

    private static final long MAX_COUNT = Long.MAX_VALUE / 16;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        ReplySink r = ctx.reply();
        if (!a.isLong(4)) {
            r.error(Errors.XAUTOCLAIM_MIN_IDLE);
            return;
        }
        long minIdle = Math.max(0, a.longValue(4));
        long[] start = new long[3];
        if (!Streams.parseIntervalId(ctx, 5, 0, start)) {
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
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < a.count(); j++) {
            int more = a.count() - 1 - j;
            if (a.is(j, "COUNT") && more > 0) {
                if (!a.isLong(j + 1) || a.longValue(j + 1) < 1 || a.longValue(j + 1) > MAX_COUNT) {
                    r.error(Errors.XAUTOCLAIM_COUNT);
                    return;
                }
                count = a.longValue(j + 1);
                j++;
            } else if (a.is(j, "JUSTID")) {
                justId = true;
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        StreamValue s = (StreamValue) v;
        StreamGroup g = s == null ? null : s.group(a.bytes(2));
        if (g == null) {
            r.error(Errors.noGroupXpending(a.text(1), a.text(2)));
            return;
        }
        long attempts = count * 10;
        long now = ctx.now();
        byte[] key = a.bytes(1);
        byte[] groupName = a.bytes(2);
        byte[] name = a.bytes(3);
        List<StreamId> claimed = new ArrayList<>();
        List<StreamId> deleted = new ArrayList<>();
        StreamId cursor = new StreamId(start[0], start[1]);
        StreamId next = g.pending().ceilingKey(cursor);
        boolean changed = false;
        while (attempts-- > 0 && count > 0 && next != null) {
            StreamId id = next;
            next = g.pending().higherKey(id);
            StreamPending p = g.pending().get(id);
            if (!s.contains(id.ms(), id.seq())) {
                Streams.propagateClaim(ctx, key, groupName, g, p.consumer().name(), id, p.deliveryTime(),
                        p.deliveryCount());
                g.acknowledge(id);
                deleted.add(id);
                count--;
                changed = true;
                continue;
            }
            if (minIdle != 0 && now - p.deliveryTime() < minIdle) {
                continue;
            }
            StreamConsumer consumer = g.consumer(name);
            if (consumer == null) {
                consumer = g.createConsumer(name, now);
            } else {
                consumer.setSeenTime(now);
            }
            p.setDeliveryTime(now);
            if (!justId) {
                p.setDeliveryCount(p.deliveryCount() + 1);
            }
            g.assign(id, p, consumer);
            claimed.add(id);
            count--;
            Streams.propagateClaim(ctx, key, groupName, g, name, id, p.deliveryTime(), p.deliveryCount());
            changed = true;
        }
        ctx.suppressPropagation();
        if (changed) {
            ctx.keyModified(a, 1);
        }
        r.array(3);
        r.bulk(next == null ? Streams.idBytes(0, 0) : Streams.idBytes(next));
        r.array(claimed.size());
        for (StreamId i : claimed) {
            if (justId) {
                r.bulk(Streams.idBytes(i));
            } else {
                StreamValue.Cursor c = s.cursor(i.ms(), i.seq(), i.ms(), i.seq(), false);
                if (c.next()) {
                    Streams.replyEntry(r, c);
                } else {
                    r.nullBulk();
                }
            }
        }
        r.array(deleted.size());
        for (StreamId i : deleted) {
            r.bulk(Streams.idBytes(i));
        }
    }
}
