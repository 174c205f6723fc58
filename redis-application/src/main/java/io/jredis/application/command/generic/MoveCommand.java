package io.jredis.application.command.generic;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;

/** MOVE key db: moves a key to another database unless it exists there; replies 1 or 0. */
public final class MoveCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("move", 3)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("keyspace", "write", "fast")
            .group("generic").since("1.0.0").summary("Move a key to another database")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long index = DbIndex.parse(args, 2);
        if (DbIndex.failed(index)) {
            ctx.reply().error(DbIndex.error(index));
            return;
        }
        if (!DbIndex.inRange(index, ctx.server().keyspace().count())) {
            ctx.reply().error(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        int from = ctx.session().db();
        int to = (int) index;
        if (from == to) {
            ctx.reply().error(Errors.SAME_OBJECT);
            return;
        }
        Database src = ctx.db();
        Database dst = ctx.server().keyspace().db(to);
        if (src.get(args.array(), args.offset(1), args.length(1), ctx.now()) == null) {
            ctx.reply().integer(0);
            return;
        }
        byte[] key = args.bytes(1);
        if (dst.contains(key, ctx.now())) {
            ctx.reply().integer(0);
            return;
        }
        src.move(key, dst, key, ctx.now());
        ctx.keyModified(from, key);
        ctx.keyModified(to, key);
        ctx.server().keyspaceEvents().notify(KeyspaceEvents.GENERIC, "move_from", from, key);
        ctx.server().keyspaceEvents().notify(KeyspaceEvents.GENERIC, "move_to", to, key);
        ctx.reply().integer(1);
    }
}
