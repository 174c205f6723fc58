package io.jredis.application.command.server;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.port.ReplySink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * COMMAND INFO and COMMAND DOCS entries written from the registry's metadata, in Redis 7.0's
 * shapes: flags, ACL categories and tips as sets, key specs as declared (else derived from the key positions),
 * subcommands nested.
 */
public final class CommandDescriptions {

    /** Flags in the order Redis lists them; may_replicate is hidden, as in Redis. */
    private static final List<CommandFlag> FLAG_ORDER = List.of(
            CommandFlag.WRITE, CommandFlag.READONLY, CommandFlag.DENYOOM, CommandFlag.ADMIN,
            CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING, CommandFlag.LOADING,
            CommandFlag.STALE, CommandFlag.SKIP_MONITOR, CommandFlag.SKIP_SLOWLOG, CommandFlag.ASKING, CommandFlag.FAST,
            CommandFlag.NO_AUTH, CommandFlag.NO_MANDATORY_KEYS, CommandFlag.NO_ASYNC_LOADING, CommandFlag.NO_MULTI,
            CommandFlag.MOVABLEKEYS, CommandFlag.ALLOW_BUSY);

    /** ACL categories in Redis's bit order. */
    private static final List<String> CATEGORY_ORDER = List.of(
            "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap",
            "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking",
            "dangerous", "connection", "transaction", "scripting");

    private CommandDescriptions() {
    }

