package io.jredis.adapter.replication.rdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoders for Redis's compact in-memory encodings as they appear inside RDB strings: listpack,
 * ziplist, intset and zipmap. Each yields its elements in order, integers as their decimal
 * text (as Redis hands them out). Malformed input throws {@link IllegalArgumentException}.
 */
final class PackedEncodings {

    private PackedEncodings() {
    }

    static List<byte[]> listpack(byte[] lp) {
        check(lp.length >= 7, "listpack too short");
        long total = le(lp, 0, 4);
        check(total == lp.length, "listpack header says " + total + " bytes, blob has " + lp.length);
        List<byte[]> out = new ArrayList<>();
        int p = 6;
        while (true) {
            check(p < lp.length, "listpack has no terminator");
            int b = lp[p] & 0xff;
            if (b == 0xff) {
                check(p == lp.length - 1, "listpack terminator before its end");
                break;
            }
            int start = p;
            if ((b & 0x80) == 0) {
                out.add(num(b & 0x7f));
                p += 1;
            } else if ((b & 0xc0) == 0x80) {
                int len = b & 0x3f;
                out.add(slice(lp, p + 1, len));
                p += 1 + len;
            } else if ((b & 0xe0) == 0xc0) {
                check(p + 1 < lp.length, "listpack entry truncated");
                int v = ((b & 0x1f) << 8) | (lp[p + 1] & 0xff);
                if (v >= 1 << 12) {
                    v -= 1 << 13;
                }
                out.add(num(v));
                p += 2;
            } else if ((b & 0xf0) == 0xe0) {
                check(p + 1 < lp.length, "listpack entry truncated");
                int len = ((b & 0x0f) << 8) | (lp[p + 1] & 0xff);
                out.add(slice(lp, p + 2, len));
                p += 2 + len;
            } else {
                switch (b) {
                    case 0xf0 -> {
                        int len = (int) le(lp, p + 1, 4);
                        check(len >= 0, "listpack string length too large");
                        out.add(slice(lp, p + 5, len));
                        p += 5 + len;
                    }
                    case 0xf1 -> {
                        out.add(num((short) le(lp, p + 1, 2)));
                        p += 3;
                    }
                    case 0xf2 -> {
                        out.add(num(((int) (le(lp, p + 1, 3) << 8)) >> 8));
                        p += 4;
                    }
                    case 0xf3 -> {
                        out.add(num((int) le(lp, p + 1, 4)));
                        p += 5;
                    }
                    case 0xf4 -> {
                        out.add(num(le(lp, p + 1, 8)));
                        p += 9;
                    }
                    default -> throw new IllegalArgumentException("unknown listpack entry encoding 0x"
                            + Integer.toHexString(b));
                }
            }
            p += backlenSize(p - start);
        }
        int count = (int) le(lp, 4, 2);
        check(count == 0xffff || count == out.size(), "listpack header says " + count + " elements, found "
                + out.size());
        return out;
    }

    private static int backlenSize(int l) {
        if (l <= 127) {
            return 1;
        }
        if (l < 16383) {
            return 2;
        }
        if (l < 2097151) {
            return 3;
        }
        if (l < 268435455) {
            return 4;
        }
        return 5;
    }

