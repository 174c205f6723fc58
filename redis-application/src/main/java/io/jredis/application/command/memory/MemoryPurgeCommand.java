package io.jredis.application.command.memory;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;

/** MEMORY PURGE: OK, as Redis without jemalloc; the JVM returns heap by its own collector. */
public final class MemoryPurgeCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("purge", 2)
            .acl("slow")
            .group("server").since("4.0.0").summary("Ask the allocator to release memory")
            .complexity("Depends on how much memory is allocated, could be slow")
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().ok();
    }
}
