package io.jredis.application.script.lua;

import static io.jredis.application.script.lua.Lib.*;

/** Lua 5.1's base library as Redis keeps it (no dofile, loadfile, print to a file). */
final class Base {

    private Base() {
    }

    static final Builtin NEXT = new Builtin("next", (in, a) -> {
        LuaTable t = checkTable(a, 0, "next");
        Object[] kv = t.next(arg(a, 1));
        return kv == null ? new Object[] {null} : kv;
    });

    private static final Builtin IPAIRS_ITER = new Builtin("ipairs_iter", (in, a) -> {
        double i = (Double) a[1] + 1;
        Object v = a[0] instanceof LuaTable t ? t.get((int) i) : in.index(a[0], i, null);
        return v == null ? new Object[] {null} : new Object[] {i, v};
    });

    static void install(Interp in) {
        LuaTable g = in.globals;
        g.set("_G", g);
        g.set("_VERSION", "Lua 5.1");
        g.set("next", NEXT);
        register(g, "pairs", (i, a) -> new Object[] {NEXT, checkTable(a, 0, "pairs"), null});
        register(g, "ipairs", (i, a) -> {
            checkTable(a, 0, "ipairs");
            return new Object[] {IPAIRS_ITER, a[0], 0.0};
        });
        register(g, "type", (i, a) -> {
            checkAny(a, 0, "type");
            return one(Interp.typeName(a[0]));
        });
        register(g, "tostring", (i, a) -> {
            checkAny(a, 0, "tostring");
            return one(i.tostring(a[0]));
        });
        register(g, "tonumber", (i, a) -> {
            long base = optInt(a, 1, "tonumber", 10);
            if (base == 10) {
                checkAny(a, 0, "tonumber");
                return one(Interp.toNumber(a[0]));
            }
            String s = checkString(a, 0, "tonumber").strip().toLowerCase();
            if (base < 2 || base > 36) {
                throw argError(1, "tonumber", "base out of range");
            }
            boolean neg = s.startsWith("-");
            if (neg) {
                s = s.substring(1);
            }
            if (s.isEmpty()) {
                return one(null);
            }
            double v = 0;
            for (int k = 0; k < s.length(); k++) {
                int d = Character.digit(s.charAt(k), (int) base);
                if (d < 0) {
                    return one(null);
                }
                v = v * base + d;
            }
            return one(neg ? -v : v);
        });
        register(g, "rawget", (i, a) -> one(checkTable(a, 0, "rawget").get(arg(a, 1))));
        register(g, "rawset", (i, a) -> {
            LuaTable t = checkTable(a, 0, "rawset");
            checkAny(a, 1, "rawset");
            checkAny(a, 2, "rawset");
            Interp.rawSet(t, a[1], a[2]);
            return one(t);
        });
        register(g, "rawequal", (i, a) -> {
            checkAny(a, 0, "rawequal");
            checkAny(a, 1, "rawequal");
            Object x = a[0];
            Object y = a[1];
            boolean eq = x == y || x instanceof Double dx && y instanceof Double dy && dx.doubleValue() == dy
                    || x instanceof String sx && sx.equals(y);
            return one(eq);
        });
        register(g, "setmetatable", (i, a) -> {
            LuaTable t = checkTable(a, 0, "setmetatable");
            Object m = arg(a, 1);
            if (m != null && !(m instanceof LuaTable)) {
                throw argError(1, "setmetatable", "nil or table expected");
            }
            if (t.metatable != null && t.metatable.get("__metatable") != null) {
                throw LuaError.where("cannot change a protected metatable");
            }
            if (t.readonly) {
                throw new LuaError("Attempt to modify a readonly table");
            }
            t.metatable = (LuaTable) m;
            return one(t);
        });
        register(g, "getmetatable", (i, a) -> {
            checkAny(a, 0, "getmetatable");
            LuaTable mt = i.metatableOf(a[0]);
            if (mt == null) {
                return one(null);
            }
            Object protectedMt = mt.get("__metatable");
            return one(protectedMt != null ? protectedMt : mt);
        });
        register(g, "assert", (i, a) -> {
            checkAny(a, 0, "assert");
            if (!Interp.truthy(a[0])) {
                throw LuaError.where(a.length > 1 && a[1] != null ? i.tostring(a[1]) : "assertion failed!");
            }
            return a;
        });
        register(g, "error", (i, a) -> {
            Object v = arg(a, 0);
            long level = optInt(a, 1, "error", 1);
            LuaError e = new LuaError(v);
            boolean text = v instanceof String || v instanceof Double;
            if (text && level == 1) {
                e.addWhere = true;
            } else if (text && level > 1) {
                int line = i.callLine((int) level);
                if (line > 0) {
                    e.value = Interp.CHUNK + ":" + line + ": " + Interp.rawToString(v);
                }
            }
            throw e;
        });
        register(g, "pcall", (i, a) -> {
            checkAny(a, 0, "pcall");
            Object[] rest = new Object[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            int depth = i.depth;
            try {
                Object[] r = i.call(a[0], rest);
                Object[] out = new Object[r.length + 1];
                out[0] = Boolean.TRUE;
                System.arraycopy(r, 0, out, 1, r.length);
                return out;
            } catch (LuaError e) {
                if (e.uncatchable) {
                    throw e;
                }
                i.depth = depth;
                if (e.addWhere && e.value instanceof String s) {
                    // raised by a library function pcall called directly: no Lua caller to name
                    e.addWhere = false;
                    e.value = s.replaceFirst("^(bad argument #\\d+ to )'[^']*'", "$1'?'");
                }
                // Redis 7.0 wraps pcall: an error table from redis.call is caught as its err string
                if (e.value instanceof LuaTable t && t.get("err") instanceof String err) {
                    return new Object[] {Boolean.FALSE, err};
                }
                return new Object[] {Boolean.FALSE, e.value};
            } catch (StackOverflowError e) {
                i.depth = depth;
                return new Object[] {Boolean.FALSE, "stack overflow"};
            }
        });
        register(g, "xpcall", (i, a) -> {
            checkAny(a, 1, "xpcall");
            int depth = i.depth;
            try {
                Object[] r = i.call(a[0]);
                Object[] out = new Object[r.length + 1];
                out[0] = Boolean.TRUE;
                System.arraycopy(r, 0, out, 1, r.length);
                return out;
            } catch (LuaError e) {
                if (e.uncatchable) {
                    throw e;
                }
                i.depth = depth;
                Object[] h = i.call(a[1], e.value);
                return new Object[] {Boolean.FALSE, h.length > 0 ? h[0] : null};
            }
        });
        register(g, "select", (i, a) -> {
            Object n = arg(a, 0);
            if ("#".equals(n)) {
                return one((double) (a.length - 1));
            }
            long k = checkInt(a, 0, "select");
            if (k < 0) {
                k = a.length + k;
            } else if (k == 0) {
                throw argError(0, "select", "index out of range");
            }
            if (k < 0) {
                throw argError(0, "select", "index out of range");
            }
            if (k >= a.length) {
                return Interp.NONE;
            }
            Object[] out = new Object[a.length - (int) k];
            System.arraycopy(a, (int) k, out, 0, out.length);
            return out;
        });
        Builtin unpack = new Builtin("unpack", (i, a) -> {
            LuaTable t = checkTable(a, 0, "unpack");
            long from = optInt(a, 1, "unpack", 1);
            long to = arg(a, 2) == null ? t.length() : checkInt(a, 2, "unpack");
            if (from > to) {
                return Interp.NONE;
            }
            if (to - from >= 8000) {
                throw LuaError.where("too many results to unpack");
            }
            Object[] out = new Object[(int) (to - from + 1)];
            for (int k = 0; k < out.length; k++) {
                out[k] = t.get((int) (from + k));
            }
            return out;
        });
        g.set("unpack", unpack);
        register(g, "loadstring", (i, a) -> {
            String src = checkString(a, 0, "loadstring");
            try {
                int len = 0;
                while (len < src.length() && src.charAt(len) != '\n' && src.charAt(len) != '\r') {
                    len++;
                }
                String chunk = len > 43 || len < src.length()
                        ? "[string \"" + src.substring(0, Math.min(len, 43)) + "...\"]"
                        : "[string \"" + src + "\"]";
                return one(i.load(src, chunk));
            } catch (LuaError e) {
                return new Object[] {null, e.value};
            }
        });
        register(g, "load", (i, a) -> {
            if (!(arg(a, 0) instanceof LuaFunction)) {
                throw typeError(a, 0, "load", "function");
            }
            String chunk = optString(a, 1, "load", "=(load)");
            StringBuilder src = new StringBuilder();
            while (true) {
                Object[] piece = i.call(a[0]);
                Object p = piece.length > 0 ? piece[0] : null;
                if (p == null || p instanceof String s && s.isEmpty()) {
                    break;
                }
                if (!(p instanceof String) && !(p instanceof Double)) {
                    return new Object[] {null, "reader function must return a string"};
                }
                src.append(Interp.str(p));
            }
            try {
                return one(i.load(src.toString(), chunk.startsWith("=") ? chunk.substring(1) : chunk));
            } catch (LuaError e) {
                return new Object[] {null, e.value};
            }
        });
        register(g, "gcinfo", (i, a) -> one(0.0));
        register(g, "collectgarbage", (i, a) -> one(0.0));
    }
}
