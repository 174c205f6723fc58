package io.jredis.application.command.memory;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;

/**
 * MEMORY DOCTOR: Redis's report texts. The estimate has no fragmentation, RSS or buffer
 * problems to find, so an instance with data gets Redis's all-clear, an almost empty one its
 * "empty" text (under 5 MB, as Redis decides).
 */
public final class MemoryDoctorCommand implements Command {

    static final String EMPTY = "Hi Sam, this instance is empty or is using very little memory, my issues detector "
            + "can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. "
            + "The new Sam and I will be back to our programming as soon as I finished rebooting.";
    static final String HEALTHY = "Hi Sam, I can't find any memory issue in your instance. "
            + "I can only account for what occurs on this base.";

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
        boolean empty = ctx.server().eviction().usedMemory() < 1024 * 1024 * 5;
        ctx.reply().verbatim("txt", empty ? EMPTY : HEALTHY);
    }
}
