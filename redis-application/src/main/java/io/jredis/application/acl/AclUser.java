package io.jredis.application.acl;

import java.util.ArrayList;
import java.util.List;

/**
 * An ACL user: enabled or not, its passwords (SHA-256 hex, in the order added), nopass,
 * the payload-sanitizing flag, and its selectors (the root one first). Rules change it only
 * through {@link AclRules}, which stages them on a copy so a failing SETUSER changes nothing.
 */
public final class AclUser {

    static final int SANITIZE_DEFAULT = 0;
    static final int SANITIZE = 1;
    static final int SKIP_SANITIZE = 2;

    /**
     * Redis's NULL user: what the master link and the AOF replay run as, allowed everything and
     * shown as "(superuser)" by CLIENT LIST.
     */
    public static final AclUser SUPERUSER = superuser();

    private final String name;
    boolean enabled;
    boolean nopass;
    int sanitize = SANITIZE_DEFAULT;
    final List<String> passwords = new ArrayList<>();
    AclSelector root;
    final List<AclSelector> selectors = new ArrayList<>();
    /** Cached ACL LIST description, as Redis caches it until the user changes. */
    String description;
    /**
     * True when the root selector allows every command, key and channel: the executor then
     * skips every check after reading this field (the default user's case).
     */
    private boolean unrestricted;
    private boolean deleted;

    AclUser(String name, boolean allChannels) {
        this.name = name;
        this.root = new AclSelector(true, allChannels);
    }

    private static AclUser superuser() {
        AclUser u = new AclUser("(superuser)", true);
        u.enabled = true;
        u.nopass = true;
        u.root.allKeys = true;
        u.root.setAll(true);
        u.changed();
        return u;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean nopass() {
        return nopass;
    }

    public boolean unrestricted() {
        return unrestricted;
    }

    /** True once ACL DELUSER (or ACL LOAD) removed this user. */
    public boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    /** Takes over another user's permissions (the staged copy after a successful SETUSER). */
    void assign(AclUser from) {
        enabled = from.enabled;
        nopass = from.nopass;
        sanitize = from.sanitize;
        passwords.clear();
        passwords.addAll(from.passwords);
        root = from.root.copy();
        selectors.clear();
        for (AclSelector s : from.selectors) {
            selectors.add(s.copy());
        }
        changed();
    }

    AclUser copy() {
        AclUser c = new AclUser(name, root.allChannels);
        c.assign(this);
        return c;
    }

    void changed() {
        description = null;
        unrestricted = root.unrestricted() && root.allChannels;
    }
}
