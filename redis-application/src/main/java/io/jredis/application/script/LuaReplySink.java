package io.jredis.application.script;

import io.jredis.application.port.ReplySink;
import io.jredis.application.script.lua.Interp;
import io.jredis.application.script.lua.LuaTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The reply of a command a script called, built as a Lua value with Redis's conversions
 * (RESP2: integer to number, bulk to string, null to false, array to table, status to {ok=...},
 * error to {err=...}; RESP3 after redis.setresp(3): maps, sets, doubles, booleans, big numbers).
 */
final class LuaReplySink implements ReplySink {

    /** RESP3 nulls become Lua nil. */
    private static final Object NIL = null;

    /** An aggregate being filled: its table and how many values it still takes. */
    private static final class Open {
        final LuaTable table;
        final LuaTable target;
        int remaining;
        final boolean map;
        final boolean set;
        Object pendingKey;
        boolean hasKey;
        int n;

        Open(LuaTable table, LuaTable target, int remaining, boolean map, boolean set) {
            this.table = table;
            this.target = target;
            this.remaining = remaining;
            this.map = map;
            this.set = set;
        }
    }

    private final ArrayDeque<Open> stack = new ArrayDeque<>();
    private Object result;
    private boolean error;
    private int resp = 2;

    private io.jredis.application.server.Stats stats;
    /** Error tables made from command replies this run: already counted (Redis's ignore_err_stats_update). */
    final java.util.Map<Object, Boolean> counted = new java.util.IdentityHashMap<>();

    void reset(int resp, io.jredis.application.server.Stats stats) {
        this.stats = stats;
        stack.clear();
        result = null;
        error = false;
        this.resp = resp;
    }

    Object result() {
        return result;
    }

    /** True when the top-level reply was an error. */
    boolean isError() {
        return error;
    }

    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    private void value(Object v) {
        if (stack.isEmpty()) {
            result = v;
            return;
        }
        Open o = stack.peek();
        if (o.map) {
            if (!o.hasKey) {
                o.pendingKey = v;
                o.hasKey = true;
            } else {
                if (o.pendingKey != null) {
                    Interp.rawSet(o.target, o.pendingKey, v);
                }
                o.hasKey = false;
            }
        } else if (o.set) {
            if (v != null) {
                Interp.rawSet(o.target, v, Boolean.TRUE);
            }
        } else {
            o.target.set(++o.n, v);
        }
        if (--o.remaining == 0) {
            stack.pop();
            value(o.table);
        }
    }

    private void aggregate(int count, boolean map, boolean set) {
        LuaTable t = new LuaTable();
        LuaTable target = t;
        if (resp == 2) {
            count = map ? count * 2 : count; // RESP2: maps are flat arrays, sets arrays
            map = false;
            set = false;
        } else if (map || set) {
            target = new LuaTable();
            t.set(map ? "map" : "set", target);
        }
        if (count == 0) {
            value(t);
            return;
        }
        stack.push(new Open(t, target, map ? count * 2 : count, map, set));
    }

    @Override
    public void status(String text) {
        LuaTable t = new LuaTable();
        t.set("ok", text);
        value(t);
    }

    @Override
    public void error(String text) {
        stats.errorReplied(text); // the command's error counts, as in Redis (errorstats, failed_calls)
        if (stack.isEmpty()) {
            error = true;
        }
        LuaTable err = ScriptEngine.errorTable("-" + text);
        counted.put(err, Boolean.TRUE);
        value(err);
    }

    @Override
    public void integer(long v) {
        value((double) v);
    }

    @Override
    public void bulk(byte[] v) {
        value(latin1(v, 0, v.length));
    }

    @Override
    public void bulk(byte[] buf, int off, int len) {
        value(latin1(buf, off, len));
    }

    @Override
    public void bulk(String v) {
        value(new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Override
    public void nullBulk() {
        value(resp == 2 ? Boolean.FALSE : NIL);
    }

    @Override
    public void nullArray() {
        value(resp == 2 ? Boolean.FALSE : NIL);
    }

    @Override
    public void array(int count) {
        aggregate(count, false, false);
    }

    @Override
    public void map(int count) {
        aggregate(count, true, false);
    }

    @Override
    public void set(int count) {
        aggregate(count, false, true);
    }

    @Override
    public void push(int count) {
        aggregate(count, false, false);
    }

    @Override
    public void doubleValue(double v) {
        if (resp == 3) {
            LuaTable t = new LuaTable();
            t.set("double", v);
            value(t);
        } else {
            bulk(io.jredis.domain.value.DoubleText.format(v));
        }
    }

    /**
     * A double the command printed itself (main's ReplySink gains this method: GEOPOS): RESP2
     * gives its text, RESP3 {double=...}. Declared without @Override so this branch compiles
     * before and after the merge.
     */
    public void doubleText(String text) {
        if (resp == 3) {
            LuaTable t = new LuaTable();
            t.set("double", Interp.parseNumber(text));
            value(t);
        } else {
            bulk(text);
        }
    }

    @Override
    public void bool(boolean v) {
        if (resp == 3) {
            value(v);
        } else {
            value(v ? 1.0 : 0.0);
        }
    }

    @Override
    public void bigNumber(String digits) {
        if (resp == 3) {
            LuaTable t = new LuaTable();
            t.set("big_number", digits);
            value(t);
        } else {
            bulk(digits);
        }
    }

    @Override
    public void verbatim(String format, String text) {
        if (resp == 3) {
            LuaTable t = new LuaTable();
            LuaTable v = new LuaTable();
            v.set("format", format);
            v.set("string", text);
            t.set("verbatim_string", v);
            value(t);
        } else {
            bulk(text);
        }
    }
}
