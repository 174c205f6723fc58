package io.jredis.application.script;

import io.jredis.application.script.lua.Builtin;
import io.jredis.application.script.lua.Interp;
import io.jredis.application.script.lua.Lib;
import io.jredis.application.script.lua.LuaTable;

/** LuaBitOp ("bit"), as Redis bundles it: 32-bit operations on numbers. */
final class BitLib {

    private BitLib() {
    }

    /** LuaBitOp's tobit: the number modulo 2^32 as a signed 32-bit value. */
    static int tobit(Object[] a, int i, String fname) {
        double d = Lib.checkNumber(a, i, fname);
        double t = d + 6755399441055744.0; // 2^52 + 2^51: the low 32 bits land in the mantissa
        return (int) Double.doubleToRawLongBits(t);
    }

    static void install(Interp in) {
        LuaTable b = new LuaTable();
        b.set("tobit", new Builtin("tobit", (i, a) -> Lib.one((double) tobit(a, 0, "tobit"))));
        b.set("bnot", new Builtin("bnot", (i, a) -> Lib.one((double) ~tobit(a, 0, "bnot"))));
        b.set("band", new Builtin("band", (i, a) -> {
            int r = tobit(a, 0, "band");
            for (int k = 1; k < a.length; k++) {
                r &= tobit(a, k, "band");
            }
            return Lib.one((double) r);
        }));
        b.set("bor", new Builtin("bor", (i, a) -> {
            int r = tobit(a, 0, "bor");
            for (int k = 1; k < a.length; k++) {
                r |= tobit(a, k, "bor");
            }
            return Lib.one((double) r);
        }));
        b.set("bxor", new Builtin("bxor", (i, a) -> {
            int r = tobit(a, 0, "bxor");
            for (int k = 1; k < a.length; k++) {
                r ^= tobit(a, k, "bxor");
            }
            return Lib.one((double) r);
        }));
        b.set("lshift", new Builtin("lshift", (i, a) ->
                Lib.one((double) (tobit(a, 0, "lshift") << (tobit(a, 1, "lshift") & 31)))));
        b.set("rshift", new Builtin("rshift", (i, a) ->
                Lib.one((double) (tobit(a, 0, "rshift") >>> (tobit(a, 1, "rshift") & 31)))));
        b.set("arshift", new Builtin("arshift", (i, a) ->
                Lib.one((double) (tobit(a, 0, "arshift") >> (tobit(a, 1, "arshift") & 31)))));
        b.set("rol", new Builtin("rol", (i, a) ->
                Lib.one((double) Integer.rotateLeft(tobit(a, 0, "rol"), tobit(a, 1, "rol") & 31))));
        b.set("ror", new Builtin("ror", (i, a) ->
                Lib.one((double) Integer.rotateRight(tobit(a, 0, "ror"), tobit(a, 1, "ror") & 31))));
        b.set("bswap", new Builtin("bswap", (i, a) -> Lib.one((double) Integer.reverseBytes(tobit(a, 0, "bswap")))));
        b.set("tohex", new Builtin("tohex", (i, a) -> {
            int x = tobit(a, 0, "tohex");
            int n = a.length > 1 && a[1] != null ? tobit(a, 1, "tohex") : 8;
            boolean upper = n < 0;
            if (n < 0) {
                n = -n;
            }
            if (n > 8) {
                n = 8;
            }
            String h = String.format("%08x", x);
            h = h.substring(8 - n);
            return Lib.one(upper ? h.toUpperCase() : h);
        }));
        in.globals.set("bit", b);
    }
}
