package io.jredis.application.acl;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One set of permissions of a user (Redis 7.0's aclSelector): which commands, which keys
 * (each pattern readable, writable or both) and which pub/sub channels. A user has its root
 * selector and any number of "(...)" selectors; a command is allowed when one of them allows it.
 */
final class AclSelector {

    static final int READ = 1;
    static final int WRITE = 2;
    static final int ALL = READ | WRITE;

    /** One key pattern and whether it grants read, write or both. */
    static final class KeyPattern {
        final String pattern;
        final byte[] bytes;
        int flags;

        KeyPattern(String pattern, int flags) {
            this.pattern = pattern;
            this.bytes = pattern.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            this.flags = flags;
        }

        /** As Redis prints it: ~p, %R~p or %W~p. */
        String describe() {
            return switch (flags) {
                case READ -> "%R~" + pattern;
                case WRITE -> "%W~" + pattern;
                default -> "~" + pattern;
            };
        }
    }

    final boolean root;
    /**
     * Whether the last +@all / -@all allowed everything: Redis's reserved "future commands"
     * bit, which only those two rules change. {@link #flipped} holds the commands that differ.
     */
    boolean baseAll;
    final BitSet flipped = new BitSet();
    /** Allowed first arguments of commands otherwise denied (+select|0), by ACL command id. */
    Map<Integer, List<String>> firstArgs = new HashMap<>();
    final List<KeyPattern> patterns = new ArrayList<>();
    boolean allKeys;
    final List<String> channels = new ArrayList<>();
    boolean allChannels;

    AclSelector(boolean root, boolean allChannels) {
        this.root = root;
        this.allChannels = allChannels;
    }

    boolean allowed(int id) {
        return baseAll != flipped.get(id);
    }

    void setAllowed(int id, boolean allow) {
        flipped.set(id, allow != baseAll);
    }

    void setAll(boolean allow) {
        baseAll = allow;
        flipped.clear();
        firstArgs.clear();
    }

    /** True when this selector allows every command on every key (channels aside). */
    boolean unrestricted() {
        return baseAll && flipped.isEmpty() && allKeys;
    }

    AclSelector copy() {
        AclSelector c = new AclSelector(root, allChannels);
        c.baseAll = baseAll;
        c.flipped.or(flipped);
        for (Map.Entry<Integer, List<String>> e : firstArgs.entrySet()) {
            c.firstArgs.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        for (KeyPattern p : patterns) {
            c.patterns.add(new KeyPattern(p.pattern, p.flags));
        }
        c.allKeys = allKeys;
        c.channels.addAll(channels);
        return c;
    }

    /** GETUSER's "keys": the patterns joined by spaces, "~*" for allkeys. */
    String describeKeys() {
        if (allKeys) {
            return "~*";
        }
        StringBuilder sb = new StringBuilder();
        for (KeyPattern p : patterns) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(p.describe());
        }
        return sb.toString();
    }

    /** GETUSER's "channels": the patterns with their '&' joined by spaces, "&*" for allchannels. */
    String describeChannels() {
        if (allChannels) {
            return "&*";
        }
        StringBuilder sb = new StringBuilder();
        for (String c : channels) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append('&').append(c);
        }
        return sb.toString();
    }
}
