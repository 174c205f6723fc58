package io.jredis.application.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A command's metadata, declared beside its code as Redis declares it in its command table:
 * name, arity (negative: at least that many), flags, key positions, ACL categories and the
 * documentation fields COMMAND DOCS reports. The registry, COMMAND, MULTI and propagation all
 * read it from here.
 */
public final class CommandSpec {

    private final String name;
    private final int arity;
    private final Set<CommandFlag> flags;
    private final int firstKey;
    private final int lastKey;
    private final int keyStep;
    private final List<String> aclCategories;
    private final String group;
    private final String since;
    private final String summary;
    private final String complexity;
    private final List<String> tips;
    private final List<String> keyFlags;
    private final List<UnknownKeySpec> unknownKeySpecs;
    private final List<KeySpec> keySpecs;
    private String container;
    private String fullName;
    /** A dense number per spec ever built: the bit ACL users' command permissions keep for it. */
    private final int aclId = NEXT_ACL_ID.getAndIncrement();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ACL_ID =
            new java.util.concurrent.atomic.AtomicInteger();


    private CommandSpec(Builder b) {
        this.name = b.name;
        this.arity = b.arity;
        this.flags = Collections.unmodifiableSet(b.flags);
        this.firstKey = b.firstKey;
        this.lastKey = b.lastKey;
        this.keyStep = b.keyStep;
        this.aclCategories = List.copyOf(b.acl);
        this.group = b.group;
        this.since = b.since;
        this.summary = b.summary;
        this.complexity = b.complexity;
        this.tips = List.copyOf(b.tips);
        this.fullName = b.name;
        this.keyFlags = List.copyOf(b.keyFlags);
        this.unknownKeySpecs = List.copyOf(b.unknownKeySpecs);
        this.keySpecs = List.copyOf(b.keySpecs);
    }

    public static Builder command(String name, int arity) {
        return new Builder(name, arity);
    }

    /** Lower-case name; for a subcommand only its own part (e.g. "get" of CONFIG GET). */
    public String name() {
        return name;
    }

    /** "config|get" for a subcommand, the name otherwise: what arity errors quote. */
    public String fullName() {
        return fullName;
    }

    /** This spec's ACL command bit (Redis's cmd->id). */
    public int aclId() {
        return aclId;
    }

    public String container() {
        return container;
    }

    void setContainer(String container) {
        this.container = container;
        this.fullName = container + "|" + name;
    }

    public int arity() {
        return arity;
    }

    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    public Set<CommandFlag> flags() {
        return flags;
    }

    public int firstKey() {
        return firstKey;
    }

    public int lastKey() {
        return lastKey;
    }

    public int keyStep() {
        return keyStep;
    }

    public List<String> aclCategories() {
        return aclCategories;
    }

    public String group() {
        return group;
    }

    public String since() {
        return since;
    }

    public String summary() {
        return summary;
    }

    public String complexity() {
        return complexity;
    }

    public List<String> tips() {
        return tips;
    }

    /**
     * Flags of the key spec COMMAND INFO derives from the key positions (e.g. RW, access,
     * update) when the command declares no {@link #keySpecs()}; empty when the command did not
     * declare them, and COMMAND then infers RO/RW.
     */
    public List<String> keyFlags() {
        return keyFlags;
    }

    /** Key specs after the one of the key positions whose keys only the arguments tell (SORT's BY/GET/STORE). */
    public List<UnknownKeySpec> unknownKeySpecs() {
        return unknownKeySpecs;
    }

    /** A key spec of begin_search and find_keys "unknown", with its notes and flags as Redis lists them. */
    public record UnknownKeySpec(String notes, List<String> flags) {
    }

    /**
     * The key specs declared as in Redis's command JSON; empty when the command declares only
     * the legacy positions, and COMMAND INFO then derives one spec from them.
     */
    public List<KeySpec> keySpecs() {
        return keySpecs;
    }

