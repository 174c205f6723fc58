package io.jredis.application.command.set;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.generic.ScanArguments;
import io.jredis.application.command.generic.ScanCommand;
import io.jredis.domain.value.SetValue;

import java.util.ArrayList;
import java.util.List;

/** SSCAN key cursor [MATCH pattern] [COUNT count]: SCAN's guarantees over one set's members. */
public final class SscanCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("sscan", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "set", "slow").keyFlags("RO", "access")
            .group("set").since("2.8.0").summary("Incrementally iterate Set elements")
            .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the"
                    + " cursor to return back to 0. N is the number of elements inside the collection..")
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
        SetValue set = Sets.read(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        if (set == null) {
            ScanArguments.replyEmpty(ctx);
            return;
        }
        ScanArguments options = new ScanArguments();
        if (!options.parse(ctx, 3)) {
            return;
        }
        List<byte[]> found = new ArrayList<>();
        long next = set.scan(cursor, options.count(), i -> {
            byte[] m = set.memberAt(i);
            if (options.matches(args, m)) {
                found.add(m);
            }
        });
        ScanArguments.replyCursor(ctx, next);
        ctx.reply().array(found.size());
        for (byte[] m : found) {
            ctx.reply().bulk(m);
        }
    }
}
