package io.jredis.adapter.replication.rdb;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packs stream entries into the listpack nodes Redis keeps under its radix tree, split by its
 * default node rules (100 entries, 4096 bytes): a master entry (count, deleted, master fields,
 * 0), then per entry flags, id deltas from the master id, [field count and fields unless they
 * are the master's], values and the entry's element count.
 */
final class StreamListpacks {

    private static final int NODE_MAX_ENTRIES = 100;
    private static final int NODE_MAX_BYTES = 4096;
    private static final int FLAG_SAMEFIELDS = 2;

    /** One node: its master id and its listpack bytes. */
    record Node(long masterMs, long masterSeq, byte[] listpack) {
    }

    private StreamListpacks() {
    }

    static List<Node> pack(List<LoadedValue.StreamEntry> entries) {
        List<Node> nodes = new ArrayList<>();
        Builder current = null;
        for (LoadedValue.StreamEntry e : entries) {
            long total = 0;
            for (byte[] b : e.fieldsAndValues()) {
                total += b.length;
            }
            if (current != null && (current.bytes() + total >= NODE_MAX_BYTES || current.count >= NODE_MAX_ENTRIES)) {
                nodes.add(current.finish());
                current = null;
            }
            if (current == null) {
                current = new Builder(e);
            }
            current.add(e);
        }
        if (current != null) {
            nodes.add(current.finish());
        }
        return nodes;
    }

    /** A node under construction: its elements encoded, the master counters written at the end. */
    private static final class Builder {
        final long masterMs;
        final long masterSeq;
        final byte[][] masterFields;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int elements;
        int count;

        Builder(LoadedValue.StreamEntry first) {
            masterMs = first.ms();
            masterSeq = first.seq();
            List<byte[]> fv = first.fieldsAndValues();
            masterFields = new byte[fv.size() / 2][];
            for (int i = 0; i < masterFields.length; i++) {
                masterFields[i] = fv.get(2 * i);
            }
        }

        /** The listpack size so far, master counters included (as Redis sees it before appending). */
        int bytes() {
            return 7 + head(count).length + body.size();
        }

        void add(LoadedValue.StreamEntry e) {
            List<byte[]> fv = e.fieldsAndValues();
            int pairs = fv.size() / 2;
            boolean same = pairs == masterFields.length;
            for (int i = 0; same && i < pairs; i++) {
                same = Arrays.equals(fv.get(2 * i), masterFields[i]);
            }
            element(integer(same ? FLAG_SAMEFIELDS : 0));
            element(integer(e.ms() - masterMs));
            element(integer(e.seq() - masterSeq));
            if (!same) {
                element(integer(pairs));
                for (int i = 0; i < pairs; i++) {
                    element(string(fv.get(2 * i)));
                }
            }
            for (int i = 0; i < pairs; i++) {
                element(string(fv.get(2 * i + 1)));
            }
            element(integer(3L + pairs + (same ? 0 : pairs + 1)));
            count++;
        }

        private void element(byte[] encoded) {
            body.writeBytes(encoded);
            body.writeBytes(backlen(encoded.length));
            elements++;
        }

        /** The master entry with the final counters. */
        private byte[] head(int liveCount) {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            for (byte[] enc : masterElements(liveCount)) {
                h.writeBytes(enc);
                h.writeBytes(backlen(enc.length));
            }
            return h.toByteArray();
        }

        private List<byte[]> masterElements(int liveCount) {
            List<byte[]> out = new ArrayList<>();
            out.add(integer(Math.max(liveCount, 1)));
            out.add(integer(0));
            out.add(integer(masterFields.length));
            for (byte[] f : masterFields) {
                out.add(string(f));
            }
            out.add(integer(0));
            return out;
        }

        Node finish() {
            byte[] head = head(count);
            int total = 6 + head.length + body.size() + 1;
            int n = elements + 4 + masterFields.length;
            byte[] lp = new byte[total];
            lp[0] = (byte) total;
            lp[1] = (byte) (total >>> 8);
            lp[2] = (byte) (total >>> 16);
            lp[3] = (byte) (total >>> 24);
            int num = Math.min(n, 65535);
            lp[4] = (byte) num;
            lp[5] = (byte) (num >>> 8);
            System.arraycopy(head, 0, lp, 6, head.length);
            byte[] b = body.toByteArray();
            System.arraycopy(b, 0, lp, 6 + head.length, b.length);
            lp[total - 1] = (byte) 0xFF;
            return new Node(masterMs, masterSeq, lp);
        }
    }

    /** A listpack integer element (without back-length). */
    static byte[] integer(long v) {
        if (v >= 0 && v <= 127) {
            return new byte[] {(byte) v};
        } else if (v >= -4096 && v <= 4095) {
            return new byte[] {(byte) (0xC0 | ((v >> 8) & 0x1F)), (byte) v};
        } else if (v >= -32768 && v <= 32767) {
            return new byte[] {(byte) 0xF1, (byte) v, (byte) (v >> 8)};
        } else if (v >= -8388608 && v <= 8388607) {
            return new byte[] {(byte) 0xF2, (byte) v, (byte) (v >> 8), (byte) (v >> 16)};
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return new byte[] {(byte) 0xF3, (byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        }
        byte[] out = new byte[9];
        out[0] = (byte) 0xF4;
        for (int i = 0; i < 8; i++) {
            out[1 + i] = (byte) (v >> (8 * i));
        }
        return out;
    }

    /** A listpack string element, as an integer when it reads as one (lpStringToInt64). */
    static byte[] string(byte[] s) {
        Long v = asLong(s);
        if (v != null) {
            return integer(v);
        }
        int len = s.length;
        byte[] out;
        int p;
        if (len < 64) {
            out = new byte[1 + len];
            out[0] = (byte) (0x80 | len);
            p = 1;
        } else if (len < 4096) {
            out = new byte[2 + len];
            out[0] = (byte) (0xE0 | (len >> 8));
            out[1] = (byte) len;
            p = 2;
        } else {
            out = new byte[5 + len];
            out[0] = (byte) 0xF0;
            out[1] = (byte) len;
            out[2] = (byte) (len >> 8);
            out[3] = (byte) (len >> 16);
            out[4] = (byte) (len >> 24);
            p = 5;
        }
        System.arraycopy(s, 0, out, p, len);
        return out;
    }

    static byte[] backlen(int l) {
        if (l <= 127) {
            return new byte[] {(byte) l};
        } else if (l < 16383) {
            return new byte[] {(byte) (l >> 7), (byte) ((l & 127) | 128)};
        } else if (l < 2097151) {
            return new byte[] {(byte) (l >> 14), (byte) (((l >> 7) & 127) | 128), (byte) ((l & 127) | 128)};
        } else if (l < 268435455) {
            return new byte[] {(byte) (l >> 21), (byte) (((l >> 14) & 127) | 128), (byte) (((l >> 7) & 127) | 128),
                (byte) ((l & 127) | 128)};
        }
        return new byte[] {(byte) (l >> 28), (byte) (((l >> 21) & 127) | 128), (byte) (((l >> 14) & 127) | 128),
            (byte) (((l >> 7) & 127) | 128), (byte) ((l & 127) | 128)};
    }

    /** Redis's string2ll over the bytes, or null. */
    private static Long asLong(byte[] s) {
        int n = s.length;
        if (n == 0 || n > 20) {
            return null;
        }
        if (n == 1 && s[0] == '0') {
            return 0L;
        }
        int p = s[0] == '-' ? 1 : 0;
        if (p == n || s[p] < '1' || s[p] > '9') {
            return null;
        }
        for (int i = p; i < n; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(new String(s, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
