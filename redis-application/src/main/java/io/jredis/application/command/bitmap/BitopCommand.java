package io.jredis.application.command.bitmap;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Strings;

/**
 * BITOP AND|OR|XOR|NOT destkey key...: the result is as long as the longest source (shorter ones
 * and missing keys read as zero bytes) and replaces destkey without a time to live; an empty
 * result deletes destkey. Replies the result's length.
 */
public final class BitopCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("bitop", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(2, -1, 1)
            .acl("write", "bitmap", "slow")
            .group("bitmap").since("2.6.0")
            .summary("Perform bitwise operations between strings")
            .complexity("O(N)")
            .keySpec(CommandSpec.index(2), CommandSpec.range(0, 1, 0), "OW", "update")
            .keySpec(CommandSpec.index(3), CommandSpec.range(-1, 1, 0), "RO", "access")
            .build();

    private static final int AND = 0;
    private static final int OR = 1;
    private static final int XOR = 2;
    private static final int NOT = 3;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int op;
        if (args.is(1, "and")) {
            op = AND;
        } else if (args.is(1, "or")) {
            op = OR;
        } else if (args.is(1, "xor")) {
            op = XOR;
        } else if (args.is(1, "not")) {
            op = NOT;
        } else {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        if (op == NOT && args.count() != 4) {
            ctx.reply().error(Errors.BITOP_NOT_ONE_KEY);
            return;
        }
        Database db = ctx.db();
        byte[] buf = args.array();
        int n = args.count() - 3;
        byte[][] src = new byte[n][];
        int[] len = new int[n];
        int maxlen = 0;
        for (int j = 0; j < n; j++) {
            Object value = db.get(buf, args.offset(j + 3), args.length(j + 3), ctx.now());
            if (value == null) {
                continue;
            }
            if (!Strings.isString(value)) {
                ctx.reply().error(Errors.WRONG_TYPE);
                return;
            }
            src[j] = BitValues.array(value);
            len[j] = Strings.length(value);
            maxlen = Math.max(maxlen, len[j]);
        }
        if (maxlen == 0) {
            if (db.remove(buf, args.offset(2), args.length(2), ctx.now()) != null) {
                ctx.keyModified(args, 2);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 2);
            }
            ctx.reply().integer(0);
            return;
        }
        byte[] res = new byte[maxlen];
        for (int i = 0; i < maxlen; i++) {
            int output = i < len[0] ? src[0][i] & 0xff : 0;
            if (op == NOT) {
                output = ~output & 0xff;
            }
            for (int j = 1; j < n; j++) {
                int b = i < len[j] ? src[j][i] & 0xff : 0;
                switch (op) {
                    case AND -> output &= b;
                    case OR -> output |= b;
                    default -> output ^= b;
                }
            }
            res[i] = (byte) output;
        }
        // A new string object in Redis: "raw" whatever its length.
        db.put(buf, args.offset(2), args.length(2), new MutableString(res, maxlen), Database.NO_EXPIRY, ctx.now());
        ctx.keyModified(args, 2);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "set", args, 2);
        ctx.reply().integer(maxlen);
    }
}
