package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

/** XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id]. */
public final class XsetidCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xsetid", -3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RW", "update")
            .acl("write", "stream", "fast")
            .group("stream").since("5.0.0").summary("An internal command for replicating stream values")
            .complexity("O(1)")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        long[] id = new long[3];
        if (!Streams.parseId(ctx, 2, 0, true, false, id)) {
            return;
        }
        long ms = id[0];
        long seq = id[1];
        long entriesAdded = -1;
        long delMs = 0;
        long delSeq = 0;
        int i = 3;
        while (i < a.count()) {
            int more = a.count() - 1 - i;
            if (a.is(i, "ENTRIESADDED") && more > 0) {
                Long v = Streams.longArg(ctx, i + 1);
                if (v == null) {
                    return;
                }
                if (v < 0) {
                    ctx.reply().error(Errors.ENTRIES_ADDED_NEGATIVE);
                    return;
                }
                entriesAdded = v;
                i += 2;
            } else if (a.is(i, "MAXDELETEDID") && more > 0) {
                if (!Streams.parseId(ctx, i + 1, 0, true, false, id)) {
                    return;
                }
                if (StreamId.compare(ms, seq, id[0], id[1]) < 0) {
                    ctx.reply().error(Errors.XSETID_BELOW_MAX_DELETED);
                    return;
                }
                delMs = id[0];
                delSeq = id[1];
                i += 2;
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
            ctx.reply().error(Errors.NO_SUCH_KEY);
            return;
        }
        StreamValue s = (StreamValue) v;
        if (s.length() > 0) {
            StreamId max = s.lastLiveId();
            if (StreamId.compare(ms, seq, max.ms(), max.seq()) < 0) {
                ctx.reply().error(Errors.XSETID_TOO_SMALL);
                return;
            }
            if (entriesAdded != -1 && s.length() > entriesAdded) {
                ctx.reply().error(Errors.XSETID_ENTRIES_ADDED_SMALL);
                return;
            }
        }
        s.setLastId(ms, seq);
        if (entriesAdded != -1) {
            s.setEntriesAdded(entriesAdded);
        }
        if (delMs != 0 || delSeq != 0) {
            s.setMaxDeletedId(delMs, delSeq);
        }
        ctx.keyModified(a, 1);
        ctx.reply().ok();
    }
}
