package io.jredis.application.script;

import io.jredis.application.script.lua.Builtin;
import io.jredis.application.script.lua.Interp;
import io.jredis.application.script.lua.Lib;
import io.jredis.application.script.lua.LuaError;
import io.jredis.application.script.lua.LuaTable;

import java.util.ArrayList;
import java.util.List;

/** lua-cmsgpack 0.4 ("cmsgpack") as Redis bundles it: pack, unpack, unpack_one, unpack_limit. */
final class CmsgpackLib {

    private static final int MAX_NESTING = 16;

    private CmsgpackLib() {
    }

    static void install(Interp in) {
        LuaTable m = new LuaTable();
        m.set("_NAME", "cmsgpack");
        m.set("_VERSION", "lua-cmsgpack 0.4.0");
        m.set("pack", new Builtin("pack", (i, a) -> {
            if (a.length == 0) {
                throw LuaError.where("MessagePack pack needs input.");
            }
            StringBuilder b = new StringBuilder();
            for (Object v : a) {
                encode(b, v, 0);
            }
            return Lib.one(b.toString());
        }));
        m.set("unpack", new Builtin("unpack", (i, a) -> unpack(a, "unpack", 0, 0, false)));
        m.set("unpack_one", new Builtin("unpack_one", (i, a) -> unpack(a, "unpack_one", 1, 1, true)));
        m.set("unpack_limit", new Builtin("unpack_limit", (i, a) -> unpack(a, "unpack_limit", 2, 1, true)));
        in.globals.set("cmsgpack", m);
    }

    // ---------------------------------------------------------------- encode

