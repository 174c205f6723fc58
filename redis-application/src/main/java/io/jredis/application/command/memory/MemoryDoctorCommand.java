package io.jredis.application.command.memory;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;

/**
 * MEMORY DOCTOR: Redis's report texts. The estimate has no fragmentation, RSS or buffer
 * problems to find: an almost empty instance (under 5 MB, as Redis decides) gets the "empty" text,
 * one that once used more than 150 % of what it uses now the peak report, any other the all-clear.
 */
public final class MemoryDoctorCommand implements Command {

    static final String EMPTY = "Hi Sam, this instance is empty or is using very little memory, my issues detector "
            + "can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. "
            + "The new Sam and I will be back to our programming as soon as I finished rebooting.\n";
    static final String HEALTHY = "Hi Sam, I can't find any memory issue in your instance. "
            + "I can only account for what occurs on this base.\n";

    static final String PEAK = "Sam, I detected a few issues in this Redis instance memory implants:\n\n"
            + " * Peak memory: In the past this instance used more than 150% the memory that is currently using. "
            + "The allocator is normally not able to release memory after a peak, so you can expect to see a big "
            + "fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if the "
            + "Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be used as soon "
            + "as you fill the Redis instance with more data. If the memory peak was only occasional and you want to "
            + "try to reclaim memory, please try the MEMORY PURGE command, otherwise the only other option is to "
            + "shutdown and restart the instance.\n\n"
            + "I'm here to keep you safe, Sam. I want to help you.\n";

    private static final CommandSpec SPEC = CommandSpec.command("doctor", 2)
            .acl("slow")
            .group("server").since("4.0.0").summary("Outputs memory problems report")
            .complexity("O(1)")
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        long used = ctx.server().eviction().usedMemory();
        long peak = ctx.server().eviction().peak();
        // Redis's other checks (fragmentation, RSS, client and replica buffers) have nothing to find in the estimate
        String report = used < 1024 * 1024 * 5 ? EMPTY : peak > used * 1.5 ? PEAK : HEALTHY;
        ctx.reply().verbatim("txt", report);
    }
}