    /**
     * The ACL categories of a command: the declared ones plus those Redis implies from its
     * flags (write, read, admin and dangerous, pubsub, fast or else slow, blocking).
     */
    public static List<String> categories(CommandSpec spec) {
        Set<String> cats = new LinkedHashSet<>(spec.aclCategories());
        if (spec.has(CommandFlag.WRITE)) {
            cats.add("write");
        }
        if (spec.has(CommandFlag.READONLY) && !cats.contains("scripting")) {
            cats.add("read");
        }
        if (spec.has(CommandFlag.ADMIN)) {
            cats.add("admin");
            cats.add("dangerous");
        }
        if (spec.has(CommandFlag.PUBSUB)) {
            cats.add("pubsub");
        }
        if (spec.has(CommandFlag.FAST)) {
            cats.add("fast");
        }
        if (spec.has(CommandFlag.BLOCKING)) {
            cats.add("blocking");
        }
        if (!cats.contains("fast")) {
            cats.add("slow");
        }
        List<String> out = new ArrayList<>(cats.size());
        for (String c : CATEGORY_ORDER) {
            if (cats.contains(c)) {
                out.add(c);
            }
        }
        for (String c : cats) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** One COMMAND INFO entry: a 10-element array. */
    static void info(ReplySink r, Command c) {
        CommandSpec spec = c.spec();
        r.array(10);
        r.bulk(spec.fullName());
        r.integer(spec.arity());
        List<String> flags = new ArrayList<>();
        for (CommandFlag f : FLAG_ORDER) {
            if (spec.has(f)) {
                flags.add(f.redisName());
            }
        }
        r.set(flags.size());
        for (String f : flags) {
            r.status(f);
        }
        r.integer(spec.firstKey());
        r.integer(spec.lastKey());
        r.integer(spec.keyStep());
        List<String> cats = categories(spec);
        r.set(cats.size());
        for (String cat : cats) {
            r.status("@" + cat);
        }
        r.set(spec.tips().size());
        for (String tip : spec.tips()) {
            r.bulk(tip);
        }
        keySpecs(r, spec);
        List<Command> subs = c.subcommands();
        if (subs.isEmpty()) {
            r.set(0);
        } else {
            r.array(subs.size());
            for (Command s : subs) {
                info(r, s);
            }
        }
    }

    /** The key spec equivalent to the legacy (first, last, step) triple, as Redis derives it. */
    private static void keySpecs(ReplySink r, CommandSpec spec) {
        if (!spec.keySpecs().isEmpty()) {
            r.set(spec.keySpecs().size());
            for (CommandSpec.KeySpec k : spec.keySpecs()) {
                keySpec(r, k);
            }
            return;
        }
        if (spec.firstKey() <= 0) {
            r.set(0);
            return;
        }
        r.set(1 + spec.unknownKeySpecs().size());
        r.map(3);
        r.bulk("flags");
        List<String> flags = keyFlags(spec);
        r.set(flags.size());
        for (String f : flags) {
            r.status(f);
        }
        r.bulk("begin_search");
        r.map(2);
        r.bulk("type");
        r.bulk("index");
        r.bulk("spec");
        r.map(1);
        r.bulk("index");
        r.integer(spec.firstKey());
        r.bulk("find_keys");
        r.map(2);
        r.bulk("type");
        r.bulk("range");
        r.bulk("spec");
        r.map(3);
        r.bulk("lastkey");
        r.integer(spec.lastKey() < 0 ? spec.lastKey() : spec.lastKey() - spec.firstKey());
        r.bulk("keystep");
        r.integer(spec.keyStep());
        r.bulk("limit");
        r.integer(0);
        for (CommandSpec.UnknownKeySpec u : spec.unknownKeySpecs()) {
            r.map(4);
            r.bulk("notes");
            r.bulk(u.notes());
            r.bulk("flags");
            r.set(u.flags().size());
            for (String f : u.flags()) {
                r.status(f);
            }
            for (String part : List.of("begin_search", "find_keys")) {
                r.bulk(part);
                r.map(2);
                r.bulk("type");
                r.bulk("unknown");
                r.bulk("spec");
                r.map(0);
            }
        }
    }

    /** One declared key spec, in the field order Redis writes: notes, flags, begin_search, find_keys. */
    private static void keySpec(ReplySink r, CommandSpec.KeySpec k) {
        r.map(k.notes() == null ? 3 : 4);
        if (k.notes() != null) {
            r.bulk("notes");
            r.bulk(k.notes());
        }
        r.bulk("flags");
        r.set(k.flags().size());
        for (String f : k.flags()) {
            r.status(f);
        }
        r.bulk("begin_search");
        r.map(2);
        r.bulk("type");
        switch (k.begin()) {
            case CommandSpec.Index i -> {
                r.bulk("index");
                r.bulk("spec");
                r.map(1);
                r.bulk("index");
                r.integer(i.index());
            }
            case CommandSpec.Keyword w -> {
                r.bulk("keyword");
                r.bulk("spec");
                r.map(2);
                r.bulk("keyword");
                r.bulk(w.keyword());
                r.bulk("startfrom");
                r.integer(w.startfrom());
            }
            case CommandSpec.UnknownBegin u -> {
                r.bulk("unknown");
                r.bulk("spec");
                r.map(0);
            }
        }
        r.bulk("find_keys");
        r.map(2);
        r.bulk("type");
        switch (k.find()) {
            case CommandSpec.Range g -> {
                r.bulk("range");
                r.bulk("spec");
                r.map(3);
                r.bulk("lastkey");
                r.integer(g.lastkey());
                r.bulk("keystep");
                r.integer(g.keystep());
                r.bulk("limit");
                r.integer(g.limit());
            }
            case CommandSpec.Keynum n -> {
                r.bulk("keynum");
                r.bulk("spec");
                r.map(3);
                r.bulk("keynumidx");
                r.integer(n.keynumidx());
                r.bulk("firstkey");
                r.integer(n.firstkey());
                r.bulk("keystep");
                r.integer(n.keystep());
            }
            case CommandSpec.UnknownKeys u -> {
                r.bulk("unknown");
                r.bulk("spec");
                r.map(0);
            }
        }
    }

    /**
     * The flags of the key at argument {@code keyIndex} (the command name is 0) of a call of
     * {@code argc} arguments: those of the first declared index/range key spec that covers it,
     * else the command's single derived spec's.
     */
    public static List<String> keyFlags(CommandSpec spec, int keyIndex, int argc) {
        for (CommandSpec.KeySpec k : spec.keySpecs()) {
            if (k.begin() instanceof CommandSpec.Index(int start) && k.find() instanceof CommandSpec.Range g) {
                int end = g.lastkey() >= 0 ? start + g.lastkey() : argc + g.lastkey();
                int step = Math.max(1, g.keystep());
                if (keyIndex >= start && keyIndex <= end && (keyIndex - start) % step == 0) {
                    return k.flags();
                }
            }
        }
        return keyFlags(spec);
    }

    static List<String> keyFlags(CommandSpec spec) {
        if (!spec.keyFlags().isEmpty()) {
            return spec.keyFlags();
        }
        if (spec.has(CommandFlag.WRITE)) {
            return List.of("RW", "update");
        }
        return List.of("RO", "access");
    }

    /** One COMMAND DOCS value: the documentation map of a command (name written by the caller). */
    static void docs(ReplySink r, Command c) {
        CommandSpec spec = c.spec();
        List<Command> subs = c.subcommands();
        r.map(subs.isEmpty() ? 4 : 5);
        r.bulk("summary");
        r.bulk(spec.summary());
        r.bulk("since");
        r.bulk(spec.since());
        r.bulk("group");
        r.bulk(spec.group());
        r.bulk("complexity");
        r.bulk(spec.complexity());
        if (!subs.isEmpty()) {
            r.bulk("subcommands");
            r.map(subs.size());
            for (Command s : subs) {
                r.bulk(s.spec().fullName());
                docs(r, s);
            }
        }
    }
}
