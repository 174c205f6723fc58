package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.domain.keyspace.Database;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** GETSET key value: replies the old value, clears the time to live; propagated as SET key value. */
public final class GetsetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getset", 3)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "string", "fast")
            .group("string").since("1.0.0")
            .summary("Set the string value of a key and return its old value")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update")
            .build();

    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        Object old = db.get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (!GetCommand.replyString(ctx, old)) {
            return;
        }
        byte[] value = args.bytes(2);
        db.put(args.array(), args.offset(1), args.length(1), value, Database.NO_EXPIRY, ctx.now());
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "set", args, 1);
        ctx.propagateAs(List.of(SET, args.bytes(1), value));
    }
}
