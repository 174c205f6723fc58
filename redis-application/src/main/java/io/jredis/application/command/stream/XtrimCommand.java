package io.jredis.application.command.stream;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.StreamValue;

import java.util.Arrays;

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]; an approximate trim propagates exact. */
public final class XtrimCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xtrim", -4)
            .flags(CommandFlag.WRITE).keys(1, 1, 1)
            .keyFlags("RW", "delete")
            .acl("write", "stream", "slow")
            .group("stream").since("5.0.0").summary("Trims the stream to (approximately if '~' is passed) a certain size")
            .tips("nondeterministic_output")
            .complexity("O(N), with N being the number of evicted entries. Constant times are very small however, "
                    + "since entries are organized in macro nodes containing multiple entries that can be released "
                    + "with a single deallocation.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        TrimArgs t = new TrimArgs();
        if (!t.parse(ctx, false)) {
            return;
        }
        Object v = Streams.lookup(ctx, 1);
        if (v == Streams.FAILED) {
            return;
        }
        if (v == null) {
            ctx.reply().integer(0);
            return;
        }
        StreamValue s = (StreamValue) v;
        long deleted = t.trim(s);
        if (deleted > 0) {
            if (t.approx) {
                byte[][] argv = a.toList().toArray(new byte[0][]);
                t.rewriteApprox(argv, s);
                ctx.propagateAs(Arrays.asList(argv));
            }
            ctx.keyModified(a, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.STREAM, "xtrim", a, 1);
            ctx.dirty(deleted - 1);
        }
        ctx.reply().integer(deleted);
    }
}
