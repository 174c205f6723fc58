package io.jredis.application.script.lua;

/** Argument checks with the texts of Lua 5.1's lauxlib. */
public final class Lib {

    private Lib() {
    }

    public static Object arg(Object[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    public static LuaError argError(int i, String fname, String msg) {
        return LuaError.where("bad argument #" + (i + 1) + " to '" + fname + "' (" + msg + ")");
    }

    static LuaError typeError(Object[] a, int i, String fname, String expected) {
        String got = i < a.length ? Interp.typeName(a[i]) : "no value";
        return argError(i, fname, expected + " expected, got " + got);
    }

    public static String checkString(Object[] a, int i, String fname) {
        Object v = arg(a, i);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return Interp.numberToString(d);
        }
        throw typeError(a, i, fname, "string");
    }

    public static String optString(Object[] a, int i, String fname, String def) {
        return arg(a, i) == null ? def : checkString(a, i, fname);
    }

    public static double checkNumber(Object[] a, int i, String fname) {
        Double d = Interp.toNumber(arg(a, i));
        if (d == null) {
            throw typeError(a, i, fname, "number");
        }
        return d;
    }

    /** luaL_checkint: the number truncated toward zero. */
    public static long checkInt(Object[] a, int i, String fname) {
        return (long) checkNumber(a, i, fname);
    }

    public static long optInt(Object[] a, int i, String fname, long def) {
        return arg(a, i) == null ? def : checkInt(a, i, fname);
    }

    public static LuaTable checkTable(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaTable t) {
            return t;
        }
        throw typeError(a, i, fname, "table");
    }

    public static void checkAny(Object[] a, int i, String fname) {
        if (i >= a.length) {
            throw argError(i, fname, "value expected");
        }
    }

    public static Object[] one(Object v) {
        return new Object[] {v};
    }

    static void register(LuaTable t, String name, Builtin.Body body) {
        t.set(name, new Builtin(name, body));
    }
}
