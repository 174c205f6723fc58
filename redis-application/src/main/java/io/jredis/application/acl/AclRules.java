package io.jredis.application.acl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Applies ACL rules to users and describes users back as rules, as Redis 7.0's ACLSetUser,
 * ACLSetSelector and ACLDescribeUser do.
 */
final class AclRules {

    private AclRules() {
    }

    /**
     * Joins arguments that make up one "(...)" selector (Redis's ACLMergeSelectorArguments).
     * Returns null and sets {@code unmatched[0]} to the index of the opening argument when a
     * selector is not closed.
     */
    static List<String> mergeSelectors(List<String> args, int[] unmatched) {
        List<String> out = new ArrayList<>(args.size());
        StringBuilder selector = null;
        int start = -1;
        for (int j = 0; j < args.size(); j++) {
            String op = args.get(j);
            if (start == -1 && !op.isEmpty() && op.charAt(0) == '(' && op.charAt(op.length() - 1) != ')') {
                selector = new StringBuilder(op);
                start = j;
                continue;
            }
            if (start != -1) {
                selector.append(' ').append(op);
                if (!op.isEmpty() && op.charAt(op.length() - 1) == ')') {
                    start = -1;
                    out.add(selector.toString());
                }
                continue;
            }
            out.add(op);
        }
        if (start != -1) {
            unmatched[0] = start;
            return null;
        }
        return out;
    }

    /** One user-level rule (ACLSetUser); anything else goes to the root selector. */
    static void apply(AclCommandTable table, AclUser u, String op, boolean pubsubAllChannels)
            throws AclRuleException {
        if (op.equalsIgnoreCase("on")) {
            u.enabled = true;
        } else if (op.equalsIgnoreCase("off")) {
            u.enabled = false;
        } else if (op.equalsIgnoreCase("skip-sanitize-payload")) {
            u.sanitize = AclUser.SKIP_SANITIZE;
        } else if (op.equalsIgnoreCase("sanitize-payload")) {
            u.sanitize = AclUser.SANITIZE;
        } else if (op.equalsIgnoreCase("nopass")) {
            u.nopass = true;
            u.passwords.clear();
        } else if (op.equalsIgnoreCase("resetpass")) {
            u.nopass = false;
            u.passwords.clear();
        } else if (op.startsWith(">")) {
            String hash = sha256Hex(op.substring(1));
            if (!u.passwords.contains(hash)) {
                u.passwords.add(hash);
            }
            u.nopass = false;
        } else if (op.startsWith("#")) {
            String hash = checkedHash(op.substring(1));
            if (!u.passwords.contains(hash)) {
                u.passwords.add(hash);
            }
            u.nopass = false;
        } else if (op.startsWith("<")) {
            if (!u.passwords.remove(sha256Hex(op.substring(1)))) {
                throw new AclRuleException(AclRuleException.NO_SUCH_PASSWORD);
            }
            u.nopass = false;
        } else if (op.startsWith("!")) {
            if (!u.passwords.remove(checkedHash(op.substring(1)))) {
                throw new AclRuleException(AclRuleException.NO_SUCH_PASSWORD);
            }
            u.nopass = false;
        } else if (op.startsWith("(") && op.endsWith(")")) {
            AclSelector s = new AclSelector(false, pubsubAllChannels);
            for (String part : op.substring(1, op.length() - 1).split(" ")) {
                if (!part.isEmpty()) {
                    applySelector(table, s, part);
                }
            }
            u.selectors.add(s);
        } else if (op.equalsIgnoreCase("clearselectors")) {
            u.selectors.clear();
        } else if (op.equalsIgnoreCase("reset")) {
            u.nopass = false;
            u.passwords.clear();
            applySelector(table, u.root, "resetkeys");
            applySelector(table, u.root, "resetchannels");
            if (pubsubAllChannels) {
                applySelector(table, u.root, "allchannels");
            }
            u.enabled = false;
            u.sanitize = AclUser.SANITIZE;
            u.selectors.clear();
            applySelector(table, u.root, "-@all");
        } else {
            applySelector(table, u.root, op);
        }
    }

