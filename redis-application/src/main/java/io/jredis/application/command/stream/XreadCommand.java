package io.jredis.application.command.stream;

import io.jredis.application.command.KeyReference;
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
 * XREAD [COUNT n] [BLOCK ms] STREAMS key... id... and XREADGROUP GROUP g c [COUNT n] [BLOCK ms]
 * [NOACK] STREAMS key... id.... A blocked reader waits with "$" fixed to the id it stood for;
 * one XADD serves every reader blocked on the stream. As Redis 7.0, XREADGROUP propagates the
 * entries it delivers as XCLAIM (and with NOACK the group's id as XGROUP SETID), a waiter of a
 * deleted or retyped stream gets UNBLOCKED, one of a destroyed group NOGROUP.
 */
public final class XreadCommand implements Command {

    private final CommandSpec spec;
    private final boolean group;

    private XreadCommand(CommandSpec spec, boolean group) {
        this.spec = spec;
        this.group = group;
    }

    public static XreadCommand xread() {
        return new XreadCommand(CommandSpec.command("xread", -4)
                .flags(CommandFlag.READONLY, CommandFlag.BLOCKING, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
                .keyFlags("RO", "access")
                .acl("read", "stream", "slow", "blocking")
                .group("stream").since("5.0.0")
                .summary("Return never seen elements in multiple streams, with IDs greater than the ones reported by "
                        + "the caller for each stream. Can block.")
                .complexity("For each stream mentioned: O(N) with N being the number of elements being returned, it "
                        + "means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, "
                        + "XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new "
                        + "data.")
                .keySpec(CommandSpec.keyword("STREAMS", 1), CommandSpec.range(-1, 1, 2), "RO", "access")
                .build(), false);
    }

    public static XreadCommand xreadgroup() {
        return new XreadCommand(CommandSpec.command("xreadgroup", -7)
                .flags(CommandFlag.WRITE, CommandFlag.BLOCKING, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
                .keyFlags("RO", "access")
                .acl("write", "stream", "slow", "blocking")
                .group("stream").since("5.0.0")
                .summary("Return new entries from a stream using a consumer group, or access the history of the "
                        + "pending entries for a given consumer. Can block.")
                .complexity("For each stream mentioned: O(M) with M being the number of elements returned. If M is "
                        + "constant (e.g. always asking for the first 10 elements with COUNT), you can consider it "
                        + "O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to "
                        + "serve the N clients blocked on the stream getting new data.")
                .keySpec(CommandSpec.keyword("STREAMS", 4), CommandSpec.range(-1, 1, 2), "RO", "access")
                .build(), true);
    }

    /** The keys after STREAMS (searched from after GROUP g c for XREADGROUP), half of what follows it. */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        List<KeyReference> keys = new ArrayList<>();
        return KeyReference.addStreams(keys, args, base, group ? 4 : 1, KeyReference.RO_ACCESS) ? keys : List.of();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public boolean servesDeletedKey() {
        return group;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        ReplySink r = ctx.reply();
        long timeout = -1;
        long count = 0;
        int streamsArg = 0;
        int streams = 0;
        boolean noack = false;
        int groupArg = 0;
        for (int i = 1; i < a.count(); i++) {
            int more = a.count() - i - 1;
            if (a.is(i, "BLOCK") && more > 0) {
                i++;
                if (!a.isLong(i)) {
                    r.error(Errors.TIMEOUT_NOT_INTEGER);
                    return;
                }
                timeout = a.longValue(i);
                if (timeout < 0) {
                    r.error(Errors.TIMEOUT_NEGATIVE);
                    return;
                }
                if (timeout > 0 && timeout > Long.MAX_VALUE - ctx.now()) {
                    r.error(Errors.TIMEOUT_OUT_OF_RANGE);
                    return;
                }
            } else if (a.is(i, "COUNT") && more > 0) {
                i++;
                Long c = Streams.longArg(ctx, i);
                if (c == null) {
                    return;
                }
                count = c < 0 ? 0 : c;
            } else if (a.is(i, "STREAMS") && more > 0) {
                streamsArg = i + 1;
                streams = a.count() - streamsArg;
                if (streams % 2 != 0) {
                    r.error(Errors.XREAD_UNBALANCED);
                    return;
                }
                streams /= 2;
                break;
            } else if (a.is(i, "GROUP") && more >= 2) {
                if (!group) {
                    r.error(Errors.GROUP_ONLY_XREADGROUP);
                    return;
                }
                groupArg = i + 1;
                i += 2;
            } else if (a.is(i, "NOACK")) {
                if (!group) {
                    r.error(Errors.NOACK_ONLY_XREADGROUP);
                    return;
                }
                noack = true;
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        if (streamsArg == 0) {
            r.error(Errors.SYNTAX);
            return;
        }
        if (group && groupArg == 0) {
            r.error(Errors.XREADGROUP_NEEDS_GROUP);
            return;
        }
        long deadline = timeout <= 0 ? 0 : ctx.now() + timeout;
        byte[] ready = ctx.readyKey();
        if (ready != null) {
            serveBlocked(ctx, ready, streamsArg, streams, count, noack, groupArg, deadline);
            return;
        }
        byte[] groupName = groupArg == 0 ? null : a.bytes(groupArg);
        long[] ids = new long[2 * streams];
        StreamValue[] values = new StreamValue[streams];
        StreamGroup[] groups = new StreamGroup[streams];
        long[] id = new long[3];
        boolean rewrite = false;
        for (int k = 0; k < streams; k++) {
            int keyArg = streamsArg + k;
            int idArg = keyArg + streams;
            Object v = Streams.lookup(ctx, keyArg);
            if (v == Streams.FAILED) {
                return;
            }
            StreamValue s = (StreamValue) v;
            values[k] = s;
            if (group) {
                if (s == null || (groups[k] = s.group(groupName)) == null) {
                    r.error(Errors.noGroupXreadgroup(a.text(keyArg), a.text(groupArg)));
                    return;
                }
            }
            if (is(a, idArg, '$')) {
                if (group) {
                    r.error(Errors.XREADGROUP_DOLLAR);
                    return;
                }
                ids[2 * k] = s == null ? 0 : s.lastMs();
                ids[2 * k + 1] = s == null ? 0 : s.lastSeq();
                rewrite = true;
                continue;
            } else if (is(a, idArg, '>')) {
                if (!group) {
                    r.error(Errors.XREAD_GT_ONLY_GROUP);
                    return;
                }
                ids[2 * k] = -1L;
                ids[2 * k + 1] = -1L;
                continue;
            }
            if (!Streams.parseId(ctx, idArg, 0, true, false, id)) {
                return;
            }
            ids[2 * k] = id[0];
            ids[2 * k + 1] = id[1];
        }
        // which streams are served now, and from which id on (exclusive)
        boolean[] serve = new boolean[streams];
        boolean[] history = new boolean[streams];
        int served = 0;
        for (int k = 0; k < streams; k++) {
            StreamValue s = values[k];
            if (s == null) {
                continue;
            }
            if (group) {
                if (ids[2 * k] != -1L || ids[2 * k + 1] != -1L) {
                    serve[k] = true;
                    history[k] = true;
                } else if (s.length() > 0) {
                    StreamId max = s.lastLiveId();
                    StreamGroup g = groups[k];
                    if (StreamId.compare(max.ms(), max.seq(), g.lastMs(), g.lastSeq()) > 0) {
                        serve[k] = true;
                        ids[2 * k] = g.lastMs();
                        ids[2 * k + 1] = g.lastSeq();
                    }
                }
            } else if (s.length() > 0) {
                StreamId max = s.lastLiveId();
                if (StreamId.compare(max.ms(), max.seq(), ids[2 * k], ids[2 * k + 1]) > 0) {
                    serve[k] = true;
                }
            }
            if (serve[k]) {
                served++;
            }
        }
        if (served > 0) {
            if (ctx.session().protocol() == 2) {
                r.array(served);
            } else {
                r.map(served);
            }
            for (int k = 0; k < streams; k++) {
                if (!serve[k]) {
                    continue;
                }
                int keyArg = streamsArg + k;
                if (ctx.session().protocol() == 2) {
                    r.array(2);
                }
                byte[] key = a.bytes(keyArg);
                r.bulk(key);
                StreamId start = new StreamId(ids[2 * k], ids[2 * k + 1]).next();
                if (start == null) {
                    start = StreamId.ZERO; // streamIncrID leaves 0-0 past the last id
                }
                StreamConsumer consumer = null;
                if (group) {
                    consumer = consumer(ctx, groups[k], a.bytes(groupArg + 1), key, groupName, noack);
                }
                replyRange(ctx, values[k], start, count, groups[k], consumer, key, groupName, noack, history[k]);
                if (group) {
                    ctx.dirty(1);
                }
            }
            if (group) {
                ctx.suppressPropagation();
            }
            return;
        }
        if (timeout != -1) {
            if (!ctx.canBlock()) {
                r.nullArray();
                return;
            }
            ctx.block(a.copies(streamsArg, streamsArg + streams - 1), deadline,
                    rewrite ? withResolvedIds(a, streamsArg, streams, ids) : null);
            return;
        }
        r.nullArray();
    }

    /** A blocked reader's command run again because {@code key} may serve it (serveClientsBlockedOnStreamKey). */
    private void serveBlocked(CommandContext ctx, byte[] key, int streamsArg, int streams, long count, boolean noack,
                              int groupArg, long deadline) {
        Arguments a = ctx.args();
        ReplySink r = ctx.reply();
        Object v = ctx.db().get(key, ctx.now());
        if (!(v instanceof StreamValue s)) {
            if (group) {
                r.error(Errors.STREAM_KEY_GONE);
            } else {
                ctx.block(List.of(), deadline);
            }
            return;
        }
        int k = 0;
        while (k < streams && !java.util.Arrays.equals(a.bytes(streamsArg + k), key)) {
            k++;
        }
        StreamGroup g = null;
        long gtMs;
        long gtSeq;
        byte[] groupName = null;
        if (group) {
            groupName = a.bytes(groupArg);
            g = s.group(groupName);
            if (g == null) {
                r.error(Errors.GROUP_GONE);
                return;
            }
            gtMs = g.lastMs();
            gtSeq = g.lastSeq();
        } else {
            long[] id = new long[3];
            Streams.parseId(a, streamsArg + streams + k, 0, true, false, id);
            gtMs = id[0];
            gtSeq = id[1];
        }
        if (StreamId.compare(s.lastMs(), s.lastSeq(), gtMs, gtSeq) <= 0) {
            ctx.block(List.of(), deadline);
            return;
        }
        StreamId start = new StreamId(gtMs, gtSeq).next();
        StreamConsumer consumer = null;
        if (group) {
            consumer = consumer(ctx, g, a.bytes(groupArg + 1), key, groupName, noack);
        }
        if (ctx.session().protocol() == 2) {
            r.array(1);
            r.array(2);
        } else {
            r.map(1);
        }
        r.bulk(key);
        replyRange(ctx, s, start, count, g, consumer, key, groupName, noack, false);
        if (group) {
            ctx.dirty(1);
            ctx.suppressPropagation();
        }
    }

    /** Looks the consumer up (refreshing its seen-time) or creates it; with NOACK its creation propagates. */
    private static StreamConsumer consumer(CommandContext ctx, StreamGroup g, byte[] name, byte[] key,
                                           byte[] groupName, boolean noack) {
        StreamConsumer c = g.consumer(name);
        if (c == null) {
            c = g.createConsumer(name, ctx.now());
            if (noack) {
                Streams.alsoPropagate(ctx, "XGROUP", "CREATECONSUMER", key, groupName, name);
            }
        } else {
            c.setSeenTime(ctx.now());
        }
        return c;
    }

    /**
     * Replies entries from start on (streamReplyWithRange): for a group, moves its last id and
     * read counter, adds the entries to the PEL (moving them from another consumer) and
     * propagates each as XCLAIM; history reads serve the consumer's own PEL instead.
     */
    static void replyRange(CommandContext ctx, StreamValue s, StreamId start, long count, StreamGroup g,
                           StreamConsumer consumer, byte[] key, byte[] groupName, boolean noack, boolean history) {
        ReplySink r = ctx.reply();
        if (g == null) {
            Streams.replyRange(r, s, start.ms(), start.seq(), -1L, -1L, count, false);
            return;
        }
        if (history) {
            List<StreamId> ids = new ArrayList<>();
            for (StreamId id : consumer.pending().tailMap(start, true).keySet()) {
                if (count != 0 && ids.size() >= count) {
                    break;
                }
                ids.add(id);
            }
            r.array(ids.size());
            for (StreamId id : ids) {
                StreamValue.Cursor c = s.cursor(id.ms(), id.seq(), id.ms(), id.seq(), false);
                if (c.next()) {
                    Streams.replyEntry(r, c);
                    StreamPending p = consumer.pending().get(id);
                    p.setDeliveryTime(ctx.now());
                    p.setDeliveryCount(p.deliveryCount() + 1);
                } else {
                    r.array(2);
                    Streams.replyId(r, id.ms(), id.seq());
                    r.nullArray();
                }
            }
            return;
        }
        int n = Streams.countRange(s, start.ms(), start.seq(), -1L, -1L, count, false);
        r.array(n);
        StreamValue.Cursor c = s.cursor(start.ms(), start.seq(), -1L, -1L, false);
        boolean propagateLastId = false;
        for (int i = 0; i < n && c.next(); i++) {
            long ms = c.ms();
            long seq = c.seq();
            if (StreamId.compare(ms, seq, g.lastMs(), g.lastSeq()) > 0) {
                StreamId id = new StreamId(ms, seq);
                if (g.entriesRead() != StreamGroup.ENTRIES_READ_UNKNOWN && !s.rangeHasTombstones(id, null)) {
                    g.setEntriesRead(g.entriesRead() + 1);
                } else if (s.entriesAdded() != 0) {
                    g.setEntriesRead(s.estimateEntriesRead(ms, seq));
                }
                g.setLastId(ms, seq);
                if (noack) {
                    propagateLastId = true;
                }
            }
            Streams.replyEntry(r, c);
            if (!noack) {
                StreamId id = new StreamId(ms, seq);
                StreamPending p = g.pending().get(id);
                if (p == null) {
                    p = new StreamPending(consumer, ctx.now(), 1);
                } else {
                    p.setDeliveryTime(ctx.now());
                    p.setDeliveryCount(1);
                }
                g.assign(id, p, consumer);
                Streams.propagateClaim(ctx, key, groupName, g, consumer.name(), id, p.deliveryTime(),
                        p.deliveryCount());
            }
        }
        if (propagateLastId) {
            Streams.propagateGroupId(ctx, key, groupName, g);
        }
    }

    private static boolean is(Arguments a, int i, char c) {
        return a.length(i) == 1 && a.array()[a.offset(i)] == c;
    }

    /** The arguments with each "$" replaced by the id it stood for. */
    private static Arguments withResolvedIds(Arguments a, int streamsArg, int streams, long[] ids) {
        List<byte[]> argv = new ArrayList<>(a.toList());
        for (int k = 0; k < streams; k++) {
            int idArg = streamsArg + streams + k;
            if (is(a, idArg, '$')) {
                argv.set(idArg, Streams.idBytes(ids[2 * k], ids[2 * k + 1]));
            }
        }
        return Arguments.of(argv.toArray(new byte[0][]));
    }
}
