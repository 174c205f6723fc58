package io.jredis.application.pubsub;

import java.nio.charset.StandardCharsets;

/**
 * Keyspace notifications (notify-keyspace-events): Redis's event classes, their flag letters,
 * and the publication of an event on {@code __keyspace@<db>__:<key>} (the event name as the
 * message) and {@code __keyevent@<db>__:<event>} (the key as the message). With the option
 * empty, as by default, an event costs one test of an int.
 */
public final class KeyspaceEvents {

    public static final int KEYSPACE = 1;
    public static final int KEYEVENT = 1 << 1;
    public static final int GENERIC = 1 << 2;
    public static final int STRING = 1 << 3;
    public static final int LIST = 1 << 4;
    public static final int SET = 1 << 5;
    public static final int HASH = 1 << 6;
    public static final int ZSET = 1 << 7;
    public static final int EXPIRED = 1 << 8;
    public static final int EVICTED = 1 << 9;
    public static final int STREAM = 1 << 10;
    public static final int KEY_MISS = 1 << 11;
    public static final int MODULE = 1 << 13;
    public static final int NEW = 1 << 14;
    /** The classes 'A' stands for: key misses and new keys are left out, as in Redis. */
    public static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

    public static final String INVALID = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    private final PubSub pubsub;
    private final io.jredis.application.server.ServerConfig config;

    public KeyspaceEvents(PubSub pubsub, io.jredis.application.server.ServerConfig config) {
        this.pubsub = pubsub;
        this.config = config;
    }

    /** True when an event of {@code type} would be published (callers may skip building it otherwise). */
    public boolean enabled(int type) {
        return (config.notifyKeyspaceEvents & type) != 0;
    }

    /** Publishes an event of class {@code type} about {@code key} in database {@code db}, if enabled. */
    public void notify(int type, String event, int db, byte[] key, int off, int len) {
        int flags = config.notifyKeyspaceEvents;
        if ((flags & type) == 0) {
            return;
        }
        byte[] name = event.getBytes(StandardCharsets.US_ASCII);
        if ((flags & KEYSPACE) != 0) {
            byte[] channel = channel("__keyspace@", db, key, off, len);
            pubsub.publish(channel, 0, channel.length, name, 0, name.length);
        }
        if ((flags & KEYEVENT) != 0) {
            byte[] channel = channel("__keyevent@", db, name, 0, name.length);
            pubsub.publish(channel, 0, channel.length, key, off, len);
        }
    }

    public void notify(int type, String event, int db, byte[] key) {
        notify(type, event, db, key, 0, key.length);
    }

    private static byte[] channel(String prefix, int db, byte[] tail, int off, int len) {
        byte[] head = (prefix + db + "__:").getBytes(StandardCharsets.US_ASCII);
        byte[] c = new byte[head.length + len];
        System.arraycopy(head, 0, c, 0, head.length);
        System.arraycopy(tail, off, c, head.length, len);
        return c;
    }

    /** Redis's keyspaceEventsStringToFlags; -1 for a character it does not know. */
    public static int parse(String classes) {
        int f = 0;
        for (int i = 0; i < classes.length(); i++) {
            switch (classes.charAt(i)) {
                case 'A' -> f |= ALL;
                case 'g' -> f |= GENERIC;
                case '$' -> f |= STRING;
                case 'l' -> f |= LIST;
                case 's' -> f |= SET;
                case 'h' -> f |= HASH;
                case 'z' -> f |= ZSET;
                case 'x' -> f |= EXPIRED;
                case 'e' -> f |= EVICTED;
                case 'K' -> f |= KEYSPACE;
                case 'E' -> f |= KEYEVENT;
                case 't' -> f |= STREAM;
                case 'm' -> f |= KEY_MISS;
                case 'd' -> f |= MODULE;
                case 'n' -> f |= NEW;
                default -> {
                    return -1;
                }
            }
        }
        return f;
    }

    /** Redis's keyspaceEventsFlagsToString: the canonical form CONFIG GET shows. */
    public static String format(int f) {
        StringBuilder sb = new StringBuilder();
        if ((f & ALL) == ALL) {
            sb.append('A');
        } else {
            letter(sb, f, GENERIC, 'g');
            letter(sb, f, STRING, '$');
            letter(sb, f, LIST, 'l');
            letter(sb, f, SET, 's');
            letter(sb, f, HASH, 'h');
            letter(sb, f, ZSET, 'z');
            letter(sb, f, EXPIRED, 'x');
            letter(sb, f, EVICTED, 'e');
            letter(sb, f, STREAM, 't');
            letter(sb, f, MODULE, 'd');
            letter(sb, f, NEW, 'n');
        }
        letter(sb, f, KEYSPACE, 'K');
        letter(sb, f, KEYEVENT, 'E');
        letter(sb, f, KEY_MISS, 'm');
        return sb.toString();
    }

    private static void letter(StringBuilder sb, int f, int flag, char c) {
        if ((f & flag) != 0) {
            sb.append(c);
        }
    }
}
