package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;
import io.jredis.domain.value.Strings;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.jredis.application.command.string.ExpiryArguments.EXAT;
import static io.jredis.application.command.string.ExpiryArguments.PERSIST;
import static io.jredis.application.command.string.ExpiryArguments.PXAT;

/**
 * GETEX key [EX s | PX ms | EXAT ts | PXAT ms-ts | PERSIST]. Never propagated as sent: a new
 * expiry goes out as PEXPIREAT, an absolute time already past as DEL, PERSIST as PERSIST.
 */
public final class GetexCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getex", -2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "string", "fast")
            .group("string").since("6.2.0")
            .summary("Get the value of a key and optionally set its expiration")
            .complexity("O(1)")
            .keySpec("RW and UPDATE because it changes the TTL", CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update")
            .build();

    private static final byte[] PEXPIREAT = "PEXPIREAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PERSIST_CMD = "PERSIST".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long parsed = ExpiryArguments.parse(ctx, args, 2, false);
        if (parsed == ExpiryArguments.SYNTAX_ERROR) {
            return;
        }
        int flags = ExpiryArguments.flags(parsed);
        int expireArg = ExpiryArguments.expireArg(parsed);
        Database db = ctx.db();
        Object value = db.get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (value == null) {
            ctx.server().stats().keyspaceMisses++;
            ctx.reply().nullBulk();
            return;
        }
        ctx.server().stats().keyspaceHits++;
        if (!Strings.isString(value)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        long expireAt = 0;
        if (expireArg > 0) {
            expireAt = ExpiryArguments.absoluteExpiry(ctx, args, expireArg, flags, "getex");
            if (expireAt == ExpiryArguments.INVALID) {
                return;
            }
        }
        StringValues.replyValue(ctx, value);
        if (expireArg > 0 && (flags & (EXAT | PXAT)) != 0 && expireAt <= ctx.now() && isMaster(ctx)) {
            // An absolute time already past deletes the key (a replica waits for its master's DEL).
            byte[] key = args.bytes(1);
            db.remove(key, ctx.now());
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 1);
            ctx.propagateAs(List.of(GetdelCommand.DEL, key));
        } else if (expireArg > 0) {
            byte[] key = args.bytes(1);
            db.setExpire(key, expireAt, ctx.now());
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "expire", args, 1);
            ctx.propagateAs(List.of(PEXPIREAT, key, Numbers.toBytes(expireAt)));
        } else if ((flags & PERSIST) != 0) {
            byte[] key = args.bytes(1);
            if (db.persist(key, ctx.now())) {
                ctx.keyModified(args, 1);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "persist", args, 1);
                ctx.propagateAs(List.of(PERSIST_CMD, key));
            }
        }
    }

    private static boolean isMaster(CommandContext ctx) {
        return "master".equals(ctx.server().replication().role());
    }
}
