package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.domain.keyspace.Database;

/** Read look-ups that count keyspace hits and misses as Redis's lookupKeyRead does. */
final class KeyLookups {

    private KeyLookups() {
    }

    /** Reads argument i's value without touching its access time; counts a hit or a miss. */
    static Object peek(CommandContext ctx, Database db, int i) {
        Arguments args = ctx.args();
        return count(ctx, db.peek(args.array(), args.offset(i), args.length(i), ctx.now()));
    }

    /** Reads argument i's value and marks it accessed; counts a hit or a miss. */
    static Object read(CommandContext ctx, Database db, int i) {
        Arguments args = ctx.args();
        return count(ctx, db.get(args.array(), args.offset(i), args.length(i), ctx.now()));
    }

    private static Object count(CommandContext ctx, Object value) {
        if (value == null) {
            ctx.server().stats().keyspaceMisses++;
        } else {
            ctx.server().stats().keyspaceHits++;
        }
        return value;
    }
}
