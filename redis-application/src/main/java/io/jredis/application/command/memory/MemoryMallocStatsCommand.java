package io.jredis.application.command.memory;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;

/** MEMORY MALLOC-STATS: what Redis built without jemalloc answers; the JVM's heap has no such report. */
public final class MemoryMallocStatsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("malloc-stats", 2)
            .acl("slow")
            .group("server").since("4.0.0").summary("Show allocator internal stats")
            .complexity("Depends on how much memory is allocated, could be slow")
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().verbatim("txt", "Stats not supported for the current allocator");
    }
}
