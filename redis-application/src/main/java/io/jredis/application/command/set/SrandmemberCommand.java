package io.jredis.application.command.set;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.SetValue;

import java.util.SplittableRandom;

/**
 * SRANDMEMBER key [count]: a positive count gives distinct members (the whole set when it is
 * not larger), a negative one |count| independent picks.
 */
public final class SrandmemberCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("srandmember", -2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "set", "slow").keyFlags("RO", "access")
            .group("set").since("1.0.0").summary("Get one or multiple random members from a set")
            .complexity("Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed"
                    + " count.")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 3) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        SplittableRandom random = ctx.server().random();
        if (args.count() == 2) {
            SetValue set = Sets.read(ctx, 1);
            if (set == Sets.WRONG_TYPE) {
                return;
            }
            if (set == null) {
                ctx.reply().nullBulk();
            } else {
                set.memberAt(random.nextInt(set.size()), new byte[20], ctx.reply()::bulk);
            }
            return;
        }
        long count = RandomPicks.parseCount(ctx, 2);
        if (count == RandomPicks.INVALID) {
            return;
        }
        SetValue set = Sets.read(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        ReplySink reply = ctx.reply();
        if (set == null || count == 0) {
            reply.array(0);
            return;
        }
        byte[] scratch = new byte[20];
        if (count < 0) {
            reply.array((int) Math.min(-count, Integer.MAX_VALUE));
            for (long k = count; k < 0; k++) {
                set.memberAt(random.nextInt(set.size()), scratch, reply::bulk);
            }
            return;
        }
        if (count >= set.size()) {
            reply.array(set.size());
            set.forEach(reply::bulk);
            return;
        }
        int[] picks = RandomPicks.distinct(random, set.size(), (int) count);
        reply.array(picks.length);
        for (int i : picks) {
            set.memberAt(i, scratch, reply::bulk);
        }
    }
}
