package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.StreamConsumer;
import io.jredis.domain.value.StreamGroup;
import io.jredis.domain.value.StreamValue;

import java.util.List;

/**
 * XGROUP: the container of CREATE, CREATECONSUMER, DELCONSUMER, DESTROY, SETID and HELP. The
 * subcommands share Redis's preamble: options, the key (which must exist but for CREATE
 * MKSTREAM), then the group (which must exist but for CREATE and DESTROY).
 */
public final class XgroupCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xgroup", -2)
            .acl("slow")
            .group("stream").since("5.0.0").summary("A container for consumer groups commands")
            .complexity("Depends on subcommand.")
            .build();

    private static final List<String> HELP = List.of(
            "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CREATE <key> <groupname> <id|$> [option]",
            "    Create a new consumer group. Options are:",
            "    * MKSTREAM",
            "      Create the empty stream if it does not exist.",
            "    * ENTRIESREAD entries_read",
            "      Set the group's entries_read counter (internal use).",
            "CREATECONSUMER <key> <groupname> <consumer>",
            "    Create a new consumer in the specified group.",
            "DELCONSUMER <key> <groupname> <consumer>",
            "    Remove the specified consumer.",
            "DESTROY <key> <groupname>",
            "    Remove the specified group.",
            "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
            "    Set the current group ID and entries_read counter.",
            "HELP",
            "    Prints this help.");

    private final List<Command> subcommands = List.of(
            new Sub("create", -5, "Create a consumer group.", "O(1)", "5.0.0", "insert", true),
            new Sub("createconsumer", 5, "Create a consumer in a consumer group.", "O(1)", "6.2.0", "insert", true),
            new Sub("delconsumer", 5, "Delete a consumer from a consumer group.", "O(1)", "5.0.0", "delete", false),
            new Sub("destroy", 4, "Destroy a consumer group.",
                    "O(N) where N is the number of entries in the group's pending entries list (PEL).", "5.0.0",
                    "delete", false),
            new Sub("setid", -5, "Set a consumer group to an arbitrary last delivered ID value.", "O(1)", "5.0.0",
                    "update", false),
            new HelpCommand("stream", "5.0.0", List.of("stream", "slow"), HELP));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().error(Errors.unknownSubcommand(ctx.args()));
    }

    private static String syntaxError(Arguments a) {
        return "ERR unknown subcommand or wrong number of arguments for '" + a.text(1) + "'. Try XGROUP HELP.";
    }

    /** One of the subcommands that name a key and a group. */
    private static final class Sub implements Command {
        private final CommandSpec spec;

        Sub(String name, int arity, String summary, String complexity, String since, String keyFlag, boolean denyoom) {
            CommandSpec.Builder b = CommandSpec.command(name, arity)
                    .keys(2, 2, 1).keyFlags("RW", keyFlag)
                    .acl("write", "stream", "slow")
                    .group("stream").since(since).summary(summary).complexity(complexity);
            if (denyoom) {
                b.flags(CommandFlag.WRITE, CommandFlag.DENYOOM);
            } else {
                b.flags(CommandFlag.WRITE);
            }
            this.spec = b.build();
        }

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public void execute(CommandContext ctx) {
            Arguments a = ctx.args();
            String op = spec.name();
            boolean mkstream = false;
            long entriesRead = StreamGroup.ENTRIES_READ_UNKNOWN;
            if (op.equals("create")) {
                if (a.count() > 8) {
                    ctx.reply().error(syntaxError(a));
                    return;
                }
                int i = 5;
                while (i < a.count()) {
                    if (a.is(i, "MKSTREAM")) {
                        mkstream = true;
                        i++;
                    } else if (a.is(i, "ENTRIESREAD") && i + 1 < a.count()) {
                        Long v = entriesRead(ctx, i + 1);
                        if (v == null) {
                            return;
                        }
                        entriesRead = v;
                        i += 2;
                    } else {
                        ctx.reply().error(syntaxError(a));
                        return;
                    }
                }
            } else if (op.equals("setid")) {
                if (a.count() == 7) {
                    if (!a.is(5, "ENTRIESREAD")) {
                        ctx.reply().error(syntaxError(a));
                        return;
                    }
                    Long v = entriesRead(ctx, 6);
                    if (v == null) {
                        return;
                    }
                    entriesRead = v;
                } else if (a.count() != 5) {
                    ctx.reply().error(syntaxError(a));
                    return;
                }
            }
            Object v = Streams.lookup(ctx, 2);
            if (v == Streams.FAILED) {
                return;
            }
            StreamValue s = (StreamValue) v;
            if (s == null && !(mkstream && op.equals("create"))) {
                ctx.reply().error(Errors.XGROUP_NEEDS_KEY);
                return;
            }
            byte[] name = a.bytes(3);
            StreamGroup g = s == null ? null : s.group(name);
            if (g == null && (op.equals("setid") || op.equals("createconsumer") || op.equals("delconsumer"))) {
                ctx.reply().error(Errors.noGroup(a.text(3), a.text(2)));
                return;
            }
            long[] id = new long[3];
            switch (op) {
                case "create" -> {
                    if (isDollar(a, 4)) {
                        id[0] = s == null ? 0 : s.lastMs();
                        id[1] = s == null ? 0 : s.lastSeq();
                    } else if (!Streams.parseId(ctx, 4, 0, true, false, id)) {
                        return;
                    }
                    if (s == null) {
                        s = new StreamValue();
                        ctx.db().put(a.bytes(2), s, ctx.now());
                        ctx.keyModified(a, 2);
                    }
                    if (s.createGroup(name, id[0], id[1], entriesRead) == null) {
                        ctx.reply().error(Errors.BUSYGROUP);
                        return;
                    }
                    ctx.keyModified(a, 2);
                    ctx.reply().ok();
                }
                case "setid" -> {
                    if (isDollar(a, 4)) {
                        id[0] = s.lastMs();
                        id[1] = s.lastSeq();
                    } else if (!Streams.parseId(ctx, 4, 0, false, false, id)) {
                        return;
                    }
                    g.setLastId(id[0], id[1]);
                    g.setEntriesRead(entriesRead);
                    ctx.keyModified(a, 2);
                    ctx.reply().ok();
                }
                case "destroy" -> {
                    if (g != null) {
                        s.destroyGroup(name);
                        ctx.keyModified(a, 2); // wakes XREADGROUP readers of it: they get NOGROUP
                        ctx.reply().integer(1);
                    } else {
                        ctx.reply().integer(0);
                    }
                }
                case "createconsumer" -> {
                    StreamConsumer c = g.createConsumer(a.bytes(4), ctx.now());
                    if (c != null) {
                        ctx.keyModified(a, 2);
                    }
                    ctx.reply().integer(c != null ? 1 : 0);
                }
                case "delconsumer" -> {
                    StreamConsumer c = g.consumer(a.bytes(4));
                    long pending = 0;
                    if (c != null) {
                        pending = g.deleteConsumer(c);
                        ctx.keyModified(a, 2);
                    }
                    ctx.reply().integer(pending);
                }
                default -> throw new IllegalStateException(op);
            }
        }

        private static boolean isDollar(Arguments a, int i) {
            return a.length(i) == 1 && a.array()[a.offset(i)] == '$';
        }

        private static Long entriesRead(CommandContext ctx, int i) {
            Long v = Streams.longArg(ctx, i);
            if (v == null) {
                return null;
            }
            if (v < 0 && v != StreamGroup.ENTRIES_READ_UNKNOWN) {
                ctx.reply().error(Errors.ENTRIES_READ_INVALID);
                return null;
            }
            return v;
        }
    }
}
