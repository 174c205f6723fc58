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
 * XCLAIM key group consumer min-idle id... [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE] [JUSTID]
 * [LASTID id]: moves pending entries to a consumer. Propagated as Redis 7.0 does: one
 * XCLAIM ... TIME ... RETRYCOUNT ... FORCE JUSTID LASTID per entry claimed or dropped, or
 * XGROUP SETID when only the group's last id moved.
 */
public final class XclaimCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xclaim", -6)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RW", "update")
            .acl("write", "stream", "fast")
            .group("stream").since("5.0.0").summary("Changes (or acquires) ownership of a message in a consumer "
                    + "group, as if the message was delivered to the specified consumer.")
            .complexity("O(log N) with N being the number of messages in the PEL of the consumer group.")
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
        if (!a.isLong(4)) {
            r.error(Errors.XCLAIM_MIN_IDLE);
            return;
        }
        long minIdle = Math.max(0, a.longValue(4));
        long[] id = new long[3];
        int j = 5;
        List<StreamId> ids = new ArrayList<>();
        while (j < a.count() && Streams.parseId(a, j, 0, true, false, id)) {
            ids.add(new StreamId(id[0], id[1]));
            j++;
        }
        long now = ctx.now();
        long retryCount = -1;
        long deliveryTime = -1;
        boolean force = false;
        boolean justId = false;
        StreamId lastId = StreamId.ZERO;
        for (; j < a.count(); j++) {
            int more = a.count() - 1 - j;
            if (a.is(j, "FORCE")) {
                force = true;
            } else if (a.is(j, "JUSTID")) {
                justId = true;
            } else if (a.is(j, "IDLE") && more > 0) {
                j++;
                if (!a.isLong(j)) {
                    r.error(Errors.XCLAIM_IDLE);
                    return;
                }
                deliveryTime = now - a.longValue(j);
            } else if (a.is(j, "TIME") && more > 0) {
                j++;
                if (!a.isLong(j)) {
                    r.error(Errors.XCLAIM_TIME);
                    return;
                }
                deliveryTime = a.longValue(j);
            } else if (a.is(j, "RETRYCOUNT") && more > 0) {
                j++;
                if (!a.isLong(j)) {
                    r.error(Errors.XCLAIM_RETRYCOUNT);
                    return;
                }
                retryCount = a.longValue(j);
            } else if (a.is(j, "LASTID") && more > 0) {
                j++;
                if (!Streams.parseId(ctx, j, 0, true, false, id)) {
                    return;
                }
                lastId = new StreamId(id[0], id[1]);
            } else {
                r.error(Errors.xclaimUnrecognized(a.text(j)));
                return;
            }
        }
        boolean propagateLastId = false;
        if (StreamId.compare(lastId.ms(), lastId.seq(), g.lastMs(), g.lastSeq()) > 0) {
            g.setLastId(lastId.ms(), lastId.seq());
            propagateLastId = true;
        }
        if (deliveryTime != -1) {
            if (deliveryTime < 0 || deliveryTime > now) {
                deliveryTime = now;
            }
        } else {
            deliveryTime = now;
        }
        byte[] key = a.bytes(1);
        byte[] groupName = a.bytes(2);
        byte[] name = a.bytes(3);
        StreamConsumer consumer = null;
        List<StreamId> claimed = new ArrayList<>();
        boolean changed = false;
        for (StreamId i : ids) {
            StreamPending p = g.pending().get(i);
            if (!s.contains(i.ms(), i.seq())) {
                if (p != null) {
                    Streams.propagateClaim(ctx, key, groupName, g, p.consumer().name(), i, p.deliveryTime(),
                            p.deliveryCount());
                    propagateLastId = false;
                    g.acknowledge(i);
                    changed = true;
                }
                continue;
            }
            if (force && p == null) {
                p = new StreamPending(null, now, 1);
            }
            if (p == null) {
                continue;
            }
            if (p.consumer() != null && minIdle != 0 && now - p.deliveryTime() < minIdle) {
                continue;
            }
            if (consumer == null) {
                consumer = g.consumer(name);
                if (consumer == null) {
                    consumer = g.createConsumer(name, now);
                } else {
                    consumer.setSeenTime(now);
                }
            }
            p.setDeliveryTime(deliveryTime);
            if (retryCount >= 0) {
                p.setDeliveryCount(retryCount);
            } else if (!justId) {
                p.setDeliveryCount(p.deliveryCount() + 1);
            }
            g.assign(i, p, consumer);
            claimed.add(i);
            Streams.propagateClaim(ctx, key, groupName, g, name, i, p.deliveryTime(), p.deliveryCount());
            propagateLastId = false;
            changed = true;
        }
        if (propagateLastId) {
            Streams.propagateGroupId(ctx, key, groupName, g);
            changed = true;
        }
        ctx.suppressPropagation();
        if (changed) {
            ctx.keyModified(a, 1);
        }
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
    }
}
