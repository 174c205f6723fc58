package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.KeyReference;
import io.jredis.application.port.ReplySink;

import java.util.ArrayList;
import java.util.List;

/** COMMAND GETKEYS command [arg ...]: the keys the command would access, from its key positions. */
public final class CommandGetkeysCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("getkeys", -4)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "connection")
            .group("server").since("2.8.13").summary("Extract keys given a full Redis command")
            .complexity("O(N) where N is the number of arguments to the command")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        replyKeys(ctx, false);
    }

    /** The keys of the command in arguments 2.., optionally each with its key spec flags. */
    static void replyKeys(CommandContext ctx, boolean withFlags) {
        Arguments args = ctx.args();
        CommandRegistry registry = ctx.server().registry();
        ReplySink r = ctx.reply();
        Command target = registry.byName(args.string(2));
        if (target != null && !target.subcommands().isEmpty() && args.count() > 3) {
            Command sub = registry.byName(args.string(2) + "|" + args.string(3));
            if (sub != null) {
                target = sub;
            }
        }
        if (target == null) {
            r.error(Errors.COMMAND_GETKEYS_UNKNOWN);
            return;
        }
        CommandSpec spec = target.spec();
        if (spec.firstKey() <= 0 && !spec.has(CommandFlag.MOVABLEKEYS)) {
            r.error(Errors.COMMAND_GETKEYS_NO_KEYS);
            return;
        }
        int argc = args.count() - 2;
        if (!spec.arityAccepts(argc)) {
            r.error(Errors.COMMAND_GETKEYS_ARITY);
            return;
        }
        List<KeyReference> found = target.keys(args, 2);
        if (found != null && found.isEmpty()) {
            r.error(Errors.COMMAND_GETKEYS_INVALID);
            return;
        }
        if (found != null) {
            r.array(found.size());
            for (KeyReference k : found) {
                if (withFlags) {
                    r.array(2);
                }
                r.bulk(args.array(), args.offset(k.index() + 2), args.length(k.index() + 2));
                if (withFlags) {
                    r.set(k.flags().size());
                    for (String f : k.flags()) {
                        r.status(f);
                    }
                }
            }
            return;
        }
        int first = spec.firstKey();
        int last = spec.lastKey() < 0 ? argc + spec.lastKey() : spec.lastKey();
        List<Integer> keys = new ArrayList<>();
        if (last < argc && last >= first) {
            for (int i = first; i <= last; i += Math.max(1, spec.keyStep())) {
                keys.add(i + 2);
            }
        }
        if (keys.isEmpty()) {
            r.error(Errors.COMMAND_GETKEYS_INVALID);
            return;
        }
        r.array(keys.size());
        for (int i : keys) {
            List<String> flags = CommandDescriptions.keyFlags(spec, i - 2, argc);
            if (withFlags) {
                r.array(2);
            }
            r.bulk(args.array(), args.offset(i), args.length(i));
            if (withFlags) {
                r.set(flags.size());
                for (String f : flags) {
                    r.status(f);
                }
            }
        }
    }
}