    static List<byte[]> ziplist(byte[] zl) {
        check(zl.length >= 11, "ziplist too short");
        long total = le(zl, 0, 4);
        check(total == zl.length, "ziplist header says " + total + " bytes, blob has " + zl.length);
        List<byte[]> out = new ArrayList<>();
        int p = 10;
        while (true) {
            check(p < zl.length, "ziplist has no terminator");
            if ((zl[p] & 0xff) == 0xff) {
                check(p == zl.length - 1, "ziplist terminator before its end");
                break;
            }
            p += (zl[p] & 0xff) < 254 ? 1 : 5; // prevlen
            check(p < zl.length, "ziplist entry truncated");
            int b = zl[p] & 0xff;
            switch (b >>> 6) {
                case 0 -> {
                    int len = b & 0x3f;
                    out.add(slice(zl, p + 1, len));
                    p += 1 + len;
                }
                case 1 -> {
                    check(p + 1 < zl.length, "ziplist entry truncated");
                    int len = ((b & 0x3f) << 8) | (zl[p + 1] & 0xff);
                    out.add(slice(zl, p + 2, len));
                    p += 2 + len;
                }
                case 2 -> {
                    check(p + 4 < zl.length, "ziplist entry truncated");
                    long len = ((long) (zl[p + 1] & 0xff) << 24) | ((zl[p + 2] & 0xff) << 16)
                            | ((zl[p + 3] & 0xff) << 8) | (zl[p + 4] & 0xff);
                    check(len < Integer.MAX_VALUE, "ziplist string length too large");
                    out.add(slice(zl, p + 5, (int) len));
                    p += 5 + (int) len;
                }
                default -> {
                    switch (b) {
                        case 0xc0 -> {
                            out.add(num((short) le(zl, p + 1, 2)));
                            p += 3;
                        }
                        case 0xd0 -> {
                            out.add(num((int) le(zl, p + 1, 4)));
                            p += 5;
                        }
                        case 0xe0 -> {
                            out.add(num(le(zl, p + 1, 8)));
                            p += 9;
                        }
                        case 0xf0 -> {
                            out.add(num(((int) (le(zl, p + 1, 3) << 8)) >> 8));
                            p += 4;
                        }
                        case 0xfe -> {
                            check(p + 1 < zl.length, "ziplist entry truncated");
                            out.add(num(zl[p + 1]));
                            p += 2;
                        }
                        default -> {
                            int imm = b & 0x0f;
                            check((b & 0xf0) == 0xf0 && imm >= 1 && imm <= 13,
                                    "unknown ziplist entry encoding 0x" + Integer.toHexString(b));
                            out.add(num(imm - 1));
                            p += 1;
                        }
                    }
                }
            }
        }
        return out;
    }

    static List<byte[]> intset(byte[] is) {
        check(is.length >= 8, "intset too short");
        int width = (int) le(is, 0, 4);
        long count = le(is, 4, 4);
        check(width == 2 || width == 4 || width == 8, "intset has invalid encoding " + width);
        check(8 + count * width == is.length, "intset of " + count + " elements has " + is.length + " bytes");
        List<byte[]> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long v = le(is, 8 + i * width, width);
            v = switch (width) {
                case 2 -> (short) v;
                case 4 -> (int) v;
                default -> v;
            };
            out.add(num(v));
        }
        return out;
    }

    /** Redis 2.x's hash encoding: alternating keys and values. */
    static List<byte[]> zipmap(byte[] zm) {
        check(zm.length >= 2, "zipmap too short");
        List<byte[]> out = new ArrayList<>();
        int p = 1;
        boolean isKey = true;
        while (true) {
            check(p < zm.length, "zipmap has no terminator");
            int b = zm[p] & 0xff;
            if (b == 0xff) {
                check(isKey, "zipmap ends after a key");
                break;
            }
            int len;
            if (b < 254) {
                len = b;
                p += 1;
            } else {
                check(b == 254, "invalid zipmap length");
                len = (int) le(zm, p + 1, 4);
                p += 5;
            }
            int free = 0;
            if (!isKey) {
                check(p < zm.length, "zipmap entry truncated");
                free = zm[p] & 0xff;
                p += 1;
            }
            out.add(slice(zm, p, len));
            p += len + free;
            isKey = !isKey;
        }
        return out;
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static long le(byte[] b, int off, int n) {
        check(off >= 0 && off + n <= b.length, "entry runs past the end of its blob");
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= ((long) (b[off + i] & 0xff)) << (8 * i);
        }
        return v;
    }

    private static byte[] slice(byte[] b, int off, int len) {
        check(len >= 0 && off + len <= b.length, "entry runs past the end of its blob");
        return java.util.Arrays.copyOfRange(b, off, off + len);
    }

    static byte[] num(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    static long parseLong(byte[] b) {
        return Long.parseLong(new String(b, StandardCharsets.US_ASCII));
    }
}