    /** One selector rule (ACLSetSelector). */
    static void applySelector(AclCommandTable table, AclSelector s, String op) throws AclRuleException {
        if (op.equalsIgnoreCase("allkeys") || op.equals("~*")) {
            s.allKeys = true;
            s.patterns.clear();
        } else if (op.equalsIgnoreCase("resetkeys")) {
            s.allKeys = false;
            s.patterns.clear();
        } else if (op.equalsIgnoreCase("allchannels") || op.equals("&*")) {
            s.allChannels = true;
            s.channels.clear();
        } else if (op.equalsIgnoreCase("resetchannels")) {
            s.allChannels = false;
            s.channels.clear();
        } else if (op.equalsIgnoreCase("allcommands") || op.equalsIgnoreCase("+@all")) {
            s.setAll(true);
        } else if (op.equalsIgnoreCase("nocommands") || op.equalsIgnoreCase("-@all")) {
            s.setAll(false);
        } else if (op.startsWith("~") || op.startsWith("%")) {
            keyPattern(s, op);
        } else if (op.startsWith("&")) {
            if (s.allChannels) {
                throw new AclRuleException(AclRuleException.CHANNELS_AFTER_ALL);
            }
            String ch = op.substring(1);
            if (!s.channels.contains(ch)) {
                s.channels.add(ch);
            }
        } else if (op.startsWith("+") && !op.startsWith("+@")) {
            allowCommand(table, s, op.substring(1));
        } else if (op.startsWith("-") && !op.startsWith("-@")) {
            AclCommandTable.Entry e = table.lookup(op.substring(1));
            if (e == null) {
                throw new AclRuleException(AclRuleException.UNKNOWN);
            }
            changePermission(s, e, false);
        } else if (op.startsWith("+@") || op.startsWith("-@")) {
            String cat = op.substring(2).toLowerCase(Locale.ROOT);
            if (!AclCommandTable.isCategory(cat)) {
                throw new AclRuleException(AclRuleException.UNKNOWN);
            }
            setCategory(table, s, cat, op.charAt(0) == '+');
        } else {
            throw new AclRuleException(AclRuleException.SYNTAX);
        }
    }

    private static void keyPattern(AclSelector s, String op) throws AclRuleException {
        if (s.allKeys) {
            throw new AclRuleException(AclRuleException.KEYS_AFTER_ALL);
        }
        int flags = 0;
        int offset = 1;
        if (op.charAt(0) == '%') {
            boolean tilde = false;
            for (; offset < op.length(); offset++) {
                char ch = Character.toUpperCase(op.charAt(offset));
                if (ch == 'R' && (flags & AclSelector.READ) == 0) {
                    flags |= AclSelector.READ;
                } else if (ch == 'W' && (flags & AclSelector.WRITE) == 0) {
                    flags |= AclSelector.WRITE;
                } else if (op.charAt(offset) == '~') {
                    offset++;
                    tilde = true;
                    break;
                } else {
                    throw new AclRuleException(AclRuleException.SYNTAX);
                }
            }
            if (!tilde || flags == 0) {
                throw new AclRuleException(AclRuleException.SYNTAX);
            }
        } else {
            flags = AclSelector.ALL;
        }
        String pattern = op.substring(offset);
        if (pattern.equals("*") && flags == AclSelector.ALL) {
            s.allKeys = true;
            s.patterns.clear();
            return;
        }
        for (AclSelector.KeyPattern p : s.patterns) {
            if (p.pattern.equals(pattern)) {
                p.flags |= flags;
                return;
            }
        }
        s.patterns.add(new AclSelector.KeyPattern(pattern, flags));
    }

    private static void allowCommand(AclCommandTable table, AclSelector s, String name) throws AclRuleException {
        int bar = name.lastIndexOf('|');
        if (bar < 0) {
            AclCommandTable.Entry e = table.lookup(name);
            if (e == null) {
                throw new AclRuleException(AclRuleException.UNKNOWN);
            }
            changePermission(s, e, true);
            return;
        }
        AclCommandTable.Entry e = table.lookup(name.substring(0, bar));
        String sub = name.substring(bar + 1);
        if (e == null) {
            throw new AclRuleException(AclRuleException.UNKNOWN);
        }
        if (e.parent() != null) {
            throw new AclRuleException(AclRuleException.SUBCOMMAND_FIRST_ARG);
        }
        if (sub.isEmpty()) {
            throw new AclRuleException(AclRuleException.SYNTAX);
        }
        if (!e.subcommands().isEmpty()) {
            AclCommandTable.Entry subEntry = table.lookup(name);
            if (subEntry == null) {
                throw new AclRuleException(AclRuleException.UNKNOWN);
            }
            changePermission(s, subEntry, true);
            return;
        }
        // A first argument of a command without subcommands (+select|0): allowed on its own.
        List<String> args = s.firstArgs.computeIfAbsent(e.id(), k -> new ArrayList<>());
        for (String a : args) {
            if (a.equalsIgnoreCase(sub)) {
                return;
            }
        }
        args.add(sub);
    }

    /** Redis's ACLChangeSelectorPerm: the command, its first args reset, and all its subcommands. */
    static void changePermission(AclSelector s, AclCommandTable.Entry e, boolean allow) {
        s.setAllowed(e.id(), allow);
        s.firstArgs.remove(e.id());
        for (AclCommandTable.Entry sub : e.subcommands()) {
            s.setAllowed(sub.id(), allow);
        }
    }

    static void setCategory(AclCommandTable table, AclSelector s, String category, boolean allow) {
        for (AclCommandTable.Entry e : table.top) {
            if (e.categories().contains(category)) {
                changePermission(s, e, allow);
            }
            for (AclCommandTable.Entry sub : e.subcommands()) {
                if (sub.categories().contains(category)) {
                    changePermission(s, sub, allow);
                }
            }
        }
    }

