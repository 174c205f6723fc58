package io.jredis.application.command.set;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.SetValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SPOP key [count]. The random choice is not replayed: a pop propagates as SREM of the members
 * it removed, and a count that empties the set as DEL of the key, as Redis 7.0 does.
 */
public final class SpopCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("spop", -2)
            .flags(CommandFlag.WRITE, CommandFlag.FAST).keys(1, 1, 1)
            .acl("write", "set", "fast").keyFlags("RW", "access", "delete")
            .group("set").since("1.0.0").summary("Remove and return one or multiple random members from a set")
            .complexity("Without the count argument O(1), otherwise O(N) where N is the value of the passed count.")
            .tips("nondeterministic_output")
            .build();

    private static final byte[] SREM = "SREM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 3) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        if (args.count() == 3) {
            popCount(ctx, args);
            return;
        }
        SetValue set = Sets.write(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        if (set == null) {
            ctx.reply().nullBulk();
            return;
        }
        int i = ctx.server().random().nextInt(set.size());
        byte[] member = set.memberAt(i);
        set.removeAt(i);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, "spop", args, 1);
        Sets.removeIfEmpty(ctx, set, 1);
        ctx.keyModified(args, 1);
        ctx.reply().bulk(member);
        ctx.propagateAs(List.of(SREM, args.bytes(1), member));
    }

    private static void popCount(CommandContext ctx, Arguments args) {
        if (!args.isLong(2) || args.longValue(2) < 0) {
            ctx.reply().error(Errors.NOT_POSITIVE);
            return;
        }
        long count = args.longValue(2);
        SetValue set = Sets.write(ctx, 1);
        if (set == Sets.WRONG_TYPE) {
            return;
        }
        if (set == null || count == 0) {
            ctx.reply().set(0);
            return;
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvents.SET, "spop", args, 1);
        if (count >= set.size()) {
            // The whole set: reply it, then delete the key.
            Sets.replySet(ctx.reply(), set);
            ctx.db().remove(args.array(), args.offset(1), args.length(1), ctx.now());
            ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 1);
            ctx.keyModified(args, 1);
            ctx.propagateAs(List.of(DEL, args.bytes(1)));
            return;
        }
        SplittableRandom random = ctx.server().random();
        List<byte[]> srem = new ArrayList<>((int) count + 2);
        srem.add(SREM);
        srem.add(args.bytes(1));
        ctx.reply().set((int) count);
        for (long k = 0; k < count; k++) {
            int i = random.nextInt(set.size());
            byte[] member = set.memberAt(i);
            set.removeAt(i);
            ctx.reply().bulk(member);
            srem.add(member);
        }
        ctx.keyModified(args, 1);
        // Redis sends the SREMs in batches of 1024 members; one SREM has the same effect.
        ctx.propagateAs(srem);
    }
}
