package io.jredis.application.command.string;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** GETDEL key: replies the value and deletes the key; propagated as DEL key. */
public final class GetdelCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getdel", 2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "string", "fast")
            .group("string").since("6.2.0")
            .summary("Get the value of a key and delete the key")
            .complexity("O(1)")
            .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
            .build();

    static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (!GetCommand.replyString(ctx, value) || value == null) {
            return;
        }
        byte[] key = args.bytes(1);
        ctx.db().remove(key, ctx.now());
        ctx.keyModified(args, 1);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 1);
        ctx.propagateAs(List.of(DEL, key));
    }
}
