package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;

/** FLUSHDB [ASYNC | SYNC]: removes every key of the selected database. */
public final class FlushDbCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("flushdb", -1)
            .flags(CommandFlag.WRITE)
            .acl("keyspace", "write", "slow", "dangerous")
            .group("server").since("1.0.0").summary("Remove all keys from the current database")
            .complexity("O(N) where N is the number of keys in the selected database")
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        if (!validFlushOptions(ctx.args())) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        int id = ctx.session().db();
        Database db = ctx.db();
        ctx.server().watchedKeys().touchReplacedDb(id, db, null, ctx.now());
        int removed = db.size();
        db.clear();
        // Redis forces propagation even of an empty flush; a dirty count of at least one does that here.
        ctx.dirty(Math.max(1, removed));
        ctx.reply().ok();
    }

    /** No option, or exactly one of ASYNC and SYNC (both free memory at once here: the collector does it). */
    static boolean validFlushOptions(Arguments args) {
        return args.count() == 1 || (args.count() == 2 && (args.is(1, "ASYNC") || args.is(1, "SYNC")));
    }
}
