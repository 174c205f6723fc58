package io.jredis.application.command.hash;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.generic.ScanCommand;
import io.jredis.application.command.generic.ScanArguments;
import io.jredis.domain.value.HashValue;

import java.util.ArrayList;
import java.util.List;

/** HSCAN key cursor [MATCH pattern] [COUNT count]: SCAN's guarantees over one hash's fields. */
public final class HscanCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hscan", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "hash", "slow").keyFlags("RO", "access")
            .group("hash").since("2.8.0").summary("Incrementally iterate hash fields and associated values")
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
        HashValue hash = Hashes.read(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        if (hash == null) {
            ScanArguments.replyEmpty(ctx);
            return;
        }
        ScanArguments options = new ScanArguments();
        if (!options.parse(ctx, 3)) {
            return;
        }
        List<byte[]> found = new ArrayList<>();
        // Redis counts fields and values alike against COUNT, so a call visits about count/2 fields.
        long next = hash.scan(cursor, (options.count() + 1) / 2, i -> {
            byte[] field = hash.fieldAt(i);
            if (options.matches(args, field)) {
                found.add(field);
                found.add(hash.valueAt(i));
            }
        });
        ScanArguments.replyCursor(ctx, next);
        ctx.reply().array(found.size());
        for (byte[] b : found) {
            ctx.reply().bulk(b);
        }
    }
}
