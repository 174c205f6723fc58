package io.jredis.application.acl;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.KeyReference;
import io.jredis.application.command.server.CommandDescriptions;
import io.jredis.domain.keyspace.Glob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The ACL users of a server (Redis 7.0's Users radix tree plus DefaultUser) and the permission
 * checks the executor, AUTH and ACL DRYRUN run against them. Owned by the command thread.
 */
public final class AclUsers {

    public static final String DEFAULT = "default";

    /** Check results, in Redis's order of relevance (ACL_OK, ACL_DENIED_CMD, ...). */
    public static final int OK = 0;
    public static final int DENIED_COMMAND = 1;
    public static final int DENIED_KEY = 2;
    public static final int DENIED_AUTH = 3;
    public static final int DENIED_CHANNEL = 4;

    /** A denied command: why, and the argument index of the key or channel refused (0 for the command). */
    public record Denial(int reason, int argIndex) {
    }

    /** Names sort as Redis's radix tree orders them: by unsigned bytes (names are held as Latin-1). */
    private final TreeMap<String, AclUser> users = new TreeMap<>();
    private final AclLog log = new AclLog();
    private AclUser defaultUser;
    private final io.jredis.application.server.ServerConfig config;
    private AclCommandTable table;
    private java.util.function.Consumer<AclUser> permissionsChanged = u -> { };

    public AclUsers(io.jredis.application.server.ServerConfig config) {
        this.config = config;
        defaultUser = createDefault();
        users.put(DEFAULT, defaultUser);
    }

    private static AclUser createDefault() {
        AclUser u = new AclUser(DEFAULT, true);
        u.enabled = true;
        u.nopass = true;
        u.root.allKeys = true;
        u.root.allChannels = true;
        u.root.setAll(true);
        u.changed();
        return u;
    }

    public AclLog log() {
        return log;
    }

    public AclUser defaultUser() {
        return defaultUser;
    }

    public AclUser get(String name) {
        return users.get(name);
    }

    /** Every user, sorted by name. */
    public Collection<AclUser> all() {
        return users.values();
    }

    /** acl-pubsub-default: whether new users start with allchannels (Redis 7.0: resetchannels). */
    private boolean pubsubAllChannels() {
        return config.aclPubsubDefault.equals("allchannels");
    }

    /**
     * Told after SETUSER changed an existing user (and after ACL LOAD, for "default"): pub/sub
     * drops the clients of that user whose subscriptions {@link #channelAllowed} no longer allows,
     * as Redis's ACLKillPubsubClientsIfNeeded.
     */
    public void onPermissionsChanged(java.util.function.Consumer<AclUser> listener) {
        this.permissionsChanged = listener;
    }

    /** Redis's authRequired: clients must authenticate unless the default user is on and nopass. */
    public boolean authRequired() {
        return !defaultUser.nopass || !defaultUser.enabled;
    }

    /** requirepass set (or cleared) becomes the default user's only password (or nopass), as in Redis. */
    public void setRequirepass(String password) {
        AclUser d = defaultUser;
        d.nopass = false;
        d.passwords.clear();
        if (password.isEmpty()) {
            d.nopass = true;
        } else {
            d.passwords.add(AclRules.sha256Hex(password.getBytes(StandardCharsets.UTF_8)));
        }
        d.changed();
    }

    AclCommandTable table(CommandRegistry registry) {
        if (table == null || table.registry != registry) {
            table = new AclCommandTable(registry);
        }
        return table;
    }

    /**
     * ACL SETUSER: applies every rule to a copy of the user (a new one if none) and keeps it
     * only if all are valid. Returns null, or the error text without its "ERR " prefix.
     */
    public String setUser(CommandRegistry registry, String name, List<String> rules) {
        int[] unmatched = new int[1];
        List<String> merged = AclRules.mergeSelectors(rules, unmatched);
        if (merged == null) {
            return "Unmatched parenthesis in acl selector starting at '" + cString(rules.get(unmatched[0])) + "'.";
        }
        AclCommandTable t = table(registry);
        AclUser existing = users.get(name);
        AclUser staged = existing != null ? existing.copy() : newUser(name);
        for (String op : merged) {
            try {
                AclRules.apply(t, staged, op, pubsubAllChannels());
            } catch (AclRuleException e) {
                return "Error in ACL SETUSER modifier '" + cString(op) + "': " + e.getMessage();
            }
        }
        boolean created = existing == null;
        if (created) {
            existing = newUser(name);
            users.put(name, existing);
        }
        existing.assign(staged);
        if (!created) {
            permissionsChanged.accept(existing);
        }
        return null;
    }

    /** A text as Redis's %s prints it: cut at the first NUL. */
    private static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private AclUser newUser(String name) {
        AclUser u = new AclUser(name, pubsubAllChannels());
        u.changed();
        return u;
    }

    /** ACL DELUSER of one user; false when there is none. The caller disconnects its clients. */
    public AclUser delete(String name) {
        if (name.equals(DEFAULT)) {
            throw new IllegalArgumentException("the default user cannot be removed");
        }
        AclUser u = users.remove(name);
        if (u != null) {
            u.markDeleted();
        }
        return u;
    }

    /**
     * ACL LOAD and the aclfile at start-up, as Redis 7.0's ACLLoadFromFile: every line is
     * checked; with any error nothing changes and the errors are returned (Redis's text), else
     * the file's users replace all users. Every previous user but "default" is marked deleted
     * (Redis frees them all), so the caller disconnects their clients.
     */
    public String loadFile(CommandRegistry registry, List<String> lines, String filename) {
        AclCommandTable t = table(registry);
        StringBuilder errors = new StringBuilder();
        java.util.Map<String, AclUser> loaded = new TreeMap<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = trim(raw, " \t\r\n");
            if (line.isEmpty()) {
                continue;
            }
            String[] argv = line.split(" ", -1);
            if (!argv[0].equals("user") || argv.length < 2) {
                errors.append(filename).append(':').append(lineNo)
                        .append(" should start with user keyword followed by the username. ");
                continue;
            }
            String name = argv[1];
            if (name.indexOf('\0') >= 0) {
                errors.append(filename).append(':').append(lineNo).append(": username '").append(name)
                        .append("' contains invalid characters. ");
                continue;
            }
            if (loaded.containsKey(name)) {
                errors.append("WARNING: Duplicate user '").append(name).append("' found on line ").append(lineNo)
                        .append(". ");
                continue;
            }
            AclUser u = newUser(name);
            loaded.put(name, u);
            List<String> merged = AclRules.mergeSelectors(List.of(argv).subList(2, argv.length), new int[1]);
            if (merged == null) {
                errors.append(filename).append(':').append(lineNo).append(": Unmatched parenthesis in selector definition.");
                continue;
            }
            for (String op : merged) {
                try {
                    AclRules.apply(t, u, trim(op, "\t\r\n"), pubsubAllChannels());
                } catch (AclRuleException e) {
                    errors.append(filename).append(':').append(lineNo).append(": ").append(e.getMessage()).append(". ");
                    break;
                }
            }
            u.changed();
        }
        if (!errors.isEmpty()) {
            return errors.append("WARNING: ACL errors detected, no change to the previously active ACL rules was "
                    + "performed").toString();
        }
        for (AclUser u : users.values()) {
            if (u != defaultUser) {
                u.markDeleted();
            }
        }
        users.clear();
        AclUser newDefault = loaded.remove(DEFAULT);
        defaultUser.assign(newDefault != null ? newDefault : createDefault());
        users.put(DEFAULT, defaultUser);
        users.putAll(loaded);
        permissionsChanged.accept(defaultUser);
        return null;
    }

    /**
     * The redis.conf "user" lines at start-up (Redis's ACLLoadConfiguredUsers): each creates its
     * user, or resets and redefines "default". Returns Redis's log message for the first bad rule.
     */
    public String loadConfigured(CommandRegistry registry, List<List<String>> declarations) {
        AclCommandTable t = table(registry);
        for (List<String> d : declarations) {
            String name = d.get(0);
            if (name.indexOf(' ') >= 0 || name.indexOf('\0') >= 0) {
                return "Spaces not allowed in ACL usernames";
            }
            AclUser u = users.get(name);
            if (u != null && u != defaultUser) {
                return "Duplicate user '" + name + "' found";
            }
            if (u == null) {
                u = newUser(name);
                users.put(name, u);
            } else {
                try {
                    AclRules.apply(t, u, "reset", pubsubAllChannels());
                } catch (AclRuleException e) {
                    throw new IllegalStateException(e);
                }
            }
            List<String> merged = AclRules.mergeSelectors(d.subList(1, d.size()), new int[1]);
            if (merged == null) {
                return "Unmatched parenthesis in acl selector for the user named '" + name + "'";
            }
            for (String op : merged) {
                try {
                    AclRules.apply(t, u, op, pubsubAllChannels());
                } catch (AclRuleException e) {
                    return "Error loading ACL rule '" + op + "' for the user named '" + name + "': " + e.getMessage();
                }
            }
            u.changed();
        }
        return null;
    }

    /** ACL SAVE's file: every user's ACL LIST line. */
    public List<String> fileLines(CommandRegistry registry) {
        List<String> out = new ArrayList<>(users.size());
        for (AclUser u : users.values()) {
            out.add(describe(registry, u));
        }
        return out;
    }

    private static String trim(String s, String chars) {
        int b = 0;
        int e = s.length();
        while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    /** ACL LIST's line for a user, cached until the user changes. */
    public String describe(CommandRegistry registry, AclUser u) {
        if (u.description == null) {
            u.description = "user " + u.name() + " " + AclRules.describe(table(registry), u);
        }
        return u.description;
    }

    /** GETUSER's "commands" of the root selector (index -1) or of selector {@code i}. */
    public String describeCommands(CommandRegistry registry, AclUser u, int i) {
        return AclRules.describeCommands(table(registry), i < 0 ? u.root : u.selectors.get(i));
    }

    public String describeKeys(AclUser u, int i) {
        return (i < 0 ? u.root : u.selectors.get(i)).describeKeys();
    }

    public String describeChannels(AclUser u, int i) {
        return (i < 0 ? u.root : u.selectors.get(i)).describeChannels();
    }

    public int selectorCount(AclUser u) {
        return u.selectors.size();
    }

    public List<String> flags(AclUser u) {
        List<String> f = new ArrayList<>(3);
        f.add(u.enabled ? "on" : "off");
        if (u.nopass) {
            f.add("nopass");
        }
        if (u.sanitize == AclUser.SKIP_SANITIZE) {
            f.add("skip-sanitize-payload");
        } else if (u.sanitize == AclUser.SANITIZE) {
            f.add("sanitize-payload");
        }
        return f;
    }

    public List<String> passwordHashes(AclUser u) {
        return List.copyOf(u.passwords);
    }

    /**
     * The user a name and password authenticate (Redis's ACLCheckUserCredentials), or null:
     * unknown, disabled, or a wrong password. Hashes are compared in constant time.
     */
    public AclUser authenticate(String name, byte[] password) {
        AclUser u = users.get(name);
        if (u == null || !u.enabled) {
            return null;
        }
        if (u.nopass) {
            return u;
        }
        byte[] hash = AclRules.sha256Hex(password).getBytes(StandardCharsets.ISO_8859_1);
        boolean match = false;
        for (String p : u.passwords) {
            match |= MessageDigest.isEqual(hash, p.getBytes(StandardCharsets.ISO_8859_1));
        }
        return match ? u : null;
    }

    /** ACL CAT's categories, in Redis's order. */
    public static List<String> categories() {
        return AclCommandTable.CATEGORIES;
    }

    /** ACL CAT category: the commands and subcommands in it; null for an unknown category. */
    public List<String> commandsIn(CommandRegistry registry, String category) {
        String cat = category.toLowerCase(java.util.Locale.ROOT);
        if (!AclCommandTable.isCategory(cat)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (AclCommandTable.Entry e : table(registry).top) {
            if (e.categories().contains(cat)) {
                out.add(e.fullName());
            }
            for (AclCommandTable.Entry s : e.subcommands()) {
                if (s.categories().contains(cat)) {
                    out.add(s.fullName());
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- permission checks

    /**
     * Whether {@code user} may run {@code command} with {@code args} (the command name at
     * {@code base}): null when allowed, else the most relevant denial over all its selectors
     * (Redis's ACLCheckAllUserCommandPerm).
     */
    public Denial check(AclUser user, Command command, Arguments args, int base) {
        if (user.unrestricted()) {
            return null;
        }
        List<KeyReference> keys = null;
        int relevant = DENIED_COMMAND;
        int lastIdx = 0;
        for (int i = -1; i < user.selectors.size(); i++) {
            AclSelector s = i < 0 ? user.root : user.selectors.get(i);
            int[] idx = new int[1];
            int r = checkSelector(s, command, args, base, idx, keys);
            if (r == OK) {
                return null;
            }
            if (keys == null && r >= DENIED_KEY) {
                keys = keysOf(command, args, base);
            }
            if (r > relevant || (r == relevant && idx[0] > lastIdx)) {
                relevant = r;
                lastIdx = idx[0];
            }
        }
        return new Denial(relevant, lastIdx);
    }

    private int checkSelector(AclSelector s, Command command, Arguments args, int base, int[] idx,
                              List<KeyReference> keys) {
        CommandSpec spec = command.spec();
        int argc = args.count() - base;
        if (!spec.has(CommandFlag.NO_AUTH) && !s.allowed(spec.aclId())) {
            // an allowed first argument (+select|0) lets a command otherwise denied run
            List<String> allowed = s.firstArgs.get(spec.aclId());
            if (allowed == null || argc < 2) {
                return DENIED_COMMAND;
            }
            boolean found = false;
            String arg = new String(args.bytes(base + 1), StandardCharsets.ISO_8859_1);
            for (String a : allowed) {
                if (a.equalsIgnoreCase(arg)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return DENIED_COMMAND;
            }
        }
        if (!s.allKeys && hasKeys(spec)) {
            List<KeyReference> ks = keys != null ? keys : keysOf(command, args, base);
            for (KeyReference k : ks) {
                if (!keyAllowed(s, args, base + k.index(), k.flags())) {
                    idx[0] = k.index();
                    return DENIED_KEY;
                }
            }
        }
        int channels = channelsOf(spec);
        if (!s.allChannels && channels != 0) {
            for (int i = 1; i < argc; i++) {
                if (channels == PUBLISH && i > 1) {
                    break;
                }
                if (!channelAllowed(s, args.array(), args.offset(base + i), args.length(base + i),
                        channels == PATTERNS)) {
                    idx[0] = i;
                    return DENIED_CHANNEL;
                }
            }
        }
        return OK;
    }

    private static boolean hasKeys(CommandSpec spec) {
        return spec.firstKey() > 0 || spec.has(CommandFlag.MOVABLEKEYS) || !spec.keySpecs().isEmpty();
    }

    /** The keys of a call with their key spec flags (as COMMAND GETKEYSANDFLAGS finds them). */
    static List<KeyReference> keysOf(Command command, Arguments args, int base) {
        List<KeyReference> found = command.keys(args, base);
        if (found != null) {
            return found;
        }
        CommandSpec spec = command.spec();
        int argc = args.count() - base;
        List<KeyReference> out = new ArrayList<>();
        if (spec.firstKey() <= 0) {
            return out;
        }
        int first = spec.firstKey();
        int last = spec.lastKey() < 0 ? argc + spec.lastKey() : spec.lastKey();
        if (last < argc && last >= first) {
            for (int i = first; i <= last; i += Math.max(1, spec.keyStep())) {
                out.add(new KeyReference(i, CommandDescriptions.keyFlags(spec, i, argc)));
            }
        }
        return out;
    }

    /** Redis's ACLSelectorCheckKey: access needs read; insert, delete and update need write. */
    private static boolean keyAllowed(AclSelector s, Arguments args, int i, List<String> flags) {
        int need = 0;
        for (String f : flags) {
            if (f.equalsIgnoreCase("access")) {
                need |= AclSelector.READ;
            } else if (f.equalsIgnoreCase("insert") || f.equalsIgnoreCase("delete") || f.equalsIgnoreCase("update")) {
                need |= AclSelector.WRITE;
            }
        }
        for (AclSelector.KeyPattern p : s.patterns) {
            if ((p.flags & need) != need) {
                continue;
            }
            if (Glob.matches(p.bytes, 0, p.bytes.length, args.array(), args.offset(i), args.length(i), false)) {
                return true;
            }
        }
        return false;
    }

    private static final int PUBLISH = 1;
    private static final int CHANNELS = 2;
    private static final int PATTERNS = 3;

    /** Which arguments of a pub/sub command are channels ACLs check (none for the others). */
    private static int channelsOf(CommandSpec spec) {
        if (!spec.has(CommandFlag.PUBSUB)) {
            return 0;
        }
        return switch (spec.fullName()) {
            case "publish", "spublish" -> PUBLISH;
            case "subscribe", "ssubscribe" -> CHANNELS;
            case "psubscribe" -> PATTERNS;
            default -> 0;
        };
    }

    /**
     * Whether a user may publish to or subscribe to {@code channel} (a pattern subscription
     * when {@code isPattern}: then only an identical ACL pattern allows it), in any selector.
     * For PUBLISH/SUBSCRIBE and for dropping subscriptions a changed user no longer allows.
     */
    public boolean channelAllowed(AclUser user, byte[] channel, boolean isPattern) {
        if (channelAllowed(user.root, channel, 0, channel.length, isPattern)) {
            return true;
        }
        for (AclSelector s : user.selectors) {
            if (channelAllowed(s, channel, 0, channel.length, isPattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean channelAllowed(AclSelector s, byte[] buf, int off, int len, boolean isPattern) {
        if (s.allChannels) {
            return true;
        }
        for (String c : s.channels) {
            byte[] p = c.getBytes(StandardCharsets.ISO_8859_1);
            if (isPattern) {
                if (java.util.Arrays.equals(p, 0, p.length, buf, off, off + len)) {
                    return true;
                }
            } else if (Glob.matches(p, 0, p.length, buf, off, len, false)) {
                return true;
            }
        }
        return false;
    }

    /** DRYRUN's text of a denial (verbose), NOPERM's otherwise. */
    public static String denialMessage(Denial d, CommandSpec spec, Arguments args, int base, boolean verbose) {
        String object = d.argIndex() > 0 ? new String(args.bytes(base + d.argIndex()), StandardCharsets.ISO_8859_1) : "";
        return switch (d.reason()) {
            case DENIED_COMMAND -> verbose ? "This user has no permissions to run the '" + spec.fullName() + "' command"
                    : "NOPERM this user has no permissions to run the '" + spec.fullName() + "' command";
            case DENIED_KEY -> verbose ? "This user has no permissions to access the '" + object + "' key"
                    : "NOPERM this user has no permissions to access one of the keys used as arguments";
            default -> verbose ? "This user has no permissions to access the '" + object + "' channel"
                    : "NOPERM this user has no permissions to access one of the channels used as arguments";
        };
    }

    /** The log's reason word and object of a denial. */
    public static String reasonWord(int reason) {
        return switch (reason) {
            case DENIED_COMMAND -> "command";
            case DENIED_KEY -> "key";
            case DENIED_AUTH -> "auth";
            default -> "channel";
        };
    }
}
