package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.LongDouble;
import io.jredis.domain.value.Strings;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * INCRBYFLOAT key increment, in C long double arithmetic as Redis does it (see
 * {@link LongDouble}); keeps the time to live. Propagated as SET key result KEEPTTL, so replicas
 * store the same digits whatever their arithmetic.
 */
public final class IncrbyfloatCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("incrbyfloat", 3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "string", "fast")
            .group("string").since("2.6.0")
            .summary("Increment the float value of a key by the given amount")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update")
            .build();

    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPTTL = "KEEPTTL".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        byte[] buf = args.array();
        Object old = db.get(buf, args.offset(1), args.length(1), ctx.now());
        LongDouble value = LongDouble.ZERO;
        if (old != null) {
            if (!Strings.isString(old)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            value = LongDouble.parse(StringValues.array(old), 0, Strings.length(old));
        }
        LongDouble incr = value == null ? null : LongDouble.parse(buf, args.offset(2), args.length(2));
        if (incr == null) {
            ctx.reply().error(Errors.NOT_FLOAT);
            return;
        }
        LongDouble sum = value.add(incr);
        if (!sum.isFinite()) {
            ctx.reply().error(Errors.INCR_NAN_OR_INF);
            return;
        }
        byte[] stored = sum.toHumanBytes();
        if (old == null) {
            db.put(buf, args.offset(1), args.length(1), stored, Database.NO_EXPIRY, ctx.now());
        } else {
            StringValues.replaceKeepingTtl(ctx, db, args, 1, stored);
        }
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "incrbyfloat", args, 1);
        ctx.reply().bulk(stored);
        ctx.propagateAs(List.of(SET, args.bytes(1), stored, KEEPTTL));
    }
}
