package io.jredis.application.command.stream;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.value.StreamConsumer;
import io.jredis.domain.value.StreamGroup;
import io.jredis.domain.value.StreamId;
import io.jredis.domain.value.StreamPending;
import io.jredis.domain.value.StreamValue;

import java.util.List;
import java.util.Map;

/** XINFO: the container of STREAM [FULL [COUNT n]], GROUPS, CONSUMERS and HELP, with 7.0.15's fields. */
public final class XinfoCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("xinfo", -2)
            .acl("slow")
            .group("stream").since("5.0.0").summary("A container for stream introspection commands")
            .complexity("Depends on subcommand.")
            .build();

    private static final List<String> HELP = List.of(
            "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CONSUMERS <key> <groupname>",
            "    Show consumers of <groupname>.",
            "GROUPS <key>",
            "    Show the stream consumer groups.",
            "STREAM <key> [FULL [COUNT <count>]",
            "    Show information about the stream.",
            "HELP",
            "    Prints this help.");

    private final List<Command> subcommands = List.of(
            new Sub("stream", -3, "Get information about a stream"),
            new Sub("groups", 3, "List the consumer groups of a stream"),
            new Sub("consumers", 4, "List the consumers in a consumer group"),
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

    private static final class Sub implements Command {
        private final CommandSpec spec;

        Sub(String name, int arity, String summary) {
            this.spec = CommandSpec.command(name, arity)
                    .flags(CommandFlag.READONLY).keys(2, 2, 1).keyFlags("RO", "access")
                    .acl("read", "stream", "slow")
                    .group("stream").since("5.0.0").summary(summary).complexity("O(1)")
                    .tips(name.equals("consumers") ? new String[] {"nondeterministic_output"} : new String[0])
                    .build();
        }

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public void execute(CommandContext ctx) {
            Arguments a = ctx.args();
            ReplySink r = ctx.reply();
            Object v = Streams.lookup(ctx, 2);
            if (v == Streams.FAILED) {
                return;
            }
            if (v == null) {
                r.error(Errors.NO_SUCH_KEY);
                return;
            }
            StreamValue s = (StreamValue) v;
            switch (spec.name()) {
                case "consumers" -> consumers(ctx, s);
                case "groups" -> groups(ctx, s);
                default -> {
                    boolean full = false;
                    long count = 10;
                    if (a.count() > 3) {
                        if ((a.count() != 4 && a.count() != 6) || !a.is(3, "FULL")
                                || (a.count() == 6 && !a.is(4, "COUNT"))) {
                            r.error("ERR unknown subcommand or wrong number of arguments for '" + a.text(1)
                                    + "'. Try XINFO HELP.");
                            return;
                        }
                        if (a.count() == 6) {
                            Long c = Streams.longArg(ctx, 5);
                            if (c == null) {
                                return;
                            }
                            count = c < 0 ? 10 : c;
                        }
                        full = true;
                    }
                    stream(ctx, s, full, count);
                }
            }
        }

        private static void consumers(CommandContext ctx, StreamValue s) {
            Arguments a = ctx.args();
            ReplySink r = ctx.reply();
            StreamGroup g = s.group(a.bytes(3));
            if (g == null) {
                r.error(Errors.noGroup(a.text(3), a.text(2)));
                return;
            }
            r.array(g.consumers().size());
            for (StreamConsumer c : g.consumers().values()) {
                r.map(3);
                r.bulk("name");
                r.bulk(c.name());
                r.bulk("pending");
                r.integer(c.pending().size());
                r.bulk("idle");
                r.integer(Math.max(0, ctx.now() - c.seenTime()));
            }
        }

        private static void groups(CommandContext ctx, StreamValue s) {
            ReplySink r = ctx.reply();
            r.array(s.groups().size());
            for (StreamGroup g : s.groups().values()) {
                r.map(6);
                r.bulk("name");
                r.bulk(g.name());
                r.bulk("consumers");
                r.integer(g.consumers().size());
                r.bulk("pending");
                r.integer(g.pending().size());
                r.bulk("last-delivered-id");
                r.bulk(Streams.idBytes(g.lastMs(), g.lastSeq()));
                r.bulk("entries-read");
                entriesRead(r, g);
                r.bulk("lag");
                lag(r, s, g);
            }
        }

        private static void entriesRead(ReplySink r, StreamGroup g) {
            if (g.entriesRead() != StreamGroup.ENTRIES_READ_UNKNOWN) {
                r.integer(g.entriesRead());
            } else {
                r.nullBulk();
            }
        }

        private static void lag(ReplySink r, StreamValue s, StreamGroup g) {
            long lag = s.lag(g);
            if (lag >= 0) {
                r.integer(lag);
            } else {
                r.nullBulk();
            }
        }

        private static void stream(CommandContext ctx, StreamValue s, boolean full, long count) {
            ReplySink r = ctx.reply();
            r.map(full ? 9 : 10);
            r.bulk("length");
            r.integer(s.length());
            r.bulk("radix-tree-keys");
            r.integer(s.nodeCount());
            r.bulk("radix-tree-nodes");
            r.integer(s.radixTreeNodes());
            r.bulk("last-generated-id");
            r.bulk(Streams.idBytes(s.lastMs(), s.lastSeq()));
            r.bulk("max-deleted-entry-id");
            r.bulk(Streams.idBytes(s.maxDeletedId()));
            r.bulk("entries-added");
            r.integer(s.entriesAdded());
            r.bulk("recorded-first-entry-id");
            r.bulk(Streams.idBytes(s.firstId()));
            if (!full) {
                r.bulk("groups");
                r.integer(s.groups().size());
                r.bulk("first-entry");
                edge(r, s, false);
                r.bulk("last-entry");
                edge(r, s, true);
                return;
            }
            r.bulk("entries");
            Streams.replyRange(r, s, 0, 0, -1L, -1L, count, false);
            r.bulk("groups");
            r.array(s.groups().size());
            for (StreamGroup g : s.groups().values()) {
                r.map(7);
                r.bulk("name");
                r.bulk(g.name());
                r.bulk("last-delivered-id");
                r.bulk(Streams.idBytes(g.lastMs(), g.lastSeq()));
                r.bulk("entries-read");
                entriesRead(r, g);
                r.bulk("lag");
                lag(r, s, g);
                r.bulk("pel-count");
                r.integer(g.pending().size());
                r.bulk("pending");
                int n = limit(g.pending().size(), count);
                r.array(n);
                int i = 0;
                for (Map.Entry<StreamId, StreamPending> e : g.pending().entrySet()) {
                    if (i++ == n) {
                        break;
                    }
                    r.array(4);
                    r.bulk(Streams.idBytes(e.getKey()));
                    r.bulk(e.getValue().consumer().name());
                    r.integer(e.getValue().deliveryTime());
                    r.integer(e.getValue().deliveryCount());
                }
                r.bulk("consumers");
                r.array(g.consumers().size());
                for (StreamConsumer c : g.consumers().values()) {
                    r.map(4);
                    r.bulk("name");
                    r.bulk(c.name());
                    r.bulk("seen-time");
                    r.integer(c.seenTime());
                    r.bulk("pel-count");
                    r.integer(c.pending().size());
                    r.bulk("pending");
                    int m = limit(c.pending().size(), count);
                    r.array(m);
                    int j = 0;
                    for (Map.Entry<StreamId, StreamPending> e : c.pending().entrySet()) {
                        if (j++ == m) {
                            break;
                        }
                        r.array(3);
                        r.bulk(Streams.idBytes(e.getKey()));
                        r.integer(e.getValue().deliveryTime());
                        r.integer(e.getValue().deliveryCount());
                    }
                }
            }
        }

        private static int limit(int size, long count) {
            return count == 0 ? size : (int) Math.min(size, count);
        }

        private static void edge(ReplySink r, StreamValue s, boolean last) {
            StreamValue.Cursor c = s.cursor(0, 0, -1L, -1L, last);
            if (c.next()) {
                Streams.replyEntry(r, c);
            } else {
                r.nullBulk();
            }
        }
    }
}
