package io.jredis.application.command.hyperloglog;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.value.HyperLogLog;
import io.jredis.domain.value.MutableString;

/**
 * PFSELFTEST: checks the dense register packing and that a sparse and a dense HLL fed the same
 * elements agree and stay within the expected error; replies OK or a TESTFAILED error.
 */
public final class PfselftestCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("pfselftest", 1)
            .flags(CommandFlag.ADMIN).keys(0, 0, 0)
            .acl("hyperloglog", "admin", "slow", "dangerous")
            .group("hyperloglog").since("2.8.9")
            .summary("An internal command for testing HyperLogLog values")
            .complexity("N/A")
            .build();

    private static final int ELEMENTS = 100_000;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        // Registers: fill every one with a pattern through a dense HLL and read them back.
        MutableString dense = HyperLogLog.create();
        HyperLogLog.toDense(dense);
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            HyperLogLog.set(dense, j, j % 63 + 1, Long.MAX_VALUE);
        }
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            if (HyperLogLog.register(dense.array(), j) != j % 63 + 1) {
                ctx.reply().error("TESTFAILED Register error at " + j);
                return;
            }
        }
        // Approximation: sparse (promoting on the way) and dense must give the same count.
        MutableString sparse = HyperLogLog.create();
        MutableString full = HyperLogLog.create();
        HyperLogLog.toDense(full);
        byte[] ele = new byte[8];
        double relativeError = 1.04 / Math.sqrt(HyperLogLog.REGISTERS);
        for (int i = 1; i <= ELEMENTS; i++) {
            for (int k = 0; k < 8; k++) {
                ele[k] = (byte) (i >>> (8 * k));
            }
            HyperLogLog.add(sparse, ele, 0, 8, 3000);
            HyperLogLog.add(full, ele, 0, 8, 3000);
            if ((i & (i - 1)) == 0 || i == ELEMENTS) {
                long a = HyperLogLog.count(sparse.array(), sparse.length());
                long b = HyperLogLog.count(full.array(), full.length());
                if (a != b) {
                    ctx.reply().error("TESTFAILED dense/sparse disagree: " + b + " vs " + a);
                    return;
                }
                double error = Math.abs((double) i - b) / i;
                double allowed = i < 10 ? 0.5 : relativeError * 6;
                if (error > allowed) {
                    ctx.reply().error("TESTFAILED Too big error. card:" + i + " abserr:" + Math.abs(i - b));
                    return;
                }
            }
        }
        ctx.reply().ok();
    }
}
