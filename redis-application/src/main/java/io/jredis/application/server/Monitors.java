package io.jredis.application.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.port.ClientConnection;
import io.jredis.application.session.ClientSession;

import java.util.ArrayList;
import java.util.List;

/**
 * MONITOR: the clients that receive every command as it runs, one status line each in Redis's
 * form ({@code +1700000000.123456 [0 127.0.0.1:5555] "SET" "k" "v"}). Costs one field read per
 * command while nobody monitors.
 */
public final class Monitors {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<ClientSession> clients = new ArrayList<>();

    /** True while at least one client monitors. */
    public boolean active() {
        return !clients.isEmpty();
    }

    public void add(ClientSession s) {
        if (!clients.contains(s)) {
            clients.add(s);
        }
    }

    public void remove(ClientSession s) {
        clients.remove(s);
    }

    public int size() {
        return clients.size();
    }

    /**
     * Sends a command that ran to every monitor: the time in microseconds, the client's db after
     * the command (SELECT shows its new db), its address, and each argument quoted as Redis's
     * sdscatrepr, secrets shown as "(redacted)".
     */
    public void feed(long unixMicros, int db, String source, String commandName, Arguments args) {
        boolean[] redacted = Slowlog.Redaction.of(commandName, args);
        StringBuilder sb = new StringBuilder(64);
        sb.append(unixMicros / 1_000_000).append('.');
        String frac = Long.toString(unixMicros % 1_000_000);
        sb.append("000000", 0, 6 - frac.length()).append(frac);
        sb.append(" [").append(db).append(' ').append(source).append("] ");
        byte[] a = args.array();
        for (int i = 0; i < args.count(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            if (redacted != null && redacted[i]) {
                sb.append("\"(redacted)\"");
            } else {
                repr(sb, a, args.offset(i), args.length(i));
            }
        }
        String line = sb.toString();
        for (ClientSession m : clients) {
            ClientConnection c = m.connection();
            c.replySink().status(line);
            c.wake();
        }
    }

    /** Redis's sdscatrepr: printable ASCII as is, the usual escapes, \xHH for the rest. */
    static void repr(StringBuilder sb, byte[] b, int off, int len) {
        sb.append('"');
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append((char) c);
                    } else {
                        sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
                    }
                }
            }
        }
        sb.append('"');
    }
}