    private static String checkedHash(String hash) throws AclRuleException {
        if (hash.length() != 64) {
            throw new AclRuleException(AclRuleException.BAD_HASH);
        }
        for (int i = 0; i < 64; i++) {
            char c = hash.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new AclRuleException(AclRuleException.BAD_HASH);
            }
        }
        return hash;
    }

    /** The password's SHA-256 in lower-case hex, over its bytes as the client sent them. */
    static String sha256Hex(String password) {
        return sha256Hex(password.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String sha256Hex(byte[] password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- describing

    /** ACL LIST's rules of a user, after "user name " (Redis's ACLDescribeUser). */
    static String describe(AclCommandTable table, AclUser u) {
        StringBuilder sb = new StringBuilder();
        sb.append(u.enabled ? "on " : "off ");
        if (u.nopass) {
            sb.append("nopass ");
        }
        if (u.sanitize == AclUser.SKIP_SANITIZE) {
            sb.append("skip-sanitize-payload ");
        } else if (u.sanitize == AclUser.SANITIZE) {
            sb.append("sanitize-payload ");
        }
        for (String p : u.passwords) {
            sb.append('#').append(p).append(' ');
        }
        sb.append(describeSelector(table, u.root));
        for (AclSelector s : u.selectors) {
            sb.append(" (").append(describeSelector(table, s)).append(')');
        }
        return sb.toString();
    }

    static String describeSelector(AclCommandTable table, AclSelector s) {
        StringBuilder sb = new StringBuilder();
        if (s.allKeys) {
            sb.append("~* ");
        } else {
            for (AclSelector.KeyPattern p : s.patterns) {
                sb.append(p.describe()).append(' ');
            }
        }
        if (s.allChannels) {
            sb.append("&* ");
        } else {
            sb.append("resetchannels ");
            for (String c : s.channels) {
                sb.append('&').append(c).append(' ');
            }
        }
        sb.append(describeCommands(table, s));
        return sb.toString();
    }

    /**
     * The command rules of a selector as Redis 7.0 derives them from its bitmap: +@all or
     * -@all, then greedily the categories that fit best, then single commands and first
     * arguments for what still differs. Redis lists the single commands in its command
     * dictionary's hash order, which is random per process; we list them in registry order.
     */
    static String describeCommands(AclCommandTable table, AclSelector s) {
        StringBuilder rules = new StringBuilder();
        boolean additive = !s.baseAll;
        AclSelector fake = new AclSelector(false, false);
        fake.setAll(!additive);
        rules.append(additive ? "-@all " : "+@all ");
        AclSelector temp = s.copy();
        boolean[] applied = new boolean[AclCommandTable.CATEGORIES.size()];
        while (true) {
            int best = -1;
            long minDiff = Integer.MAX_VALUE;
            long maxSame = 0;
            for (int j = 0; j < applied.length; j++) {
                if (applied[j]) {
                    continue;
                }
                long[] onOff = countCategory(table, temp, AclCommandTable.CATEGORIES.get(j));
                long diff = additive ? onOff[1] : onOff[0];
                long same = additive ? onOff[0] : onOff[1];
                if (same > diff && (diff < minDiff || (diff == minDiff && same > maxSame))) {
                    best = j;
                    minDiff = diff;
                    maxSame = same;
                }
            }
            if (best == -1) {
                break;
            }
            String cat = AclCommandTable.CATEGORIES.get(best);
            setCategory(table, fake, cat, additive);
            setCategory(table, temp, cat, !additive);
            rules.append(additive ? "+@" : "-@").append(cat).append(' ');
            applied[best] = true;
        }
        for (AclCommandTable.Entry e : table.top) {
            fixCommand(s, fake, e, rules);
            for (AclCommandTable.Entry sub : e.subcommands()) {
                fixCommand(s, fake, sub, rules);
            }
            List<String> firstArgs = s.firstArgs.get(e.id());
            if (!s.allowed(e.id()) && firstArgs != null) {
                for (String a : firstArgs) {
                    rules.append('+').append(e.fullName()).append('|').append(a).append(' ');
                }
            }
        }
        rules.setLength(rules.length() - 1);
        return rules.toString();
    }

    private static void fixCommand(AclSelector s, AclSelector fake, AclCommandTable.Entry e, StringBuilder rules) {
        boolean user = s.allowed(e.id());
        if (user != fake.allowed(e.id())) {
            rules.append(user ? '+' : '-').append(e.fullName()).append(' ');
            changePermission(fake, e, user);
        }
    }

    private static long[] countCategory(AclCommandTable table, AclSelector s, String category) {
        long on = 0;
        long off = 0;
        for (AclCommandTable.Entry e : table.top) {
            if (e.categories().contains(category)) {
                if (s.allowed(e.id())) {
                    on++;
                } else {
                    off++;
                }
            }
            for (AclCommandTable.Entry sub : e.subcommands()) {
                if (sub.categories().contains(category)) {
                    if (s.allowed(sub.id())) {
                        on++;
                    } else {
                        off++;
                    }
                }
            }
        }
        return new long[] {on, off};
    }
}
