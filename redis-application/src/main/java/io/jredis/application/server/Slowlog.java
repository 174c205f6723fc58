package io.jredis.application.server;

import io.jredis.application.command.Arguments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * SLOWLOG: commands that ran at least slowlog-log-slower-than microseconds, newest first, at most
 * slowlog-max-len of them. Entries keep Redis 7.0's shape: at most 32 arguments (the last one
 * saying how many more there were) and each argument cut at 128 bytes.
 */
public final class Slowlog {

    static final int MAX_ARGC = 32;
    static final int MAX_ARG_LEN = 128;
    private static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

    /** One logged command. */
    public record Entry(long id, long unixSeconds, long micros, byte[][] args, String clientAddress,
                        String clientName) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    /** True when a command that ran {@code micros} would be logged under {@code config}. */
    public static boolean wanted(ServerConfig config, long micros) {
        return config.slowlogLogSlowerThan >= 0 && config.slowlogMaxLen != 0 && micros >= config.slowlogLogSlowerThan;
    }

    /**
     * Logs a command (the caller checked {@link #wanted}); arguments that hold secrets (AUTH's,
     * HELLO's AUTH pair, CONFIG SET of a sensitive option, MIGRATE's AUTH/AUTH2) appear as
     * "(redacted)", as Redis 7.0 shows them.
     */
    public void push(ServerConfig config, Arguments args, String commandName, long micros, long unixSeconds,
                     String clientAddress, String clientName) {
        boolean[] redacted = Redaction.of(commandName, args);
        int argc = args.count();
        int shown = Math.min(argc, MAX_ARGC);
        byte[][] kept = new byte[shown][];
        for (int i = 0; i < shown; i++) {
            if (shown != argc && i == shown - 1) {
                kept[i] = ("... (" + (argc - shown + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
            } else if (redacted != null && redacted[i]) {
                kept[i] = REDACTED;
            } else if (args.length(i) > MAX_ARG_LEN) {
                byte[] tail = ("... (" + (args.length(i) - MAX_ARG_LEN) + " more bytes)")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] b = new byte[MAX_ARG_LEN + tail.length];
                System.arraycopy(args.array(), args.offset(i), b, 0, MAX_ARG_LEN);
                System.arraycopy(tail, 0, b, MAX_ARG_LEN, tail.length);
                kept[i] = b;
            } else {
                kept[i] = args.bytes(i);
            }
        }
        entries.addFirst(new Entry(nextId++, unixSeconds, micros, kept, clientAddress,
                clientName == null ? "" : clientName));
        while (entries.size() > config.slowlogMaxLen) {
            entries.removeLast();
        }
    }

    public int size() {
        return entries.size();
    }

    /** SLOWLOG RESET: the entries go, the ids keep counting. */
    public void reset() {
        entries.clear();
    }

    public Iterator<Entry> newestFirst() {
        return entries.iterator();
    }

    /** Which arguments of a command Redis 7.0 hides from SLOWLOG and MONITOR. */
    public static final class Redaction {

        private static final List<String> SENSITIVE_CONFIGS = List.of("requirepass", "masterauth");

        private Redaction() {
        }

        /** Null when nothing is hidden, else a flag per argument. */
        public static boolean[] of(String commandName, Arguments args) {
            int argc = args.count();
            switch (commandName) {
                case "auth" -> {
                    boolean[] r = new boolean[argc];
                    for (int i = 1; i < argc; i++) {
                        r[i] = true;
                    }
                    return r;
                }
                case "hello" -> {
                    boolean[] r = null;
                    for (int i = 2; i < argc; i++) {
                        if (args.is(i, "AUTH") && i + 2 < argc) {
                            r = r == null ? new boolean[argc] : r;
                            r[i + 1] = true;
                            r[i + 2] = true;
                            i += 2;
                        } else if (args.is(i, "SETNAME") && i + 1 < argc) {
                            i++;
                        }
                    }
                    return r;
                }
                case "config|set" -> {
                    boolean[] r = null;
                    for (int i = 2; i + 1 < argc; i += 2) {
                        if (SENSITIVE_CONFIGS.contains(args.text(i).toLowerCase(java.util.Locale.ROOT))) {
                            r = r == null ? new boolean[argc] : r;
                            r[i + 1] = true;
                        }
                    }
                    return r;
                }
                case "migrate" -> {
                    boolean[] r = null;
                    for (int i = 6; i < argc; i++) {
                        if (args.is(i, "AUTH") && i + 1 < argc) {
                            r = r == null ? new boolean[argc] : r;
                            r[++i] = true;
                        } else if (args.is(i, "AUTH2") && i + 2 < argc) {
                            r = r == null ? new boolean[argc] : r;
                            r[++i] = true;
                            r[++i] = true;
                        } else if (args.is(i, "KEYS")) {
                            return r;
                        }
                    }
                    return r;
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