    /** One of Redis 7's key specs: where the search for keys begins, how keys are found from there, and their flags. */
    public record KeySpec(String notes, List<String> flags, BeginSearch begin, FindKeys find) {
    }

    /** A key spec's begin_search: an argument index, a keyword searched from startfrom, or unknown. */
    public sealed interface BeginSearch {
    }

    public record Index(int index) implements BeginSearch {
    }

    public record Keyword(String keyword, int startfrom) implements BeginSearch {
    }

    public record UnknownBegin() implements BeginSearch {
    }

    /** A key spec's find_keys: a range, a count read from an argument (keynum), or unknown. */
    public sealed interface FindKeys {
    }

    public record Range(int lastkey, int keystep, int limit) implements FindKeys {
    }

    public record Keynum(int keynumidx, int firstkey, int keystep) implements FindKeys {
    }

    public record UnknownKeys() implements FindKeys {
    }

    public static BeginSearch index(int index) {
        return new Index(index);
    }

    public static BeginSearch keyword(String keyword, int startfrom) {
        return new Keyword(keyword, startfrom);
    }

    public static BeginSearch unknownBegin() {
        return new UnknownBegin();
    }

    public static FindKeys range(int lastkey, int keystep, int limit) {
        return new Range(lastkey, keystep, limit);
    }

    public static FindKeys keynum(int keynumidx, int firstkey, int keystep) {
        return new Keynum(keynumidx, firstkey, keystep);
    }

    public static FindKeys unknownKeys() {
        return new UnknownKeys();
    }

    public boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /** Declares a command's metadata fluently. */
    public static final class Builder {
        private final String name;
        private final int arity;
        private final EnumSet<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
        private int firstKey;
        private int lastKey;
        private int keyStep;
        private final List<String> acl = new ArrayList<>();
        private String group = "generic";
        private String since = "1.0.0";
        private String summary = "";
        private String complexity = "O(1)";
        private final List<String> tips = new ArrayList<>();
        private final List<String> keyFlags = new ArrayList<>();
        private final List<UnknownKeySpec> unknownKeySpecs = new ArrayList<>();
        private final List<KeySpec> keySpecs = new ArrayList<>();

        private Builder(String name, int arity) {
            this.name = name;
            this.arity = arity;
        }

        public Builder flags(CommandFlag... fs) {
            Collections.addAll(flags, fs);
            return this;
        }

        /** Key positions: first, last (negative counts from the end), step. */
        public Builder keys(int first, int last, int step) {
            this.firstKey = first;
            this.lastKey = last;
            this.keyStep = step;
            return this;
        }

        /** ACL categories without the '@', e.g. "read", "string", "fast". */
        public Builder acl(String... categories) {
            Collections.addAll(acl, categories);
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder since(String since) {
            this.since = since;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder complexity(String complexity) {
            this.complexity = complexity;
            return this;
        }

        /** Command tips as COMMAND INFO lists them, e.g. "nondeterministic_output". */
        public Builder tips(String... t) {
            Collections.addAll(tips, t);
            return this;
        }

        /** Key spec flags as in Redis's command JSON, e.g. "RW", "access", "update". */
        public Builder keyFlags(String... f) {
            Collections.addAll(keyFlags, f);
            return this;
        }

        /** Adds a key spec whose keys the arguments' content decides (see {@link UnknownKeySpec}). */
        public Builder unknownKeySpec(String notes, String... flags) {
            unknownKeySpecs.add(new UnknownKeySpec(notes, List.of(flags)));
            return this;
        }

        /** Adds a key spec as Redis's command JSON declares it (flags e.g. "RW", "access", "update"). */
        public Builder keySpec(BeginSearch begin, FindKeys find, String... flags) {
            keySpecs.add(new KeySpec(null, List.of(flags), begin, find));
            return this;
        }

        /** Adds a key spec with notes, as Redis lists them before the flags. */
        public Builder keySpec(String notes, BeginSearch begin, FindKeys find, String... flags) {
            keySpecs.add(new KeySpec(notes, List.of(flags), begin, find));
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(this);
        }
    }
}
