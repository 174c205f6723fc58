package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.KeyReference;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.jredis.application.command.string.ExpiryArguments.GET;
import static io.jredis.application.command.string.ExpiryArguments.KEEPTTL;
import static io.jredis.application.command.string.ExpiryArguments.NX;
import static io.jredis.application.command.string.ExpiryArguments.XX;

/** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT ts | PXAT ms-ts | KEEPTTL]. */
public final class SetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("set", -3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
            .acl("write", "string", "slow")
            .group("string").since("1.0.0")
            .summary("Set the string value of a key")
            .complexity("O(1)")
            .keySpec("RW and ACCESS due to the optional `GET` argument", CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update", "variable_flags")
            .build();

    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PXAT = "PXAT".getBytes(StandardCharsets.US_ASCII);

    /** The replies SETNX gives instead of OK and nil. */
    enum Replies { PLAIN, INTEGER }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /**
     * SET's key flags vary (variable_flags): with a GET option after the value the key is read
     * too (RW access update), otherwise only overwritten (OW update), as Redis's setGetKeys says.
     */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        for (int i = base + 3; i < args.count(); i++) {
            if (args.is(i, "GET")) {
                return List.of(new KeyReference(1, List.of("RW", "access", "update")));
            }
        }
        return List.of(new KeyReference(1, KeyReference.OW_UPDATE));
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        long parsed = ExpiryArguments.parse(ctx, args, 3, true);
        if (parsed == ExpiryArguments.SYNTAX_ERROR) {
            return;
        }
        int expireArg = ExpiryArguments.expireArg(parsed);
        set(ctx, ExpiryArguments.flags(parsed), 2, expireArg, Replies.PLAIN, "set");
    }

    /**
     * Redis's setGenericCommand, for SET, SETNX, SETEX and PSETEX: the value is argument
     * {@code valueArg}, the expiry (when {@code expireArg > 0}) is read according to the flags.
     * Any expiry is propagated as SET key value PXAT ms, and GET is left out of what is
     * propagated, as Redis 7.0 does.
     */
    static void set(CommandContext ctx, int flags, int valueArg, int expireArg, Replies replies, String command) {
        Arguments args = ctx.args();
        long expireAt = Database.NO_EXPIRY;
        if (expireArg > 0) {
            expireAt = ExpiryArguments.absoluteExpiry(ctx, args, expireArg, flags, command);
            if (expireAt == ExpiryArguments.INVALID) {
                return;
            }
        }
        Database db = ctx.db();
        byte[] buf = args.array();
        int keyOff = args.offset(1);
        int keyLen = args.length(1);
        // A plain SET needs no look-up of the old value.
        Object old = flags == 0 ? null : db.get(buf, keyOff, keyLen, ctx.now());
        if ((flags & GET) != 0 && !GetCommand.replyString(ctx, old)) {
            return;
        }
        boolean found = old != null;
        if (((flags & NX) != 0 && found) || ((flags & XX) != 0 && !found)) {
            if ((flags & GET) == 0) {
                if (replies == Replies.INTEGER) {
                    ctx.reply().integer(0);
                } else {
                    ctx.reply().nullBulk();
                }
            }
            return;
        }
        if (expireArg == 0 && (flags & KEEPTTL) != 0 && found) {
            expireAt = db.expireAt(buf, keyOff, keyLen, ctx.now());
        }
        byte[] value = args.bytes(valueArg);
        db.put(buf, keyOff, keyLen, value, expireAt, ctx.now());
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "set", args, 1);
        if (expireArg > 0) {
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "expire", args, 1);
        }
        if ((flags & GET) == 0) {
            if (replies == Replies.INTEGER) {
                ctx.reply().integer(1);
            } else {
                ctx.reply().ok();
            }
        }
        if (!ctx.server().writeLog().active()) {
            return; // nobody replays it: build nothing
        }
        if (expireArg > 0) {
            // Replicas and the AOF get an absolute time, so replaying later expires at the same moment.
            ctx.propagateAs(List.of(SET, args.bytes(1), value, PXAT, Numbers.toBytes(expireAt)));
        } else if ((flags & GET) != 0) {
            ctx.propagateAs(withoutGet(args));
        }
    }

    /** The arguments without any GET option, which replicas must not reply to. */
    private static List<byte[]> withoutGet(Arguments args) {
        List<byte[]> out = new ArrayList<>(args.count() - 1);
        for (int j = 0; j < args.count(); j++) {
            if (j >= 3 && StringValues.isOption(args, j, "GET")) {
                continue;
            }
            out.add(args.bytes(j));
        }
        return out;
    }

}
