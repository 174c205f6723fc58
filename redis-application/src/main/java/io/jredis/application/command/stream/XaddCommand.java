package io.jredis.application.command.stream;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

import java.util.Arrays;

/**
 * XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value...
 * Generated ids come from the command's time and never go backwards. As Redis 7.0 it
 * propagates with the id it used and an approximate trim rewritten exact.
 */
public final class XaddCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xadd", -5)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RW", "update")
            .acl("write", "stream", "fast")
            .group("stream").since("5.0.0").summary("Appends a new entry to a stream")
            .tips("nondeterministic_output")
            .complexity("O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.")
            .keySpec("UPDATE instead of INSERT because of the optional trimming feature", CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        TrimArgs t = new TrimArgs();
        if (!t.parse(ctx, true)) {
            return;
        }
        int fieldPos = t.end + 1;
        int fields = a.count() - fieldPos;
        if (fields < 2 || fields % 2 == 1) {
            ctx.reply().error(Errors.wrongArity("xadd"));
            return;
        }
        if (t.idGiven && t.seqGiven && t.idMs == 0 && t.idSeq == 0) {
            ctx.reply().error(Errors.XADD_ID_ZERO);
            return;
        }
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        StreamValue s = (StreamValue) v;
        boolean created = false;
        if (s == null) {
            if (t.noMkStream) {
                ctx.reply().nullBulk();
                return;
            }
            s = new StreamValue();
            created = true;
        }
        if (s.lastMs() == -1L && s.lastSeq() == -1L) {
            ctx.reply().error(Errors.STREAM_EXHAUSTED);
            return;
        }
        long ms;
        long seq;
        if (t.idGiven && t.seqGiven) {
            ms = t.idMs;
            seq = t.idSeq;
        } else if (t.idGiven) {
            ms = t.idMs;
            if (s.lastMs() == ms) {
                if (s.lastSeq() == -1L) {
                    ctx.reply().error(Errors.XADD_ID_TOO_SMALL);
                    return;
                }
                seq = s.lastSeq() + 1;
            } else {
                seq = 0;
            }
        } else {
            // the clock may be behind the last id (skew, XSETID): keep its ms, next seq
            long now = ctx.now();
            if (Long.compareUnsigned(now, s.lastMs()) > 0) {
                ms = now;
                seq = 0;
            } else {
                StreamId next = s.lastId().next();
                ms = next.ms();
                seq = next.seq();
            }
        }
        if (StreamId.compare(ms, seq, s.lastMs(), s.lastSeq()) <= 0) {
            ctx.reply().error(Errors.XADD_ID_TOO_SMALL);
            return;
        }
        int[] offs = new int[fields];
        int[] lens = new int[fields];
        for (int i = 0; i < fields; i++) {
            offs[i] = a.offset(fieldPos + i);
            lens[i] = a.length(fieldPos + i);
        }
        s.append(ms, seq, a.array(), offs, lens, ctx.server().config().streamNodeMaxEntries,
                ctx.server().config().streamNodeMaxBytes);
        if (created) {
            ctx.db().put(a.bytes(1), s, ctx.now());
        }
        byte[] id = Streams.idBytes(ms, seq);
        ctx.reply().bulk(id);
        ctx.keyModified(a, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STREAM, "xadd", a, 1);
        byte[][] argv = null;
        if (t.strategy != TrimArgs.NONE) {
            t.trim(s);
            if (t.approx) {
                argv = argv(a);
                t.rewriteApprox(argv, s);
            }
        }
        if (!t.idGiven || !t.seqGiven) {
            if (argv == null) {
                argv = argv(a);
            }
            argv[t.end] = id;
        }
        if (argv != null) {
            ctx.propagateAs(Arrays.asList(argv));
        }
    }

    private static byte[][] argv(Arguments a) {
        return a.toList().toArray(new byte[0][]);
    }
}
