package io.jredis.application.script;

import io.jredis.application.script.lua.Builtin;
import io.jredis.application.script.lua.Interp;
import io.jredis.application.script.lua.Lib;
import io.jredis.application.script.lua.LuaError;
import io.jredis.application.script.lua.LuaTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Roberto Ierusalimschy's struct library as Redis bundles it (pack, unpack, size) on x86-64:
 * little-endian by default, long and size_t of 8 bytes, int of 4, no alignment unless '!'.
 * Redisson's RMapCache stores values with struct.pack('dLc0', ...).
 */
final class StructLib {

    private static final int MAXINTSIZE = 32;
    private static final int MAXALIGN = 8;

    private StructLib() {
    }

    /** The parse state of a format: endianness and alignment. */
    private static final class Header {
        boolean little = true;
        int align = 1;
    }

    private static final class Fmt {
        final String s;
        int i;

        Fmt(String s) {
            this.s = s;
        }

        boolean more() {
            return i < s.length();
        }

        int getnum(int df) {
            if (!more() || !Character.isDigit(s.charAt(i))) {
                return df;
            }
            int a = 0;
            while (more() && Character.isDigit(s.charAt(i))) {
                a = a * 10 + (s.charAt(i++) - '0');
            }
            return a;
        }
    }

    private static int optsize(char opt, Fmt f) {
        switch (opt) {
            case 'B', 'b':
                return 1;
            case 'H', 'h':
                return 2;
            case 'L', 'l', 'T':
                return 8;
            case 'f':
                return 4;
            case 'd':
                return 8;
            case 'x':
                return 1;
            case 'c':
                return f.getnum(1);
            case 'i', 'I': {
                int sz = f.getnum(4);
                if (sz > MAXINTSIZE) {
                    throw LuaError.where("integral size " + sz + " is larger than limit of " + MAXINTSIZE);
                }
                return sz;
            }
            default:
                return 0;
        }
    }

    private static int gettoalign(int len, Header h, char opt, int size) {
        if (size == 0 || opt == 'c') {
            return 0;
        }
        int align = Math.min(size, h.align);
        return (align - (len & (align - 1))) & (align - 1);
    }

    private static void controloptions(char opt, Fmt f, Header h, String fname) {
        switch (opt) {
            case ' ' -> {
            }
            case '>' -> h.little = false;
            case '<', '=' -> h.little = true;
            case '!' -> {
                int a = f.getnum(MAXALIGN);
                if (Integer.bitCount(a) != 1) {
                    throw Lib.argError(0, fname, "alignment " + a + " is not a power of 2");
                }
                h.align = a;
            }
            default -> throw Lib.argError(0, fname, "invalid format option '" + opt + "'");
        }
    }

    private static void putinteger(StringBuilder b, double n, boolean little, int size) {
        long value = n < 0 ? Interp.toLongC(n) : (n >= 0x1p63 ? new java.math.BigDecimal(n).toBigInteger().longValue()
                : (long) n);
        char[] buff = new char[size];
        for (int i = 0; i < size; i++) {
            int idx = little ? i : size - 1 - i;
            buff[idx] = i < 8 ? (char) ((value >>> (8 * i)) & 0xFF) : (char) (value < 0 ? 0xFF : 0);
        }
        b.append(buff);
    }

    private static Object[] pack(Interp in, Object[] a) {
        Fmt f = new Fmt(Lib.checkString(a, 0, "pack"));
        Header h = new Header();
        int arg = 1;
        StringBuilder b = new StringBuilder();
        while (f.more()) {
            char opt = f.s.charAt(f.i++);
            int size = optsize(opt, f);
            int toalign = gettoalign(b.length(), h, opt, size);
            for (int k = 0; k < toalign; k++) {
                b.append('\0');
            }
            switch (opt) {
                case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' ->
                        putinteger(b, Lib.checkNumber(a, arg++, "pack"), h.little, size);
                case 'x' -> b.append('\0');
                case 'f' -> putinteger(b, Float.floatToRawIntBits((float) Lib.checkNumber(a, arg++, "pack")) & 0xFFFFFFFFL,
                        h.little, 4);
                case 'd' -> {
                    long bits = Double.doubleToRawLongBits(Lib.checkNumber(a, arg++, "pack"));
                    char[] buff = new char[8];
                    for (int i = 0; i < 8; i++) {
                        buff[h.little ? i : 7 - i] = (char) ((bits >>> (8 * i)) & 0xFF);
                    }
                    b.append(buff);
                }
                case 'c', 's' -> {
                    String s = Lib.checkString(a, arg, "pack");
                    int l = s.length();
                    if (size == 0) {
                        size = l;
                    }
                    if (l < size) {
                        throw Lib.argError(arg, "pack", "string too short");
                    }
                    b.append(s, 0, opt == 's' ? l : size);
                    if (opt == 's') {
                        if (s.indexOf('\0') >= 0) {
                            throw Lib.argError(arg, "pack", "string contains zeros");
                        }
                        b.append('\0');
                    }
                    arg++;
                }
                default -> controloptions(opt, f, h, "pack");
            }
        }
        return Lib.one(b.toString());
    }