    private static void bytes(StringBuilder b, long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            b.append((char) ((v >>> (8 * i)) & 0xFF));
        }
    }

    private static void encode(StringBuilder b, Object v, int level) {
        if (v instanceof String s) {
            int len = s.length();
            if (len < 32) {
                b.append((char) (0xa0 | len));
            } else if (len <= 0xff) {
                b.append((char) 0xd9);
                bytes(b, len, 1);
            } else if (len <= 0xffff) {
                b.append((char) 0xda);
                bytes(b, len, 2);
            } else {
                b.append((char) 0xdb);
                bytes(b, len, 4);
            }
            b.append(s);
        } else if (v instanceof Boolean bo) {
            b.append((char) (bo ? 0xc3 : 0xc2));
        } else if (v instanceof Double d) {
            double x = d;
            if (x == (long) x && !Double.isInfinite(x) && Math.abs(x) < 0x1p63) {
                integer(b, (long) x);
            } else if ((double) (float) x == x || Double.isNaN(x)) {
                b.append((char) 0xca);
                bytes(b, Float.floatToRawIntBits((float) x) & 0xFFFFFFFFL, 4);
            } else {
                b.append((char) 0xcb);
                bytes(b, Double.doubleToRawLongBits(x), 8);
            }
        } else if (v instanceof LuaTable t && level < MAX_NESTING) {
            int n = arrayLength(t);
            if (n >= 0) {
                header(b, n, 0x90, 0xdc, 0xdd);
                for (int k = 1; k <= n; k++) {
                    encode(b, t.get(k), level + 1);
                }
            } else {
                int count = 0;
                for (Object[] kv = t.next(null); kv != null; kv = t.next(kv[0])) {
                    count++;
                }
                header(b, count, 0x80, 0xde, 0xdf);
                for (Object[] kv = t.next(null); kv != null; kv = t.next(kv[0])) {
                    encode(b, kv[0], level + 1);
                    encode(b, kv[1], level + 1);
                }
            }
        } else {
            b.append((char) 0xc0); // nil, functions, too deep
        }
    }

    private static void header(StringBuilder b, int n, int fix, int c16, int c32) {
        if (n <= 15) {
            b.append((char) (fix | n));
        } else if (n <= 0xffff) {
            b.append((char) c16);
            bytes(b, n, 2);
        } else {
            b.append((char) c32);
            bytes(b, n, 4);
        }
    }

    private static void integer(StringBuilder b, long n) {
        if (n >= 0) {
            if (n <= 127) {
                b.append((char) n);
            } else if (n <= 0xff) {
                b.append((char) 0xcc);
                bytes(b, n, 1);
            } else if (n <= 0xffff) {
                b.append((char) 0xcd);
                bytes(b, n, 2);
            } else if (n <= 0xffffffffL) {
                b.append((char) 0xce);
                bytes(b, n, 4);
            } else {
                b.append((char) 0xcf);
                bytes(b, n, 8);
            }
        } else if (n >= -32) {
            b.append((char) (n & 0xff));
        } else if (n >= -128) {
            b.append((char) 0xd0);
            bytes(b, n, 1);
        } else if (n >= -32768) {
            b.append((char) 0xd1);
            bytes(b, n, 2);
        } else if (n >= -2147483648L) {
            b.append((char) 0xd2);
            bytes(b, n, 4);
        } else {
            b.append((char) 0xd3);
            bytes(b, n, 8);
        }
    }

    /** table_is_an_array: only positive integer keys, and as many as the largest one. */
    private static int arrayLength(LuaTable t) {
        long count = 0;
        double max = 0;
        for (Object[] kv = t.next(null); kv != null; kv = t.next(kv[0])) {
            if (!(kv[0] instanceof Double d) || d <= 0 || d != Math.floor(d)) {
                return -1;
            }
            max = Math.max(max, d);
            count++;
        }
        return max == count ? (int) count : -1;
    }

    // ---------------------------------------------------------------- decode

    private static Object[] unpack(Object[] a, String fname, int limitArg, int offsetArg, boolean withOffset) {
        String s = Lib.checkString(a, 0, fname);
        long limit = limitArg == 2 ? Lib.optInt(a, 1, fname, 0) : withOffset ? 1 : 0;
        long offset = withOffset ? Lib.optInt(a, limitArg == 2 ? 2 : 1, fname, 0) : 0;
        if (offset < 0 || offset > s.length()) {
            throw LuaError.where("Start offset " + offset + " greater than input length " + s.length() + ".");
        }
        int[] pos = {(int) offset};
        List<Object> out = new ArrayList<>();
        while (pos[0] < s.length() && (limit <= 0 || out.size() < limit)) {
            out.add(decode(s, pos));
        }
        if (withOffset) {
            out.add(0, pos[0] >= s.length() ? -1.0 : (double) pos[0]);
        }
        return out.toArray();
    }

    private static long read(String s, int[] pos, int n) {
        if (pos[0] + n > s.length()) {
            throw LuaError.where("Missing bytes in input.");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (s.charAt(pos[0]++) & 0xFF);
        }
        return v;
    }

    private static String str(String s, int[] pos, long len) {
        if (pos[0] + len > s.length()) {
            throw LuaError.where("Missing bytes in input.");
        }
        String r = s.substring(pos[0], pos[0] + (int) len);
        pos[0] += (int) len;
        return r;
    }

    private static Object decode(String s, int[] pos) {
        int c = (int) read(s, pos, 1);
        if (c <= 0x7f) {
            return (double) c;
        }
        if (c >= 0xe0) {
            return (double) (byte) c;
        }
        if ((c & 0xe0) == 0xa0) {
            return str(s, pos, c & 0x1f);
        }
        if ((c & 0xf0) == 0x90) {
            return array(s, pos, c & 0x0f);
        }
        if ((c & 0xf0) == 0x80) {
            return map(s, pos, c & 0x0f);
        }
        return switch (c) {
            case 0xc0 -> null;
            case 0xc2 -> Boolean.FALSE;
            case 0xc3 -> Boolean.TRUE;
            case 0xcc -> (double) read(s, pos, 1);
            case 0xcd -> (double) read(s, pos, 2);
            case 0xce -> (double) read(s, pos, 4);
            case 0xcf -> {
                long v = read(s, pos, 8);
                yield v >= 0 ? (double) v : (double) (v >>> 1) * 2 + (v & 1);
            }
            case 0xd0 -> (double) (byte) read(s, pos, 1);
            case 0xd1 -> (double) (short) read(s, pos, 2);
            case 0xd2 -> (double) (int) read(s, pos, 4);
            case 0xd3 -> (double) read(s, pos, 8);
            case 0xca -> (double) Float.intBitsToFloat((int) read(s, pos, 4));
            case 0xcb -> Double.longBitsToDouble(read(s, pos, 8));
            case 0xd9, 0xc4 -> str(s, pos, read(s, pos, 1));
            case 0xda, 0xc5 -> str(s, pos, read(s, pos, 2));
            case 0xdb, 0xc6 -> str(s, pos, read(s, pos, 4));
            case 0xdc -> array(s, pos, read(s, pos, 2));
            case 0xdd -> array(s, pos, read(s, pos, 4));
            case 0xde -> map(s, pos, read(s, pos, 2));
            case 0xdf -> map(s, pos, read(s, pos, 4));
            default -> throw LuaError.where("Bad data format in input.");
        };
    }

    private static LuaTable array(String s, int[] pos, long n) {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= n; i++) {
            t.set(i, decode(s, pos));
        }
        return t;
    }

    private static LuaTable map(String s, int[] pos, long n) {
        LuaTable t = new LuaTable();
        for (long i = 0; i < n; i++) {
            Object k = decode(s, pos);
            Object v = decode(s, pos);
            if (k != null) {
                Interp.rawSet(t, k, v);
            }
        }
        return t;
    }
}
