package io.jredis.application.command.generic;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;

import java.util.Arrays;

/** What RENAME and RENAMENX share, in the order Redis checks it. */
final class Renaming {

    private Renaming() {
    }

    static void rename(CommandContext ctx, boolean nx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        byte[] buf = args.array();
        boolean sameKey = Arrays.equals(buf, args.offset(1), args.offset(1) + args.length(1),
                buf, args.offset(2), args.offset(2) + args.length(2));
        if (db.get(buf, args.offset(1), args.length(1), ctx.now()) == null) {
            ctx.reply().error(Errors.NO_SUCH_KEY);
            return;
        }
        if (sameKey) {
            // Nothing changes, so nothing is propagated either.
            if (nx) {
                ctx.reply().integer(0);
            } else {
                ctx.reply().ok();
            }
            return;
        }
        byte[] target = args.bytes(2);
        if (nx && db.contains(target, ctx.now())) {
            ctx.reply().integer(0);
            return;
        }
        db.move(args.bytes(1), db, target, ctx.now());
        ctx.keyModified(args, 1);
        ctx.keyModified(args, 2);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "rename_from", args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "rename_to", args, 2);
        if (nx) {
            ctx.reply().integer(1);
        } else {
            ctx.reply().ok();
        }
    }
}
