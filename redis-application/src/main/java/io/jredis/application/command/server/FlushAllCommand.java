package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Keyspace;

/** FLUSHALL [ASYNC | SYNC]: removes every key of every database. */
public final class FlushAllCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("flushall", -1)
            .flags(CommandFlag.WRITE)
            .acl("keyspace", "write", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Remove all keys from all databases")
            .complexity("O(N) where N is the total number of keys in all databases")
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (!FlushDbCommand.validFlushOptions(ctx.args())) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        Keyspace keyspace = ctx.server().keyspace();
        for (int i = 0; i < keyspace.count(); i++) {
            ctx.server().watchedKeys().touchReplacedDb(i, keyspace.db(i), null, ctx.now());
        }
        long removed = keyspace.totalKeys();
        keyspace.clear();
        // Redis adds the removed keys and one more for the command itself.
        ctx.dirty(removed + 1);
        // As Redis 7.0's flushAllDataAndResetRDB: a BGSAVE would write the old data, so it is
        // killed; with save points the (empty) dataset is saved at once, which resets the dirty
        // counter, yet FLUSHALL is still propagated.
        ctx.server().rdbBackgroundSave().killRdb();
        if (!ctx.server().config().save.isBlank()) {
            ctx.server().saveSnapshot();
            ctx.forcePropagation();
        }
        ctx.reply().ok();
    }
}
