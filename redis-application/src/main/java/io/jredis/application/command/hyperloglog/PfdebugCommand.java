package io.jredis.application.command.hyperloglog;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.HyperLogLog;
import io.jredis.domain.value.MutableString;

/**
 * PFDEBUG GETREG|DECODE|ENCODING|TODENSE key: Redis's internal HLL inspection. GETREG and TODENSE
 * turn a sparse HLL dense and then count as a change, so the conversion propagates.
 */
public final class PfdebugCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pfdebug", 3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.ADMIN).keys(2, 2, 1)
            .acl("write", "hyperloglog", "admin", "slow", "dangerous")
            .group("hyperloglog").since("2.8.9")
            .summary("Internal commands for debugging HyperLogLog values")
            .complexity("N/A")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "RW", "access")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Object value = ctx.db().get(args.array(), args.offset(2), args.length(2), ctx.now());
        if (value == null) {
            ctx.reply().error(Errors.PFDEBUG_NO_KEY);
            return;
        }
        if (!HllValues.check(ctx, value)) {
            return;
        }
        MutableString hll = HllValues.unshare(ctx, 2, value);
        if (args.is(1, "getreg")) {
            if (HyperLogLog.isSparse(hll.array())) {
                if (!HyperLogLog.toDense(hll)) {
                    ctx.reply().error(Errors.HLL_CORRUPTED);
                    return;
                }
                ctx.dirty(1);
            }
            byte[] a = hll.array();
            ctx.reply().array(HyperLogLog.REGISTERS);
            for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
                ctx.reply().integer(HyperLogLog.register(a, j));
            }
        } else if (args.is(1, "decode")) {
            if (!HyperLogLog.isSparse(hll.array())) {
                ctx.reply().error(Errors.PFDEBUG_NOT_SPARSE);
                return;
            }
            ctx.reply().bulk(HyperLogLog.decode(hll.array(), hll.length()));
        } else if (args.is(1, "encoding")) {
            ctx.reply().status(HyperLogLog.isSparse(hll.array()) ? "sparse" : "dense");
        } else if (args.is(1, "todense")) {
            boolean converted = false;
            if (HyperLogLog.isSparse(hll.array())) {
                if (!HyperLogLog.toDense(hll)) {
                    ctx.reply().error(Errors.HLL_CORRUPTED);
                    return;
                }
                converted = true;
                ctx.dirty(1);
            }
            ctx.reply().integer(converted ? 1 : 0);
        } else {
            ctx.reply().error(Errors.pfdebugUnknown(args.text(1)));
        }
    }
}
