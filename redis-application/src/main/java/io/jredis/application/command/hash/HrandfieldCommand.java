package io.jredis.application.command.hash;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.set.RandomPicks;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.HashValue;

import java.util.SplittableRandom;

/**
 * HRANDFIELD key [count [WITHVALUES]]: a positive count gives distinct fields (the whole hash
 * when it is not larger), a negative one |count| independent picks. With values, RESP3 gets
 * one two-element array per pick, RESP2 a flat array.
 */
public final class HrandfieldCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("hrandfield", -2)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .acl("read", "hash", "slow").keyFlags("RO", "access")
            .group("hash").since("6.2.0").summary("Get one or multiple random fields from a hash")
            .complexity("O(N) where N is the number of fields returned")
            .tips("nondeterministic_output")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        SplittableRandom random = ctx.server().random();
        if (args.count() == 2) {
            HashValue hash = Hashes.read(ctx, 1);
            if (hash == Hashes.WRONG_TYPE) {
                return;
            }
            if (hash == null) {
                ctx.reply().nullBulk();
            } else {
                int at = hash.positionOf(random.nextInt(hash.size()));
                ctx.reply().bulk(hash.fieldArray(at), hash.fieldOffset(at), hash.fieldLength(at));
            }
            return;
        }
        long count = RandomPicks.parseCount(ctx, 2);
        if (count == RandomPicks.INVALID) {
            return;
        }
        boolean withValues = false;
        if (args.count() > 4 || (args.count() == 4 && !args.is(3, "WITHVALUES"))) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        if (args.count() == 4) {
            withValues = true;
            if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) {
                ctx.reply().error(Errors.VALUE_OUT_OF_RANGE);
                return;
            }
        }
        HashValue hash = Hashes.read(ctx, 1);
        if (hash == Hashes.WRONG_TYPE) {
            return;
        }
        ReplySink reply = ctx.reply();
        if (hash == null || count == 0) {
            reply.array(0);
            return;
        }
        boolean resp3 = ctx.session().protocol() == 3;
        // ordinal -> position once, so picks from a listpack need no walk each
        int[] positions = new int[hash.size()];
        int k0 = 0;
        for (int p = hash.first(); p >= 0; p = hash.next(p)) {
            positions[k0++] = p;
        }
        if (count < 0) {
            long n = -count;
            reply.array(header(n, withValues, resp3));
            for (long k = 0; k < n; k++) {
                pick(reply, hash, positions[random.nextInt(hash.size())], withValues, resp3);
            }
            return;
        }
        if (count >= hash.size()) {
            reply.array(header(hash.size(), withValues, resp3));
            for (int p : positions) {
                pick(reply, hash, p, withValues, resp3);
            }
            return;
        }
        int[] picks = RandomPicks.distinct(random, hash.size(), (int) count);
        reply.array(header(picks.length, withValues, resp3));
        for (int i : picks) {
            pick(reply, hash, positions[i], withValues, resp3);
        }
    }

    private static int header(long picks, boolean withValues, boolean resp3) {
        long n = withValues && !resp3 ? 2 * picks : picks;
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static void pick(ReplySink reply, HashValue hash, int p, boolean withValues, boolean resp3) {
        if (withValues && resp3) {
            reply.array(2);
        }
        reply.bulk(hash.fieldArray(p), hash.fieldOffset(p), hash.fieldLength(p));
        if (withValues) {
            reply.bulk(hash.valueArray(p), hash.valueOffset(p), hash.valueLength(p));
        }
    }
}
