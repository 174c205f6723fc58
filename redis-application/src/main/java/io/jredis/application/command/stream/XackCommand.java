package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.StreamGroup;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamValue;

/** XACK key group id...: removes entries from the group's pending list; all ids checked first. */
public final class XackCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xack", -4)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .keyFlags("RW", "update")
            .acl("write", "stream", "fast")
            .group("stream").since("5.0.0").summary("Marks a pending message as correctly processed, effectively "
                    + "removing it from the pending entries list of the consumer group. Return value of the command "
                    + "is the number of messages successfully acknowledged, that is, the IDs we were actually able to "
                    + "resolve in the PEL.")
            .complexity("O(1) for each message ID processed.")
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
        StreamGroup g = v == null ? null : ((StreamValue) v).group(a.bytes(2));
        if (g == null) {
            ctx.reply().integer(0);
            return;
        }
        int n = a.count() - 3;
        StreamId[] ids = new StreamId[n];
        long[] id = new long[3];
        for (int j = 0; j < n; j++) {
            if (!Streams.parseId(ctx, j + 3, 0, true, false, id)) {
                return;
            }
            ids[j] = new StreamId(id[0], id[1]);
        }
        long acked = 0;
        for (StreamId i : ids) {
            if (g.acknowledge(i)) {
                acked++;
            }
        }
        if (acked > 0) {
            ctx.keyModified(a, 1);
        }
        ctx.reply().integer(acked);
    }
}
