package io.jredis.application.command.stream;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

/** XDEL key id...: deletes entries, raising max-deleted-id; all ids are checked before any is deleted. */
public final class XdelCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xdel", -3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RW", "delete")
            .acl("write", "stream", "fast")
            .group("stream").since("5.0.0").summary("Removes the specified entries from the stream. Returns the "
                    + "number of items actually deleted, that may be different from the number of IDs passed in "
                    + "case certain IDs do not exist.")
            .complexity("O(1) for each single item to delete in the stream, regardless of the stream size.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        if (v == null) {
            ctx.reply().integer(0);
            return;
        }
        StreamValue s = (StreamValue) v;
        int n = a.count() - 2;
        long[] ids = new long[2 * n];
        long[] id = new long[3];
        for (int j = 0; j < n; j++) {
            if (!Streams.parseId(ctx, j + 2, 0, true, false, id)) {
                return;
            }
            ids[2 * j] = id[0];
            ids[2 * j + 1] = id[1];
        }
        long deleted = 0;
        for (int j = 0; j < n; j++) {
            long ms = ids[2 * j];
            long seq = ids[2 * j + 1];
            if (s.delete(ms, seq)) {
                StreamId max = s.maxDeletedId();
                if (StreamId.compare(ms, seq, max.ms(), max.seq()) > 0) {
                    s.setMaxDeletedId(ms, seq);
                }
                deleted++;
            }
        }
        if (deleted > 0) {
            ctx.keyModified(a, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.STREAM, "xdel", a, 1);
            ctx.dirty(deleted - 1);
        }
        ctx.reply().integer(deleted);
    }
}
