package io.jredis.application.command.zset;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.generic.ScanArguments;
import io.jredis.application.command.generic.ScanCommand;
import io.jredis.domain.value.SortedSet;


/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count]: members with their scores as text. A small set
 * comes whole with cursor 0, as Redis returns a listpack.
 */
public final class ZscanCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("zscan", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("2.8.0")
            .summary("Incrementally iterate sorted sets elements and associated scores")
            .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
            .keyFlags("RO", "access")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long cursor = ScanCommand.parseCursor(args, 2);
        if (cursor == ScanCommand.BAD) {
            ctx.reply().error(Errors.INVALID_CURSOR);
            return;
        }
        SortedSet z = ZSets.read(ctx, 1);
        if (z == ZSets.WRONG_TYPE) {
            return;
        }
        if (z == null) {
            ScanArguments.replyEmpty(ctx);
            return;
        }
        ScanArguments options = new ScanArguments();
        if (!options.parse(ctx, 3)) {
            return;
        }
        ZSets.Elements found = new ZSets.Elements();
        long next = z.scan(cursor, (int) Math.min(options.count(), Integer.MAX_VALUE), (m, s) -> {
            if (options.matches(args, m)) {
                found.add(m, s);
            }
            return true;
        });
        ScanArguments.replyCursor(ctx, next);
        ctx.reply().array(found.size * 2);
        for (int i = 0; i < found.size; i++) {
            ctx.reply().bulk(found.members[i]);
            ctx.reply().bulk(z.isListpack() ? ScoreText.listpackBytes(found.scores[i])
                    : ScoreText.bytes(found.scores[i]));
        }
    }
}
