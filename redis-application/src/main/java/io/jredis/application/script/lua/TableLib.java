package io.jredis.application.script.lua;

import static io.jredis.application.script.lua.Lib.*;

/** Lua 5.1's table library. */
final class TableLib {

    private TableLib() {
    }

    static void install(Interp in) {
        LuaTable t = new LuaTable();
        register(t, "getn", (i, a) -> one((double) checkTable(a, 0, "getn").length()));
        register(t, "maxn", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "maxn");
            double max = 0;
            Object[] kv = tab.next(null);
            while (kv != null) {
                if (kv[0] instanceof Double d && d > max) {
                    max = d;
                }
                kv = tab.next(kv[0]);
            }
            return one(max);
        });
        register(t, "insert", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "insert");
            int e = tab.length() + 1;
            switch (a.length) {
                case 2 -> Interp.rawSet(tab, (double) e, a[1]);
                case 3 -> {
                    long pos = checkInt(a, 1, "insert");
                    if (pos > e) {
                        e = (int) pos;
                    }
                    for (int k = e; k > pos; k--) {
                        tab.set(k, tab.get(k - 1));
                    }
                    Interp.rawSet(tab, (double) pos, a[2]);
                }
                default -> throw LuaError.where("wrong number of arguments to 'insert'");
            }
            return Interp.NONE;
        });
        register(t, "remove", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "remove");
            int e = tab.length();
            long pos = optInt(a, 1, "remove", e);
            if (e == 0) {
                return Interp.NONE;
            }
            Object v = tab.get((int) pos);
            for (long k = pos; k < e; k++) {
                tab.set((int) k, tab.get((int) k + 1));
            }
            tab.set(e, null);
            return one(v);
        });
        register(t, "concat", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "concat");
            String sep = optString(a, 1, "concat", "");
            long from = optInt(a, 2, "concat", 1);
            long to = arg(a, 3) == null ? tab.length() : checkInt(a, 3, "concat");
            StringBuilder b = new StringBuilder();
            for (long k = from; k <= to; k++) {
                Object v = tab.get((int) k);
                if (!(v instanceof String) && !(v instanceof Double)) {
                    throw LuaError.where("invalid value (" + Interp.typeName(v) + ") at index " + k
                            + " in table for 'concat'");
                }
                b.append(Interp.str(v));
                if (k != to) {
                    b.append(sep);
                }
            }
            return one(b.toString());
        });
        register(t, "sort", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "sort");
            int n = tab.length();
            Object cmp = arg(a, 1);
            if (cmp != null && !(cmp instanceof LuaFunction)) {
                throw typeError(a, 1, "sort", "function");
            }
            Object[] items = new Object[n];
            for (int k = 0; k < n; k++) {
                items[k] = tab.get(k + 1);
            }
            java.util.Comparator<Object> c = cmp == null
                    ? (x, y) -> i.lt(x, y) ? -1 : i.lt(y, x) ? 1 : 0
                    : (x, y) -> Interp.truthy(first(i.call(cmp, x, y))) ? -1
                            : Interp.truthy(first(i.call(cmp, y, x))) ? 1 : 0;
            try {
                java.util.Arrays.sort(items, c);
            } catch (IllegalArgumentException e) {
                throw LuaError.where("invalid order function for sorting");
            }
            for (int k = 0; k < n; k++) {
                tab.set(k + 1, items[k]);
            }
            return Interp.NONE;
        });
        register(t, "foreach", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "foreach");
            Object[] kv = tab.next(null);
            while (kv != null) {
                Object[] r = i.call(a[1], kv[0], kv[1]);
                if (r.length > 0 && r[0] != null) {
                    return one(r[0]);
                }
                kv = tab.next(kv[0]);
            }
            return Interp.NONE;
        });
        register(t, "foreachi", (i, a) -> {
            LuaTable tab = checkTable(a, 0, "foreachi");
            int n = tab.length();
            for (int k = 1; k <= n; k++) {
                Object[] r = i.call(a[1], (double) k, tab.get(k));
                if (r.length > 0 && r[0] != null) {
                    return one(r[0]);
                }
            }
            return Interp.NONE;
        });
        in.globals.set("table", t);
    }

    private static Object first(Object[] r) {
        return r.length > 0 ? r[0] : null;
    }
}
