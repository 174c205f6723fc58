package io.jredis.application.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every command the server knows, found by name without allocating: an open-addressing table
 * keyed by a case-folded hash of the name's bytes. Container commands (CONFIG, CLIENT, ...) keep
 * their subcommands in a table of their own.
 */
public final class CommandRegistry {

    private final Table top;
    private final Map<Command, Table> subtables = new java.util.IdentityHashMap<>();
    private final Map<String, Command> byName = new LinkedHashMap<>();
    /** Per-server counters; command objects and their specs may be shared between servers. */
    private final Map<Command, CallStats> stats = new java.util.IdentityHashMap<>();

    public CommandRegistry(Collection<? extends Command> commands) {
        top = new Table(commands.size());
        for (Command c : commands) {
            top.put(c);
            byName.put(c.spec().name(), c);
            stats.put(c, new CallStats());
            List<Command> subs = c.subcommands();
            if (!subs.isEmpty()) {
                Table t = new Table(subs.size());
                for (Command s : subs) {
                    s.spec().setContainer(c.spec().name());
                    t.put(s);
                    stats.put(s, new CallStats());
                }
                subtables.put(c, t);
            }
        }
    }

    /** The top-level command named by argument 0, or null. */
    public Command lookup(Arguments args) {
        return top.get(args.array(), args.offset(0), args.length(0));
    }

    /** The subcommand named by argument 1 of a container, or null. */
    public Command lookupSubcommand(Command container, Arguments args) {
        Table t = subtables.get(container);
        return t == null ? null : t.get(args.array(), args.offset(1), args.length(1));
    }

    /** This server's counters for a registered command. */
    public CallStats stats(Command c) {
        return stats.get(c);
    }

    /** Zeroes every command's counters (CONFIG RESETSTAT). */
    public void resetStats() {
        stats.values().forEach(CallStats::reset);
    }

    public boolean isContainer(Command c) {
        return subtables.containsKey(c);
    }

    /** A command by its (case-insensitive) name, for COMMAND INFO and the like; may be "config|get". */
    public Command byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int bar = lower.indexOf('|');
        if (bar < 0) {
            return byName.get(lower);
        }
        Command container = byName.get(lower.substring(0, bar));
        if (container == null) {
            return null;
        }
        for (Command s : container.subcommands()) {
            if (s.spec().name().equals(lower.substring(bar + 1))) {
                return s;
            }
        }
        return null;
    }

    /** All top-level commands in registration order. */
    public Collection<Command> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** All commands including subcommands (COMMAND LIST reports both). */
    public List<Command> allWithSubcommands() {
        List<Command> out = new ArrayList<>();
        for (Command c : byName.values()) {
            out.add(c);
            out.addAll(c.subcommands());
        }
        return out;
    }

    public int size() {
        return byName.size();
    }

    /** Open addressing over case-folded names; lookups compare bytes, never build Strings. */
    private static final class Table {
        private final byte[][] names;
        private final Command[] commands;
        private final int mask;

        Table(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 4) - 1) << 1;
            names = new byte[cap][];
            commands = new Command[cap];
            mask = cap - 1;
        }

        void put(Command c) {
            byte[] name = c.spec().name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int i = hash(name, 0, name.length) & mask;
            while (names[i] != null) {
                if (equalsFolded(names[i], name, 0, name.length)) {
                    throw new IllegalStateException("duplicate command " + c.spec().name());
                }
                i = (i + 1) & mask;
            }
            names[i] = name;
            commands[i] = c;
        }

        Command get(byte[] buf, int off, int len) {
            int i = hash(buf, off, len) & mask;
            byte[] n;
            while ((n = names[i]) != null) {
                if (equalsFolded(n, buf, off, len)) {
                    return commands[i];
                }
                i = (i + 1) & mask;
            }
            return null;
        }

        private static int hash(byte[] b, int off, int len) {
            int h = len;
            for (int i = off; i < off + len; i++) {
                h = h * 31 + Ascii.lower(b[i]);
            }
            return h ^ (h >>> 16);
        }

        private static boolean equalsFolded(byte[] lowerName, byte[] b, int off, int len) {
            if (lowerName.length != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (lowerName[i] != Ascii.lower(b[off + i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
