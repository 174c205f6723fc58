package io.jredis.application.acl;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.server.CommandDescriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The commands ACL rules name: every command and subcommand of the registry with its ACL
 * categories (declared plus those Redis implies from the flags, as COMMAND INFO reports them).
 */
final class AclCommandTable {

    /** A command or subcommand; {@code parent} is null for a top-level command. */
    record Entry(Command command, Entry parent, List<Entry> subcommands, Set<String> categories) {
        CommandSpec spec() {
            return command.spec();
        }

        int id() {
            return command.spec().aclId();
        }

        String fullName() {
            return command.spec().fullName();
        }
    }

    /** Redis 7.0's categories in ACL CAT's order. */
    static final List<String> CATEGORIES = List.of(
            "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap",
            "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking",
            "dangerous", "connection", "transaction", "scripting");

    final CommandRegistry registry;
    final List<Entry> top = new ArrayList<>();

    AclCommandTable(CommandRegistry registry) {
        this.registry = registry;
        for (Command c : registry.all()) {
            List<Entry> subs = new ArrayList<>();
            Entry e = new Entry(c, null, subs, Set.copyOf(CommandDescriptions.categories(c.spec())));
            for (Command s : c.subcommands()) {
                subs.add(new Entry(s, e, List.of(), Set.copyOf(CommandDescriptions.categories(s.spec()))));
            }
            top.add(e);
        }
    }

    static boolean isCategory(String name) {
        return CATEGORIES.contains(name);
    }

    /** A command by name, "container|sub" for a subcommand, case-insensitive; null if none. */
    Entry lookup(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int bar = lower.indexOf('|');
        String base = bar < 0 ? lower : lower.substring(0, bar);
        for (Entry e : top) {
            if (e.spec().name().equals(base)) {
                if (bar < 0) {
                    return e;
                }
                String sub = lower.substring(bar + 1);
                for (Entry s : e.subcommands()) {
                    if (s.spec().name().equals(sub)) {
                        return s;
                    }
                }
                return null;
            }
        }
        return null;
    }
}