    private static double getinteger(String s, int pos, boolean little, boolean signed, int size) {
        long l = 0;
        for (int i = 0; i < size; i++) {
            int idx = little ? size - 1 - i : i;
            l = (l << 8) | (s.charAt(pos + idx) & 0xFF);
        }
        if (signed) {
            if (size < 8) {
                long mask = 1L << (size * 8 - 1);
                l = (l ^ mask) - mask;
            }
            return (double) l;
        }
        return l >= 0 ? (double) l : (double) (l >>> 1) * 2 + (l & 1);
    }

    private static Object[] unpack(Interp in, Object[] a) {
        Fmt f = new Fmt(Lib.checkString(a, 0, "unpack"));
        String data = Lib.checkString(a, 1, "unpack");
        int ld = data.length();
        long init = Lib.optInt(a, 2, "unpack", 1);
        if (init <= 0) {
            throw Lib.argError(2, "unpack", "offset must be 1 or greater");
        }
        int pos = (int) init - 1;
        Header h = new Header();
        List<Object> out = new ArrayList<>();
        while (f.more()) {
            char opt = f.s.charAt(f.i++);
            int size = optsize(opt, f);
            pos += gettoalign(pos, h, opt, size);
            if (pos + size > ld) {
                throw Lib.argError(1, "unpack", "data string too short");
            }
            switch (opt) {
                case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' ->
                        out.add(getinteger(data, pos, h.little, Character.isLowerCase(opt), size));
                case 'x' -> {
                }
                case 'f' -> out.add((double) Float.intBitsToFloat((int) (long) getinteger(data, pos, h.little, false, 4)));
                case 'd' -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        int idx = h.little ? 7 - i : i;
                        bits = (bits << 8) | (data.charAt(pos + idx) & 0xFF);
                    }
                    out.add(Double.longBitsToDouble(bits));
                }
                case 'c' -> {
                    if (size == 0) {
                        if (out.isEmpty() || !(out.get(out.size() - 1) instanceof Double d)) {
                            throw LuaError.where("format 'c0' needs a previous size");
                        }
                        size = (int) d.doubleValue();
                        out.remove(out.size() - 1);
                        if (pos + size > ld) {
                            throw Lib.argError(1, "unpack", "data string too short");
                        }
                    }
                    out.add(data.substring(pos, pos + size));
                }
                case 's' -> {
                    int e = data.indexOf('\0', pos);
                    if (e < 0) {
                        throw LuaError.where("unfinished string in data");
                    }
                    size = e - pos + 1;
                    out.add(data.substring(pos, e));
                }
                default -> controloptions(opt, f, h, "unpack");
            }
            pos += size;
        }
        out.add((double) pos + 1);
        return out.toArray();
    }

    private static Object[] size(Interp in, Object[] a) {
        Fmt f = new Fmt(Lib.checkString(a, 0, "size"));
        Header h = new Header();
        int pos = 0;
        while (f.more()) {
            char opt = f.s.charAt(f.i++);
            int size = optsize(opt, f);
            pos += gettoalign(pos, h, opt, size);
            if (opt == 's') {
                throw Lib.argError(0, "size", "options 'c0' - 's' have undefined sizes");
            } else if (opt == 'c' && size == 0) {
                throw Lib.argError(0, "size", "options 'c0' - 's' have undefined sizes");
            }
            if (size == 0 && "bBhHlLTiIfdxc".indexOf(opt) < 0) {
                controloptions(opt, f, h, "size");
            }
            pos += size;
        }
        return Lib.one((double) pos);
    }

    static void install(Interp in) {
        LuaTable s = new LuaTable();
        s.set("pack", new Builtin("pack", StructLib::pack));
        s.set("unpack", new Builtin("unpack", StructLib::unpack));
        s.set("size", new Builtin("size", StructLib::size));
        in.globals.set("struct", s);
    }
}
