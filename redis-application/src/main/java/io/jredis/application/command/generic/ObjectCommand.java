package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.value.Numbers;
import io.jredis.domain.value.Strings;
import io.jredis.domain.value.TypedValue;

import java.util.List;

/** OBJECT ENCODING | REFCOUNT | IDLETIME | FREQ | HELP: what Redis tells about a stored value. */
public final class ObjectCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("object", -2)
            .acl("slow")
            .group("generic").since("2.2.3").summary("A container for object introspection commands")
            .complexity("Depends on subcommand.")
            .build();

    /** Redis shares the integers 0..9999 as one object whose reference count never changes. */
    static final long SHARED_REFCOUNT = Integer.MAX_VALUE;
    private static final long SHARED_INTEGERS = 10_000;

    private static final List<Command> SUBCOMMANDS = List.of(
            new Sub("encoding", "Inspect the internal encoding of a Redis object", "2.2.3", ObjectCommand::encoding),
            new Sub("refcount", "Get the number of references to the value of the key", "2.2.3", ObjectCommand::refcount),
            new Sub("idletime", "Get the time since a Redis object was last accessed", "2.2.3", ObjectCommand::idletime),
            new Sub("freq", "Get the logarithmic access frequency counter of a Redis object", "4.0.0", ObjectCommand::freq),
            new Help());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return SUBCOMMANDS;
    }

    @Override
    public void execute(CommandContext ctx) {
        // Reached only if the registry did not dispatch to a subcommand.
        ctx.reply().error(Errors.unknownSubcommand(ctx.args()));
    }

    private static void encoding(CommandContext ctx, Object value) {
        ctx.reply().bulk(value instanceof TypedValue t ? t.encoding() : Strings.encoding(value));
    }

    private static void refcount(CommandContext ctx, Object value) {
        ctx.reply().integer(isSharedInteger(ctx.server().config(), value) ? SHARED_REFCOUNT : 1);
    }

    private static void idletime(CommandContext ctx, Object value) {
        if (lfu(ctx.server().config())) {
            ctx.reply().error(Errors.OBJECT_IDLETIME_LFU);
            return;
        }
        ctx.reply().integer(ctx.db().idleSeconds(ctx.args().bytes(2), ctx.now()));
    }

    private static void freq(CommandContext ctx, Object value) {
        if (!lfu(ctx.server().config())) {
            ctx.reply().error(Errors.OBJECT_FREQ_NOT_LFU);
            return;
        }
        // No per-key LFU counter is kept yet: report Redis's initial counter (5) decayed by one per
        // idle minute (lfu-decay-time 1), which is what an untouched key shows.
        long idleMinutes = ctx.db().idleSeconds(ctx.args().bytes(2), ctx.now()) / 60;
        ctx.reply().integer(Math.max(0, 5 - idleMinutes));
    }

    /** An int-encoded 0..9999 is a shared object unless an LRU/LFU maxmemory policy forbids sharing. */
    static boolean isSharedInteger(ServerConfig config, Object value) {
        if (!(value instanceof byte[] b) || !"int".equals(Strings.encoding(b))) {
            return false;
        }
        long v = Numbers.parseLong(b, 0, b.length);
        boolean sharingAllowed = config.maxmemory == 0
                || !(config.maxmemoryPolicy.endsWith("-lru") || config.maxmemoryPolicy.endsWith("-lfu"));
        return sharingAllowed && v >= 0 && v < SHARED_INTEGERS;
    }

    private static boolean lfu(ServerConfig config) {
        return config.maxmemoryPolicy.endsWith("-lfu");
    }

    private interface Action {
        void run(CommandContext ctx, Object value);
    }

    /** OBJECT ENCODING|REFCOUNT|IDLETIME|FREQ key: nil for a missing key, which is not counted as an access. */
    private static final class Sub implements Command {
        private final CommandSpec spec;
        private final Action action;

        Sub(String name, String summary, String since, Action action) {
            this.spec = CommandSpec.command(name, 3)
                    .flags(io.jredis.application.command.CommandFlag.READONLY).keys(2, 2, 1)
                    .acl("keyspace", "read", "slow")
                    .group("generic").since(since).summary(summary)
                    .tips("nondeterministic_output")
                    .build();
            this.action = action;
        }

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public void execute(CommandContext ctx) {
            Object value = KeyLookups.peek(ctx, ctx.db(), 2);
            if (value == null) {
                ctx.reply().nullBulk();
                return;
            }
            action.run(ctx, value);
        }
    }

    /** OBJECT HELP. */
    private static final class Help implements Command {
        private static final CommandSpec HELP_SPEC = CommandSpec.command("help", 2)
                .flags(io.jredis.application.command.CommandFlag.LOADING, io.jredis.application.command.CommandFlag.STALE)
                .acl("keyspace", "slow")
                .group("generic").since("6.2.0").summary("Show helpful text about the different subcommands")
                .build();

        private static final List<String> LINES = List.of(
                "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "ENCODING <key>",
                "    Return the kind of internal representation used in order to store the value",
                "    associated with a <key>.",
                "FREQ <key>",
                "    Return the access frequency index of the <key>. The returned integer is",
                "    proportional to the logarithm of the recent access frequency of the key.",
                "IDLETIME <key>",
                "    Return the idle time of the <key>, that is the approximated number of",
                "    seconds elapsed since the last access to the key.",
                "REFCOUNT <key>",
                "    Return the number of references of the value associated with the specified",
                "    <key>.",
                "HELP",
                "    Prints this help.");

        @Override
        public CommandSpec spec() {
            return HELP_SPEC;
        }

        @Override
        public void execute(CommandContext ctx) {
            ctx.reply().array(LINES.size());
            for (String line : LINES) {
                ctx.reply().status(line);
            }
        }
    }
}
