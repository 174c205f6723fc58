package io.jredis.adapter.replication.aof;

import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of Redis 7's multi-part append-only file: one base file (RDB or RESP), the
 * incremental files written since, in order, and history files a rewrite left behind (to be
 * deleted). Its text form is Redis's: one {@code file <name> seq <n> type <b|i|h>} line per file.
 */
final class AofManifest {

    enum Type {
        BASE('b'), INCR('i'), HISTORY('h');

        final char code;

        Type(char code) {
            this.code = code;
        }

        static Type of(String code) {
            for (Type t : values()) {
                if (code.length() == 1 && t.code == code.charAt(0)) {
                    return t;
                }
            }
            return null;
        }
    }

    record Entry(String name, long seq, Type type) {
    }

    /** A manifest that cannot be read; the message is Redis's reason. */
    static final class InvalidManifest extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidManifest(String reason) {
            super(reason, null, false, false);
        }
    }

    Entry base;
    final List<Entry> incrs = new ArrayList<>();
    final List<Entry> history = new ArrayList<>();
    /** The highest sequence numbers handed out, so new files continue the series. */
    long baseSeq;
    long incrSeq;

    AofManifest copy() {
        AofManifest m = new AofManifest();
        m.base = base;
        m.incrs.addAll(incrs);
        m.history.addAll(history);
        m.baseSeq = baseSeq;
        m.incrSeq = incrSeq;
        return m;
    }

    static AofManifest parse(String text) throws InvalidManifest {
        AofManifest m = new AofManifest();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> words = words(line);
            if (words.size() % 2 != 0) {
                throw new InvalidManifest("Invalid AOF manifest file format");
            }
            String name = null;
            long seq = 0;
            Type type = null;
            for (int i = 0; i < words.size(); i += 2) {
                String value = words.get(i + 1);
                switch (words.get(i)) {
                    case "file" -> name = value;
                    case "seq" -> {
                        try {
                            seq = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new InvalidManifest("Invalid AOF manifest file format");
                        }
                    }
                    case "type" -> type = Type.of(value);
                    default -> {
                        // Redis skips keys it does not know (forward compatibility)
                    }
                }
            }
            if (name == null || seq == 0 || type == null) {
                throw new InvalidManifest("Invalid AOF manifest file format");
            }
            Entry e = new Entry(name, seq, type);
            switch (type) {
                case BASE -> {
                    if (m.base != null) {
                        throw new InvalidManifest("Found duplicate base file information");
                    }
                    m.base = e;
                    m.baseSeq = seq;
                }
                case HISTORY -> m.history.add(e);
                case INCR -> {
                    if (seq <= m.incrSeq) {
                        throw new InvalidManifest("Found a non-monotonic sequence number");
                    }
                    m.incrs.add(e);
                    m.incrSeq = seq;
                }
            }
        }
        if (m.base == null && m.incrs.isEmpty()) {
            throw new InvalidManifest("Found an empty AOF manifest");
        }
        return m;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        if (base != null) {
            line(out, base);
        }
        for (Entry e : history) {
            line(out, e);
        }
        for (Entry e : incrs) {
            line(out, e);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Entry e) {
        out.append("file ").append(quoted(e.name())).append(" seq ").append(e.seq())
                .append(" type ").append(e.type().code).append('\n');
    }

    /** Names with spaces or quotes are written as Redis's sdscatrepr does, read back by sdssplitargs. */
    private static String quoted(String name) {
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c > ' ' && c < 127 && c != '"' && c != '\'' && c != '\\';
        }
        if (plain) {
            return name;
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ' || c >= 127) {
                        out.append(String.format("\\x%02x", (int) c & 0xff));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The words of a line as sdssplitargs splits them: spaces separate, "..." quotes with escapes. */
    private static List<String> words(String line) throws InvalidManifest {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder w = new StringBuilder();
            if (line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new InvalidManifest("Invalid AOF manifest file format");
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        i++;
                        break;
                    }
                    if (c == '\\' && i + 1 < n) {
                        char e = line.charAt(i + 1);
                        if (e == 'x' && i + 3 < n) {
                            w.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
                            i += 4;
                            continue;
                        }
                        w.append(switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> (char) 7;
                            default -> e;
                        });
                        i += 2;
                        continue;
                    }
                    w.append(c);
                    i++;
                }
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    w.append(line.charAt(i++));
                }
            }
            out.add(w.toString());
        }
    }
}
